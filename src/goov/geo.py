"""The configured neighbourhoods (wijken) of the municipality.

Site administrators can replace the bundled demo polygons (Haarlem) with their own
municipality's GeoJSON in the control panel "Wijken" (registry record
goov.wijken_geojson). Parsed polygons and the spatial index are cached per process,
keyed by a hash of the GeoJSON, so a change takes effect on the next look-up.
"""

from goov.domain.geo import parse_wijken
from goov.domain.geo import Wijk
from goov.domain.geo import WijkLocator
from pathlib import Path
from plone import api

import hashlib


BUNDLED = Path(__file__).parent / "data" / "haarlem-wijken.geojson"
RECORD = "goov.wijken_geojson"
_cache: dict[str, tuple[list[Wijk], WijkLocator | None]] = {}


def configured_geojson() -> str:
    try:
        text = api.portal.get_registry_record(RECORD, default=None)
    except api.exc.CannotGetPortalError:
        text = None
    return text or BUNDLED.read_text(encoding="utf-8")


def _entry(text: str):
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if key not in _cache:
        _cache.clear()  # one municipality per site; keep memory flat
        _cache[key] = (parse_wijken(text), None)
    return key


def wijken() -> list[Wijk]:
    return _cache[_entry(configured_geojson())][0]


def locator() -> WijkLocator:
    key = _entry(configured_geojson())
    parsed, built = _cache[key]
    if built is None:
        built = WijkLocator(parsed)
        _cache[key] = (parsed, built)
    return built


def wijk_for(lat: float | None, lon: float | None) -> str | None:
    if lat is None or lon is None:
        return None
    return locator().locate(lat, lon)


def wijk_name(code: str | None) -> str | None:
    for wijk in wijken():
        if wijk.code == code:
            return wijk.name
    return None
