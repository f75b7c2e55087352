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


class WijkLocator:
    """Point-in-polygon look-up of wijken with shapely (GEOS).

    An STRtree narrows a point to the polygons whose bounding box holds it;
    prepared geometries make the exact test cheap. Hundreds of polygons cost a
    few microseconds per look-up.
    """

    def __init__(self, wijken: list[Wijk]):
        from shapely import prepare
        from shapely import STRtree
        from shapely.geometry import shape

        self._codes = [w.code for w in wijken]
        self._shapes = [shape(w.geometry) for w in wijken]
        for geometry in self._shapes:
            prepare(geometry)
        self._tree = STRtree(self._shapes)

    def locate(self, lat: float, lon: float) -> str | None:
        """The code of the wijk that holds the point (GeoJSON is lon, lat)."""
        from shapely.geometry import Point

        point = Point(lon, lat)
        for index in self._tree.query(point):
            if self._shapes[index].covers(point):
                return self._codes[index]
        return None
