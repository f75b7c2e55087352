"""Similar-signal suggestions: spatial-temporal buckets, keys and scoring.

A signal is indexed under one bucket key "<cell_y>:<cell_x>:<iso year>-<iso week>":
a grid cell of CELL_M metres and its ISO week. A look-up asks for the cells within
the radius and the weeks within the time window: a few hundred keys, each a small
set in a KeywordIndex, so the cost is O(log n + k) and does not grow with the
number of stored signals. Exact distances (haversine) are computed only on those
candidates.
"""

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

import hashlib
import hmac
import math
import re
import unicodedata


CELL_M = 250.0  # grid size; look-ups with a larger radius query more cells
EARTH_RADIUS_M = 6_371_008.8
M_PER_DEG_LAT = 111_320.0


def _m_per_deg_lon(row: int) -> float:
    """Metres per degree of longitude at the middle of a grid row."""
    return M_PER_DEG_LAT * math.cos(math.radians((row + 0.5) * CELL_M / M_PER_DEG_LAT))


def cell(lat: float, lon: float) -> tuple[int, int]:
    """Grid cell of a point: rows of CELL_M metres of latitude, columns of
    CELL_M metres of longitude measured at the row's latitude."""
    row = math.floor(lat * M_PER_DEG_LAT / CELL_M)
    return row, math.floor(lon * _m_per_deg_lon(row) / CELL_M)


def week(moment: datetime) -> str:
    year, number, _ = moment.isocalendar()
    return f"{year}-{number:02d}"


def bucket_key(lat: float, lon: float, moment: datetime) -> str:
    row, col = cell(lat, lon)
    return f"{row}:{col}:{week(moment)}"


def nearby_cells(lat: float, lon: float, radius_m: float) -> list[tuple[int, int]]:
    """Every cell that may hold a point within radius_m of (lat, lon)."""
    lat_span = radius_m / M_PER_DEG_LAT
    first_row, last_row = cell(lat - lat_span, lon)[0], cell(lat + lat_span, lon)[0]
    cells = []
    for row in range(first_row, last_row + 1):
        x = lon * _m_per_deg_lon(row)
        first, last = (
            math.floor((x - radius_m) / CELL_M),
            math.floor((x + radius_m) / CELL_M),
        )
        cells.extend((row, col) for col in range(first, last + 1))
    return cells


def weeks_between(start: datetime, end: datetime) -> list[str]:
    """Every ISO week that has a day in [start, end]."""
    keys, moment = {week(end)}, start
    while moment < end:
        keys.add(week(moment))
        moment += timedelta(days=7)
    return sorted(keys)


def candidate_keys(
    lat: float, lon: float, moment: datetime, radius_m: float, window: timedelta
) -> list[str]:
    return [
        f"{row}:{col}:{wk}"
        for row, col in nearby_cells(lat, lon, radius_m)
        for wk in weeks_between(moment - window, moment + window)
    ]


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


# ---- normalised, keyed identifiers (no clear personal data in the catalog) ----
def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def normalise_address(address: str) -> str:
    """ "Grote Markt 1, 2011 RD  Haarlem" and "grote markt 1 2011rd haarlem" agree."""
    text = normalise(address)
    text = re.sub(r"\b(\d{4}) ([a-z]{2})\b", r"\1\2", text)
    return text


def keyed(secret: bytes, kind: str, value: str) -> str:
    """A keyed hash: equal inputs match, but the index reveals no names."""
    digest = hmac.new(secret, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
    return f"{kind}:{digest[:24]}"


def address_key(secret: bytes, address: str) -> str | None:
    value = normalise_address(address)
    return keyed(secret, "a", value) if value else None


def person_key(secret: bytes, name: str, birthdate: str | None) -> str | None:
    value = normalise(name)
    if not value or not birthdate:
        return None  # a name alone is too weak to call two people the same
    return keyed(secret, "p", f"{value}|{birthdate}")


# ---- scoring -------------------------------------------------------------------
@dataclass(frozen=True)
class SignalFacts:
    uid: str
    category: str | None
    lat: float | None
    lon: float | None
    observed_at: datetime | None
    address_key: str | None
    person_keys: frozenset


@dataclass(frozen=True)
class Suggestion:
    uid: str
    score: float
    distance_m: float | None
    reasons: tuple[str, ...]


def score(
    signal: SignalFacts, other: SignalFacts, radius_m: float, window: timedelta
) -> Suggestion | None:
    """None when `other` does not qualify (too far, too long ago, nothing shared)."""
    reasons, points = [], 0.0
    distance = None
    if None not in (signal.lat, signal.lon, other.lat, other.lon):
        distance = haversine_m(signal.lat, signal.lon, other.lat, other.lon)
    near_in_time = (
        signal.observed_at is not None
        and other.observed_at is not None
        and abs(signal.observed_at - other.observed_at) <= window
    )
    near = distance is not None and distance <= radius_m and near_in_time
    same_person = bool(signal.person_keys & other.person_keys)
    same_address = bool(signal.address_key) and signal.address_key == other.address_key
    if not (near or same_person or same_address):
        return None
    if same_person:
        reasons.append("zelfde persoon")
        points += 0.5
    if same_address:
        reasons.append("zelfde adres")
        points += 0.35
    if near:
        reasons.append(f"binnen {max(1, round(distance))} m")
        points += 0.3 * (1 - distance / radius_m)
    if signal.category and signal.category == other.category:
        reasons.append("zelfde categorie")
        points += 0.15
    if near_in_time:
        gap = abs(signal.observed_at - other.observed_at)
        if gap <= timedelta(days=14):
            reasons.append("binnen 14 dagen")
        points += 0.1 * (1 - gap / window)
    return Suggestion(
        uid=other.uid,
        score=round(min(1.0, points), 3),
        distance_m=None if distance is None else round(distance, 1),
        reasons=tuple(reasons),
    )


def rank(suggestions, limit: int) -> list[Suggestion]:
    found = [s for s in suggestions if s is not None]
    return sorted(found, key=lambda s: (-s.score, s.distance_m or 0.0))[:limit]
