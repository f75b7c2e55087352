"""Seeded synthetic signals: hotspots in the configured wijken, daily and weekly
rhythm, 4-6 partners. Written in bulk through the content API (not HTTP)."""

from datetime import datetime
from datetime import timedelta

import math
import random


PARTNERS = (
    "partner-politie",
    "partner-woningcorporatie",
    "partner-wijkteam",
    "partner-handhaving",
    "partner-ggd",
)
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
# Busier in the evening and at weekends.
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 6, 7, 8, 8, 7, 5, 3, 2]


def centroid(geometry: dict) -> tuple[float, float]:
    ring = (
        geometry["coordinates"][0]
        if geometry["type"] == "Polygon"
        else geometry["coordinates"][0][0]
    )
    lon = sum(p[0] for p in ring) / len(ring)
    lat = sum(p[1] for p in ring) / len(ring)
    return lat, lon


def signals(wijken, count: int, seed: int = 42, end: datetime | None = None):
    """Yield dicts of signal fields."""
    rng = random.Random(seed)
    end = end or datetime(2026, 11, 1)
    centres = [centroid(w.geometry) for w in wijken]
    hotspots = [
        (lat + rng.gauss(0, 0.003), lon + rng.gauss(0, 0.005))
        for lat, lon in centres
        for _ in range(3)
    ]
    for _ in range(count):
        lat, lon = rng.choice(hotspots)
        spread = 0.0008 if rng.random() < 0.6 else 0.004  # most near a hotspot
        day = end - timedelta(days=rng.randrange(0, 730))
        if day.weekday() < 5 and rng.random() < 0.25:
            day += timedelta(days=5 - day.weekday())  # weekend bias
        hour = rng.choices(range(24), HOUR_WEIGHTS)[0]
        yield {
            "category": rng.choice(CATEGORIES),
            "description": "Synthetisch signaal",
            "latitude": lat + rng.gauss(0, spread),
            "longitude": lon + rng.gauss(0, spread * 1.6),
            "observed_at": day.replace(
                hour=hour, minute=rng.randrange(60), second=0, microsecond=0
            ),
            "reporting_partner": rng.choice(PARTNERS),
            "urgent": rng.random() < 0.05,
        }


def distance_ok(a, b) -> bool:
    return math.isfinite(a) and math.isfinite(b)
