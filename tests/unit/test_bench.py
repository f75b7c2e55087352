"""The benchmark's data generator and statistics (no Zope)."""

from pathlib import Path

import pytest
import sys


REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # bench/ is not an installed package

from bench import generate  # noqa: E402
from bench.generate import CloseSpec  # noqa: E402
from bench.generate import DossierSpec  # noqa: E402
from bench.generate import layout  # noqa: E402
from bench.generate import plan  # noqa: E402
from bench.generate import region_geojson  # noqa: E402
from bench.generate import SignalSpec  # noqa: E402
from bench.stats import bootstrap_ratio  # noqa: E402
from bench.stats import compare  # noqa: E402
from bench.stats import growth  # noqa: E402
from bench.stats import verdict  # noqa: E402
from bench.summary import growth_table  # noqa: E402
from bench.summary import table  # noqa: E402
from goov.domain.geo import parse_wijken  # noqa: E402


HAARLEM = REPO / "src" / "goov" / "data" / "haarlem-wijken.geojson"


@pytest.fixture(scope="module")
def wijken():
    return parse_wijken(HAARLEM.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def items(wijken):
    return list(plan(wijken, 4000))


@pytest.mark.parametrize("scale", [1000, 10_000, 100_000, 1_000_000])
def test_density_per_town_and_week_does_not_grow_with_scale(scale):
    found = layout(scale)
    per_town_week = scale / (found.towns * found.weeks)
    assert per_town_week >= generate.RATE_PER_TOWN_WEEK * 0.9
    assert per_town_week <= generate.RATE_PER_TOWN_WEEK
    assert found.weeks <= generate.MAX_WEEKS


def test_more_data_is_more_weeks_then_more_towns():
    assert layout(10_000).towns == 1
    assert layout(10_000).weeks > 100
    assert layout(100_000).towns > 1
    assert layout(100_000).weeks == generate.MAX_WEEKS


def test_region_copies_the_wijken_side_by_side(wijken):
    region = parse_wijken(region_geojson(wijken, 3))
    assert len(region) == 3 * len(wijken)
    assert len({w.code for w in region}) == len(region)

    def max_lon(ws):
        return max(p[0] for w in ws for p in _points(w.geometry["coordinates"]))

    def min_lon(ws):
        return min(p[0] for w in ws for p in _points(w.geometry["coordinates"]))

    second = [w for w in region if w.code.startswith("s01-")]
    assert min_lon(second) > max_lon(wijken)


def _points(coordinates):
    if isinstance(coordinates[0], int | float):
        yield coordinates
        return
    for part in coordinates:
        yield from _points(part)


def test_plan_is_seeded(wijken):
    first = [i for _, i in zip(range(300), plan(wijken, 2000), strict=False)]
    again = [i for _, i in zip(range(300), plan(wijken, 2000), strict=False)]
    assert first == again


def test_signals_in_time_order_with_rhythm(items):
    signals = [i for i in items if isinstance(i, SignalSpec)]
    assert len(signals) == 4000
    moments = [s.fields["observed_at"] for s in signals]
    assert moments[0] < moments[-1]
    evening = sum(1 for m in moments if 17 <= m.hour <= 21)
    night = sum(1 for m in moments if 1 <= m.hour <= 5)
    assert evening > 3 * night
    weekend = sum(1 for m in moments if m.weekday() >= 5) / len(moments)
    assert weekend > 2 / 7
    partners = {s.fields["reporting_partner"] for s in signals}
    assert 4 <= len(partners) + 1 <= 6  # plus the municipality
    photos = sum(s.photos for s in signals) / len(signals)
    assert 1.3 <= photos <= 1.8


def test_dossiers_link_earlier_case_signals_once(items):
    seen, cases, used = set(), set(), set()
    dossiers = []
    for item in items:
        if isinstance(item, SignalSpec):
            seen.add(item.index)
            if item.case:
                cases.add(item.index)
        else:
            members = set(item.signals)
            assert members <= seen & cases
            assert not members & used
            used |= members
            if isinstance(item, DossierSpec):
                dossiers.append(item)
            else:
                assert isinstance(item, CloseSpec)
    assert dossiers
    for dossier in dossiers:
        assert 5 <= len(dossier.signals) <= 50
        assert 8 <= len(dossier.actions) <= 12
        assert dossier.roster[0] == generate.MUNICIPALITY
        if len(dossier.signals) == generate.FIXED_SIZE:
            assert len(dossier.actions) == 10
    mean_actions = sum(len(d.actions) for d in dossiers) / len(dossiers)
    assert 9 <= mean_actions <= 11


def test_closed_dossiers_have_no_open_actions(items):
    for item in items:
        if isinstance(item, DossierSpec) and item.state == "closed":
            assert {a.state for a in item.actions} <= {"done", "cancelled"}


def test_ratio_interval_and_verdict():
    same = [0.010, 0.011, 0.012, 0.013, 0.014]
    ratio, low, high = bootstrap_ratio(same, same)
    assert ratio == 1.0
    assert low <= 1.0 <= high
    assert verdict(1.2, 1.1, 1.3, 1.5) == "met"
    assert verdict(1.6, 1.55, 1.7, 1.5) == "missed"
    assert verdict(1.4, 1.2, 1.6, 1.5) == "met (CI crosses the goal)"
    result = compare([0.02] * 5, [0.01] * 5, goal=1.5)
    assert result["ratio"] == 2.0
    assert result["verdict"] == "missed"


def test_growth_exponent():
    assert growth(10.0, 100.0, 10_000, 100_000) == {"factor": 10.0, "exponent": 1.0}
    assert growth(4.0, 4.0, 10_000, 100_000)["exponent"] == 0.0


def test_summary_tables():
    def result(workload, scale, ours, base):
        return {
            "goov": {"median_ms": ours, "p95_ms": ours * 2},
            "baseline": {"median_ms": base, "p95_ms": base * 2},
            "ratio": ours / base,
            "ci95": [ours / base * 0.9, ours / base * 1.1],
            "goal": 1.5,
            "verdict": "met",
        }

    found = {
        ("intake", 10_000): result("intake", 10_000, 50.0, 40.0),
        ("intake", 100_000): result("intake", 100_000, 55.0, 41.0),
    }
    lines = table(found)
    assert lines[2].startswith("| intake | 10k | 50.0 ms (100 ms) | 40.0 ms (80.0 ms)")
    assert "1.25 (1.12-1.38)" in lines[2]
    growth_lines = growth_table(found)
    assert growth_lines[2].startswith("| intake | 10k → 100k | 1.10 (0.04)")


def test_similar_growth_has_a_verdict():
    def result(ours):
        return {
            "goov": {"median_ms": ours, "p95_ms": ours},
            "baseline": {"median_ms": 100.0, "p95_ms": 100.0},
        }

    grown = growth_table(
        {("similar", 10_000): result(4.0), ("similar", 100_000): result(6.0)}
    )
    assert grown[2].endswith("| ≤ 1.3 | missed |")
    flat = growth_table(
        {("similar", 10_000): result(4.0), ("similar", 100_000): result(5.0)}
    )
    assert flat[2].endswith("| ≤ 1.3 | met |")
    other = growth_table(
        {("search", 10_000): result(4.0), ("search", 100_000): result(9.0)}
    )
    assert other[2].endswith("|  |  |")  # no growth goal for search
