"""Similarity domain rules, with property-based tests for the geometry."""

from datetime import datetime
from datetime import timedelta
from datetime import timezone
from goov.domain.similarity import address_key
from goov.domain.similarity import bucket_key
from goov.domain.similarity import candidate_keys
from goov.domain.similarity import cell
from goov.domain.similarity import haversine_m
from goov.domain.similarity import M_PER_DEG_LAT
from goov.domain.similarity import nearby_cells
from goov.domain.similarity import person_key
from goov.domain.similarity import rank
from goov.domain.similarity import score
from goov.domain.similarity import SignalFacts
from goov.domain.similarity import weeks_between
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

import math


SECRET = b"k" * 32
T0 = datetime(2026, 6, 1, 12, tzinfo=timezone.utc)
WINDOW = timedelta(days=90)


def offset(lat, lon, north_m, east_m):
    return (
        lat + north_m / M_PER_DEG_LAT,
        lon + east_m / (M_PER_DEG_LAT * math.cos(math.radians(lat))),
    )


@settings(max_examples=300, deadline=None)
@given(
    lat=st.floats(50.0, 54.0),
    lon=st.floats(3.0, 7.5),
    radius=st.floats(10.0, 1000.0),
    bearing=st.floats(0, 2 * math.pi),
    fraction=st.floats(0, 0.999),
)
def test_every_point_within_the_radius_is_in_a_queried_cell(
    lat, lon, radius, bearing, fraction
):
    plat, plon = offset(
        lat,
        lon,
        math.cos(bearing) * radius * fraction,
        math.sin(bearing) * radius * fraction,
    )
    if haversine_m(lat, lon, plat, plon) <= radius:
        assert cell(plat, plon) in set(nearby_cells(lat, lon, radius))


@settings(max_examples=200, deadline=None)
@given(
    days=st.integers(-400, 400),
    window=st.integers(1, 365),
)
def test_every_moment_within_the_window_has_its_week_queried(days, window):
    other = T0 + timedelta(days=days)
    weeks = set(weeks_between(T0 - timedelta(days=window), T0 + timedelta(days=window)))
    if abs(days) <= window:
        assert bucket_key(52.38, 4.63, other).rsplit(":", 1)[1] in weeks


def test_lookup_cost_does_not_depend_on_data():
    keys = candidate_keys(52.38, 4.63, T0, 150, WINDOW)
    assert 100 < len(keys) < 300


def test_haversine_known_distance():
    # Haarlem Grote Markt to Amsterdam Dam: about 17.6 km.
    assert 17_000 < haversine_m(52.3812, 4.6365, 52.3731, 4.8926) < 18_000


def test_keys_normalise_and_hide():
    a = address_key(SECRET, "Grote Markt 1, 2011 RD Haarlem")
    assert a == address_key(SECRET, "grote  markt 1 2011rd HAARLEM")
    assert "markt" not in a
    # Case, spacing and diacritics fold away.
    assert person_key(SECRET, "Jan de Vries", "1970-05-05") == person_key(
        SECRET, "JAN DE  VRIËS", "1970-05-05"
    )
    assert person_key(SECRET, "Jan", None) is None
    assert person_key(SECRET, "Jan", "1970-05-05") != person_key(
        SECRET, "Jan", "1970-05-06"
    )
    assert address_key(b"other" * 8, "Grote Markt 1") != address_key(
        SECRET, "Grote Markt 1"
    )


def facts(uid, lat=52.38, lon=4.63, when=T0, category="drugs", a=None, p=()):
    return SignalFacts(uid, category, lat, lon, when, a, frozenset(p))


def test_score_reasons_and_order():
    base = facts("base")
    near = facts("near", *offset(52.38, 4.63, 30, 0))
    near_other = facts("other", *offset(52.38, 4.63, 100, 0), category="overig")
    far = facts("far", *offset(52.38, 4.63, 400, 0))
    late = facts("late", when=T0 + timedelta(days=120))
    s_near = score(base, near, 150, WINDOW)
    assert (
        s_near.reasons[0].startswith("binnen ") and "zelfde categorie" in s_near.reasons
    )
    assert score(base, far, 150, WINDOW) is None
    assert score(base, late, 150, WINDOW) is None
    ranked = rank([score(base, x, 150, WINDOW) for x in (near_other, far, near)], 10)
    assert [s.uid for s in ranked] == ["near", "other"]
    assert all(0 < s.score <= 1 for s in ranked)


def test_person_match_anywhere_and_any_time():
    base = facts("base", p={"p:1"})
    elsewhere = facts("x", lat=None, lon=None, when=T0 + timedelta(days=900), p={"p:1"})
    suggestion = score(base, elsewhere, 150, WINDOW)
    assert suggestion.reasons == ("zelfde persoon", "zelfde categorie")
    assert suggestion.distance_m is None
