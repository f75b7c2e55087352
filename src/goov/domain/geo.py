"""Neighbourhoods (wijken) from GeoJSON: parsing and validation (no geometry)."""

from dataclasses import dataclass

import json


@dataclass(frozen=True)
class Wijk:
    code: str
    name: str
    geometry: dict


class InvalidNeighbourhoods(ValueError):
    """The GeoJSON does not describe usable neighbourhood polygons."""


def parse_wijken(geojson_text: str) -> list[Wijk]:
    """Read a FeatureCollection of (Multi)Polygons with properties code and name."""
    try:
        data = json.loads(geojson_text)
    except ValueError as exc:
        raise InvalidNeighbourhoods(f"not JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InvalidNeighbourhoods("expected a GeoJSON FeatureCollection")
    wijken = []
    seen = set()
    for index, feature in enumerate(data.get("features") or []):
        props = feature.get("properties") or {}
        geometry = feature.get("geometry") or {}
        code = str(props.get("code") or "").strip()
        name = str(props.get("name") or "").strip()
        if not code or not name:
            raise InvalidNeighbourhoods(f"feature {index}: properties code and name")
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            raise InvalidNeighbourhoods(f"feature {index}: geometry must be a polygon")
        if code in seen:
            raise InvalidNeighbourhoods(f"feature {index}: duplicate code {code!r}")
        seen.add(code)
        wijken.append(Wijk(code=code, name=name, geometry=geometry))
    if not wijken:
        raise InvalidNeighbourhoods("no features")
    return sorted(wijken, key=lambda w: w.code)
