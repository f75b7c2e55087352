"""The configured neighbourhoods (wijken) of the municipality."""

from goov.domain.geo import parse_wijken
from goov.domain.geo import Wijk
from pathlib import Path


BUNDLED = Path(__file__).parent / "data" / "haarlem-wijken.geojson"
_cache: dict[str, list[Wijk]] = {}


def wijken() -> list[Wijk]:
    """The demo municipality's wijken (bundled GeoJSON), parsed once per process."""
    key = str(BUNDLED)
    if key not in _cache:
        _cache[key] = parse_wijken(BUNDLED.read_text(encoding="utf-8"))
    return _cache[key]


def wijk_name(code: str | None) -> str | None:
    for wijk in wijken():
        if wijk.code == code:
            return wijk.name
    return None
