"""Seeded synthetic GOOV data: what a municipality's portal holds after some years.

Pure Python (no Zope): `plan()` yields signals and dossiers in time order;
bench/database.py writes them in batches through the content API.

Realism rules, and why:
- A city produces about RATE_PER_TOWN_WEEK signals a week, whatever the age of its
  database: more data means more weeks, not denser streets. History is kept for at
  most MAX_WEEKS (five years, the dossier retention period; closed signals go
  after a year), so beyond RATE x MAX_WEEKS signals the portal serves more area:
  copies of the configured wijken, shifted, stand for the other municipalities of
  a region. Signals per square metre per week are therefore the same at every
  scale, which is what the similar-signals look-up depends on.
- Most signals fall near hotspots (three per wijk at a time), which last a few
  months (the approach works, the problem moves); the rest anywhere in a wijk.
- Evening peak over the day, more at weekends; 4-6 partners with their own share.
- Hotspots share addresses and people, so "same address" and "same person"
  matches occur; about half of a hotspot's signals end up in a dossier of 5-50
  signals with about 10 actions; about 1.5 small photos per signal.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import timedelta

import json
import math
import random


GENERATOR_VERSION = 2  # bump when the data changes: cached databases are rebuilt
SEED = 42
END = datetime(2026, 11, 1)  # the last day of generated history (fixed: seeded)
RATE_PER_TOWN_WEEK = 96  # about 5 per wijk per week in a city of 21 wijken
MAX_WEEKS = 261  # five years
TOWN_STEP = 0.1  # degrees between the copies of the wijken (a town is ~0.09 wide)
TOWNS_PER_ROW = 7
HOTSPOTS_PER_WIJK = 3
HOTSPOT_SHARE = 0.6  # of signals near a hotspot, the rest anywhere in a wijk
HOTSPOT_WEEKS = (13, 78)  # how long a hotspot lasts
CASE_SHARE = 0.5  # of a hotspot's signals, the part that becomes a dossier
DOSSIER_SIZE = (5, 50)
SIZE_MEAN_EXTRA = 12.0  # dossier size: 5 + exponential(mean 12), capped at 50
FIXED_EVERY = 25  # every 25th dossier has exactly FIXED_SIZE signals, 10 actions
FIXED_SIZE = 20
RECENT_WEEKS = 4  # younger signals are still new or triaged

PARTNERS = (  # (group, share of signals)
    ("partner-politie", 35),
    ("partner-handhaving", 25),
    ("partner-woningcorporatie", 20),
    ("partner-wijkteam", 15),
    ("partner-ggd", 5),
)
MUNICIPALITY = "partner-gemeente"  # the regisseur's partner, on every roster
CATEGORIES = (
    "drugs",
    "woonoverlast",
    "verward_gedrag",
    "ondermijning",
    "woonfraude",
    "verloedering",
    "jeugdoverlast",
    "overig",
)
# Busier in the evening; weekends get extra weight below.
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 6, 7, 8, 8, 7, 5, 3, 2]
DAY_WEIGHTS = [10, 10, 10, 11, 13, 17, 15]  # Monday .. Sunday
STREETS = (
    "Kruisstraat",
    "Zijlweg",
    "Schoterweg",
    "Amsterdamstraat",
    "Rijksstraatweg",
    "Europaweg",
    "Prinsenhof",
    "Generaal Cronjéstraat",
    "Leidsevaart",
    "Spaarndamseweg",
)
DESCRIPTIONS = (
    "Hennepgeur uit bovenwoning, ramen afgeplakt.",
    "Groep jongeren hangt 's avonds bij de portiek, buren voelen zich onveilig.",
    "Veel wisselende bewoners, vermoedelijk illegale kamerverhuur.",
    "Afval en grofvuil naast de container, al weken.",
    "Man roept op straat en spreekt voorbijgangers dreigend aan.",
    "Busjes laden 's nachts dozen in en uit bij een leegstaand pand.",
    "Geluidsoverlast en ruzie, politie eerder ter plaatse geweest.",
)
ACTION_TITLES = (
    "Huisbezoek afleggen",
    "Bestuurlijke rapportage opstellen",
    "Huurcontract en bewoning controleren",
    "Zorgaanbod doen",
    "Extra surveillance in de avond",
    "Eigenaar aanschrijven",
    "Cameratoezicht beoordelen",
    "Gesprek met ouders",
    "Last onder dwangsom voorbereiden",
    "Buurtbewoners informeren",
    "Sluiting pand voorbereiden (Opiumwet 13b)",
    "Schuldhulp aanbieden",
)


# ---- layout: how many towns and weeks a scale needs ----------------------------
@dataclass(frozen=True)
class Layout:
    towns: int
    weeks: int

    @property
    def start(self) -> datetime:
        return END - timedelta(weeks=self.weeks)


def layout(scale: int) -> Layout:
    """The same density per town and week at every scale."""
    towns = max(1, math.ceil(scale / (RATE_PER_TOWN_WEEK * MAX_WEEKS)))
    weeks = max(1, math.ceil(scale / (RATE_PER_TOWN_WEEK * towns)))
    return Layout(towns=towns, weeks=weeks)


def town_offset(town: int) -> tuple[float, float]:
    """(dlat, dlon) of a town's copy of the wijken; town 0 is the original."""
    return (town // TOWNS_PER_ROW) * TOWN_STEP, (town % TOWNS_PER_ROW) * TOWN_STEP


def town_code(town: int, code: str) -> str:
    return code if town == 0 else f"s{town:02d}-{code}"


def _shift(coordinates, dlat: float, dlon: float):
    if coordinates and isinstance(coordinates[0], int | float):
        return [coordinates[0] + dlon, coordinates[1] + dlat]
    return [_shift(c, dlat, dlon) for c in coordinates]


def region_geojson(wijken, towns: int) -> str:
    """The configured wijken and their shifted copies, as one FeatureCollection."""
    features = []
    for town in range(towns):
        dlat, dlon = town_offset(town)
        for wijk in wijken:
            name = wijk.name if town == 0 else f"{wijk.name} (stad {town + 1})"
            features.append(
                {
                    "type": "Feature",
                    "properties": {"code": town_code(town, wijk.code), "name": name},
                    "geometry": {
                        "type": wijk.geometry["type"],
                        "coordinates": _shift(wijk.geometry["coordinates"], dlat, dlon),
                    },
                }
            )
    return json.dumps({"type": "FeatureCollection", "features": features})


# ---- places ---------------------------------------------------------------------
class Area:
    """Random points inside one wijk polygon (shapely, rejection sampling)."""

    def __init__(self, code: str, geometry: dict, dlat: float, dlon: float):
        from shapely import prepare
        from shapely.geometry import shape

        self.code = code
        self.shape = shape(
            {
                "type": geometry["type"],
                "coordinates": _shift(geometry["coordinates"], dlat, dlon),
            }
        )
        prepare(self.shape)
        self.bounds = self.shape.bounds  # lon, lat, lon, lat
        self.area = self.shape.area

    def point(self, rng: random.Random) -> tuple[float, float]:
        from shapely import contains_xy

        min_lon, min_lat, max_lon, max_lat = self.bounds
        for _ in range(1000):
            lon, lat = rng.uniform(min_lon, max_lon), rng.uniform(min_lat, max_lat)
            if contains_xy(self.shape, lon, lat):
                return lat, lon
        centre = self.shape.representative_point()
        return centre.y, centre.x


@dataclass
class Hotspot:
    key: int
    area: Area
    lat: float
    lon: float
    until_week: int
    category: str
    addresses: list[str]
    persons: list[dict]
    target: int  # signals to collect before a dossier is made
    pending: list[int] = field(default_factory=list)

    @property
    def fixed(self) -> bool:
        return self.target == FIXED_SIZE


# ---- what is yielded ---------------------------------------------------------------
@dataclass(frozen=True)
class SignalSpec:
    index: int
    fields: dict  # Signal schema fields
    state: str  # new, triaged, closed, rejected (linked comes with the dossier)
    photos: int
    case: bool  # waits for a DossierSpec or a CloseSpec naming it


@dataclass(frozen=True)
class CloseSpec:
    signals: tuple[int, ...]  # case signals that did not become a dossier


@dataclass(frozen=True)
class ActionSpec:
    title: str
    partner: str
    due: date
    state: str  # open, in_progress, done, cancelled


@dataclass(frozen=True)
class DossierSpec:
    index: int
    signals: tuple[int, ...]  # SignalSpec.index of the signals to link
    wijk: str
    kind: str
    title: str
    roster: tuple[str, ...]
    state: str  # analysis, active, monitoring, closed
    created: datetime
    actions: tuple[ActionSpec, ...]


class Generator:
    def __init__(self, wijken, scale: int, seed: int = SEED):
        self.rng = random.Random(seed)
        self.scale = scale
        self.layout = layout(scale)
        self.areas = []
        for town in range(self.layout.towns):
            dlat, dlon = town_offset(town)
            self.areas.extend(
                Area(town_code(town, w.code), w.geometry, dlat, dlon) for w in wijken
            )
        self.area_weights = [a.area for a in self.areas]
        self.next_key = 0
        self.targets = 0
        self.dossiers = 0
        self.hotspots = [
            self._hotspot(area, week=0)
            for area in self.areas
            for _ in range(HOTSPOTS_PER_WIJK)
        ]

    # -- hotspots ------------------------------------------------------------------
    def _hotspot(self, area: Area, week: int) -> Hotspot:
        rng = self.rng
        self.next_key += 1
        lat, lon = area.point(rng)
        street = rng.choice(STREETS)
        return Hotspot(
            key=self.next_key,
            area=area,
            lat=lat,
            lon=lon,
            until_week=week + rng.randint(*HOTSPOT_WEEKS),
            category=rng.choice(CATEGORIES),
            addresses=[
                f"{street} {rng.randint(1, 180)}, 20{rng.randint(11, 39)} "
                f"{rng.choice('ABCDEHJKLMNPRSTVWXZ')}{rng.choice('ABEGHJKLNPRSTVXZ')} "
                "Haarlem"
                for _ in range(3)
            ],
            persons=[
                {
                    "name": f"Betrokkene {self.next_key}-{i}",
                    "birthdate": f"{rng.randint(1950, 2008)}-"
                    f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                }
                for i in range(2)
            ],
            target=self._dossier_size(),
        )

    def _dossier_size(self) -> int:
        low, high = DOSSIER_SIZE
        self.targets += 1
        if self.targets % FIXED_EVERY == 0:
            return FIXED_SIZE
        size = min(high, low + int(self.rng.expovariate(1 / SIZE_MEAN_EXTRA)))
        return size + 1 if size == FIXED_SIZE else size

    def _renew(self, week: int) -> list:
        """Replace hotspots that are over: their open cases become a dossier, or
        are closed when too few (a fixed-size case waits for its last signals)."""
        finished = []
        for i, spot in enumerate(self.hotspots):
            if spot.until_week > week:
                continue
            if spot.fixed and len(spot.pending) < FIXED_SIZE:
                spot.until_week += 4
                continue
            if len(spot.pending) >= DOSSIER_SIZE[0]:
                finished.append(self._dossier(spot, week))
            elif spot.pending:
                finished.append(CloseSpec(tuple(spot.pending)))
            self.hotspots[i] = self._hotspot(spot.area, week)
        return finished

    # -- signals -----------------------------------------------------------------
    def _moment(self, week: int) -> datetime:
        rng = self.rng
        day = rng.choices(range(7), DAY_WEIGHTS)[0]
        hour = rng.choices(range(24), HOUR_WEIGHTS)[0]
        monday = self.layout.start + timedelta(weeks=week)
        monday -= timedelta(days=monday.weekday())
        return monday.replace(hour=hour, minute=rng.randrange(60)) + timedelta(days=day)

    def _state(self, observed: datetime) -> str:
        if observed > END - timedelta(weeks=RECENT_WEEKS):
            return "new" if self.rng.random() < 0.6 else "triaged"
        return self.rng.choices(("closed", "rejected", "triaged"), (85, 10, 5))[0]

    def _photos(self) -> int:
        return self.rng.choices(range(6), (30, 25, 20, 15, 5, 5))[0]  # mean 1.55

    def _signal(self, index: int, week: int) -> tuple[SignalSpec, Hotspot | None]:
        rng = self.rng
        spot = None
        if rng.random() < HOTSPOT_SHARE:
            spot = rng.choice(self.hotspots)
            lat = spot.lat + rng.gauss(0, 0.0006)  # ~65 m
            lon = spot.lon + rng.gauss(0, 0.0010)
            category = spot.category if rng.random() < 0.6 else rng.choice(CATEGORIES)
            address = rng.choice(spot.addresses) if rng.random() < 0.5 else None
            persons = [dict(rng.choice(spot.persons))] if rng.random() < 0.25 else []
        else:
            area = rng.choices(self.areas, self.area_weights)[0]
            lat, lon = area.point(rng)
            category = rng.choice(CATEGORIES)
            address = None
            persons = []
        observed = self._moment(week)
        case = spot is not None and rng.random() < CASE_SHARE
        fields = {
            "category": category,
            "description": rng.choice(DESCRIPTIONS),
            "latitude": round(lat, 6),
            "longitude": round(lon, 6),
            "address": address,
            "persons": persons,
            "observed_at": observed,
            "reporting_partner": rng.choices(*zip(*PARTNERS, strict=True))[0],
            "urgent": rng.random() < 0.05,
            "source": "app",
        }
        state = self._state(observed)
        if case:
            state = "new" if rng.random() < 0.5 else "triaged"
        spec = SignalSpec(index, fields, state, self._photos(), case)
        return spec, (spot if case else None)

    # -- dossiers ------------------------------------------------------------------
    def _dossier(self, spot: Hotspot, week: int) -> DossierSpec:
        rng = self.rng
        self.dossiers += 1
        members, spot.pending = tuple(spot.pending), []
        spot.target = self._dossier_size()
        created = self.layout.start + timedelta(weeks=week, days=rng.randint(1, 6))
        age = END - created
        if age > timedelta(weeks=52):
            state = "closed"
        elif age > timedelta(weeks=13):
            state = rng.choice(("active", "monitoring"))
        else:
            state = rng.choice(("analysis", "active", "active"))
        partners = [p for p, _ in PARTNERS]
        roster = (MUNICIPALITY, *rng.sample(partners, rng.randint(2, 4)))
        count = 10 if len(members) == 20 else rng.randint(8, 12)
        return DossierSpec(
            index=self.dossiers,
            signals=members,
            wijk=spot.area.code,
            kind=rng.choice(("address", "location", "person", "family")),
            title=f"Casus {self.dossiers}: {spot.category} {spot.area.code}",
            roster=roster,
            state=state,
            created=created,
            actions=tuple(self._action(roster, created, state) for _ in range(count)),
        )

    def _action(self, roster, created: datetime, dossier_state: str) -> ActionSpec:
        rng = self.rng
        due = (created + timedelta(days=rng.randint(7, 120))).date()
        if dossier_state == "closed":
            state = rng.choices(("done", "cancelled"), (85, 15))[0]
        elif due < END.date():
            state = rng.choices(("done", "in_progress", "open"), (60, 25, 15))[0]
        else:
            state = rng.choice(("open", "in_progress"))
        return ActionSpec(
            title=rng.choice(ACTION_TITLES),
            partner=rng.choice(roster[1:]),
            due=due,
            state=state,
        )

    # -- the stream ----------------------------------------------------------------
    def plan(self):
        """Yield SignalSpec and DossierSpec in time order; a dossier only after
        all of its signals."""
        weeks = self.layout.weeks
        week = -1
        for index in range(self.scale):
            current = index * weeks // self.scale
            if current != week:
                week = current
                yield from self._renew(week)
            spec, spot = self._signal(index, week)
            yield spec
            if spot is not None:
                spot.pending.append(index)
                if len(spot.pending) >= spot.target:
                    yield self._dossier(spot, week)
        for spot in self.hotspots:  # the cases still being collected
            if len(spot.pending) >= DOSSIER_SIZE[0]:
                yield self._dossier(spot, weeks)


def plan(wijken, scale: int, seed: int = SEED):
    return Generator(wijken, scale, seed).plan()


# ---- photos -------------------------------------------------------------------
def small_jpegs(count: int = 12, seed: int = SEED) -> list[bytes]:
    """A pool of distinct small street-like JPEGs (about 10 kB, 240x180)."""
    from io import BytesIO
    from PIL import Image
    from PIL import ImageDraw

    rng = random.Random(seed)
    pool = []
    for _ in range(count):
        image = Image.new(
            "RGB", (240, 180), tuple(rng.randrange(90, 200) for _ in "rgb")
        )
        draw = ImageDraw.Draw(image)
        for _ in range(40):
            x, y = rng.randrange(240), rng.randrange(180)
            colour = tuple(rng.randrange(256) for _ in "rgb")
            draw.rectangle((x, y, x + rng.randrange(60), y + rng.randrange(40)), colour)
        image = image.effect_spread(2)
        out = BytesIO()
        image.save(out, "JPEG", quality=70)
        pool.append(out.getvalue())
    return pool


def phone_jpeg(target_bytes: int = 3 * 1024 * 1024, seed: int = SEED) -> bytes:
    """A phone-sized photo (4032x3024) of about target_bytes, with EXIF (GPS,
    camera, orientation) as a phone writes it."""
    from io import BytesIO
    from PIL import Image
    from PIL import ImageFilter

    import piexif

    rng = random.Random(seed)
    width, height = 4032, 3024
    noise = Image.effect_noise((width // 4, height // 4), 60).convert("RGB")
    base = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    texture = noise.resize((width, height)).filter(ImageFilter.SMOOTH)
    image = Image.blend(base, texture, 0.5)
    exif = piexif.dump(
        {
            "0th": {
                piexif.ImageIFD.Make: b"Phone",
                piexif.ImageIFD.Model: b"Street 12",
                piexif.ImageIFD.Orientation: 1,
            },
            "GPS": {
                piexif.GPSIFD.GPSLatitudeRef: b"N",
                piexif.GPSIFD.GPSLatitude: (
                    (52, 1),
                    (22, 1),
                    (rng.randrange(6000), 100),
                ),
                piexif.GPSIFD.GPSLongitudeRef: b"E",
                piexif.GPSIFD.GPSLongitude: (
                    (4, 1),
                    (38, 1),
                    (rng.randrange(6000), 100),
                ),
            },
        }
    )
    best = b""
    low, high = 5, 98
    while low <= high:  # the highest quality that stays under the target
        quality = (low + high) // 2
        out = BytesIO()
        image.save(out, "JPEG", quality=quality, exif=exif)
        if out.tell() <= target_bytes:
            best, low = out.getvalue(), quality + 1
        else:
            high = quality - 1
    return best
