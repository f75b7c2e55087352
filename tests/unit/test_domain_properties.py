"""Property-based tests of the domain rules: geometry, scoring, deadlines."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from goov.domain.action import is_overdue
from goov.domain.action import OPEN_STATES
from goov.domain.action import STATES
from goov.domain.geo import Wijk
from goov.domain.geo import WijkLocator
from goov.domain.similarity import haversine_m
from goov.domain.similarity import score
from goov.domain.similarity import SignalFacts
from hypothesis import given
from hypothesis import strategies as st


lat = st.floats(min_value=50.5, max_value=53.5)
lon = st.floats(min_value=3.3, max_value=7.2)
T0 = datetime(2026, 6, 1, 12, 0)


def square(code, west, south, size):
    ring = [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
    ]
    return Wijk(code, code, {"type": "Polygon", "coordinates": [ring]})


# A 4 x 4 grid of 0.01-degree wijken from (4.60, 52.36).
GRID = [
    square(f"{i}-{j}", 4.60 + 0.01 * i, 52.36 + 0.01 * j, 0.01)
    for i in range(4)
    for j in range(4)
]
LOCATOR = WijkLocator(GRID)


@given(
    x=st.floats(min_value=0.0005, max_value=0.0395),
    y=st.floats(min_value=0.0005, max_value=0.0395),
)
def test_every_point_in_the_grid_has_its_own_wijk(x, y):
    code = LOCATOR.locate(52.36 + y, 4.60 + x)
    i, j = int(x / 0.01), int(y / 0.01)
    on_edge = min(x % 0.01, 0.01 - x % 0.01, y % 0.01, 0.01 - y % 0.01) < 1e-9
    assert code == f"{i}-{j}" or on_edge


@given(la=lat, lo=lon)
def test_points_outside_the_grid_have_no_wijk(la, lo):
    inside = 52.36 <= la <= 52.40 and 4.60 <= lo <= 4.64
    assert (LOCATOR.locate(la, lo) is not None) == inside


@given(a=st.tuples(lat, lon), b=st.tuples(lat, lon), c=st.tuples(lat, lon))
def test_haversine_is_a_metric(a, b, c):
    ab, ba = haversine_m(*a, *b), haversine_m(*b, *a)
    assert abs(ab - ba) < 1e-6
    assert haversine_m(*a, *a) < 1e-6
    assert ab <= haversine_m(*a, *c) + haversine_m(*c, *b) + 1e-6


def facts(uid, la, lo, when, category="drugs", person=frozenset()):
    return SignalFacts(uid, category, la, lo, when, None, person)


@given(
    la=lat,
    lo=lon,
    d1=st.floats(min_value=0, max_value=140),
    d2=st.floats(min_value=0, max_value=140),
    days=st.integers(min_value=0, max_value=80),
)
def test_nearer_never_scores_lower(la, lo, d1, d2, days):
    base = facts("b", la, lo, T0)
    metres_per_degree = 111_320
    when = T0 + timedelta(days=days)
    one = score(
        base, facts("1", la + d1 / metres_per_degree, lo, when), 150, timedelta(days=90)
    )
    two = score(
        base, facts("2", la + d2 / metres_per_degree, lo, when), 150, timedelta(days=90)
    )
    assert one is not None and two is not None
    assert 0 < one.score <= 1 and 0 < two.score <= 1
    if d1 < d2:
        assert one.score >= two.score


@given(la=lat, lo=lon, days=st.integers(min_value=91, max_value=3000))
def test_outside_the_window_only_a_shared_person_counts(la, lo, days):
    base = facts("b", la, lo, T0, person=frozenset({"p:1"}))
    later = T0 + timedelta(days=days)
    assert score(base, facts("x", la, lo, later), 150, timedelta(days=90)) is None
    same = facts("y", la, lo, later, person=frozenset({"p:1"}))
    assert score(base, same, 150, timedelta(days=90)) is not None


@given(
    due=st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1))),
    today=st.dates(min_value=date(2000, 1, 1)),
    state=st.sampled_from(STATES),
)
def test_overdue_means_open_and_past_its_date(due, today, state):
    expected = due is not None and state in OPEN_STATES and due < today
    assert is_overdue(due, state, today) is expected
    if due is not None and state in OPEN_STATES:
        assert not is_overdue(due, state, due)  # due today is not overdue yet
