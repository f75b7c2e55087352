from datetime import date
from datetime import datetime
from datetime import timedelta
from goov.domain.action import is_overdue
from goov.domain.action import may_complete
from goov.domain.dossier import activation_blockers
from goov.domain.dossier import closing_blockers
from goov.domain.geo import InvalidNeighbourhoods
from goov.domain.geo import parse_wijken
from goov.domain.partners import coordinators_group_id
from goov.domain.signal import is_in_future
from goov.domain.signal import signal_title
from pathlib import Path

import json
import pytest


TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    "due,state,expected",
    [
        (date(2026, 11, 27), "open", True),
        (date(2026, 11, 27), "in_progress", True),
        (date(2026, 11, 28), "open", False),
        (date(2026, 11, 27), "done", False),
        (date(2026, 11, 27), "cancelled", False),
        (None, "open", False),
    ],
)
def test_overdue(due, state, expected):
    assert is_overdue(due, state, TODAY) is expected


def test_completing_needs_a_result():
    assert not may_complete(None)
    assert not may_complete("   ")
    assert may_complete("Gesprek gevoerd")


def test_closing_blockers():
    assert closing_blockers(["done", "cancelled"], "Opgelost") == []
    assert closing_blockers([], "Opgelost") == []
    assert closing_blockers(["done", "open", "in_progress"], "x") == [
        "2 unfinished action(s)"
    ]
    assert closing_blockers(["done"], " ") == ["result"]


def test_activation_blockers():
    assert activation_blockers("wgs", "Veiligheid", None) == []
    assert activation_blockers(None, None, None) == ["legal_basis", "purpose"]
    assert activation_blockers("other", "Doel", "") == ["legal_basis_explanation"]
    assert activation_blockers("other", "Doel", "Convenant 2025") == []


def test_signal_title_has_only_category_and_date():
    assert signal_title("Drugs / hennep", datetime(2026, 11, 20, 14)) == (
        "Drugs / hennep · 20-11-2026"
    )
    assert signal_title("Overig", None) == "Overig"


def test_future_with_clock_tolerance():
    now = datetime(2026, 11, 28, 12, 0)
    assert not is_in_future(now + timedelta(minutes=4), now)
    assert is_in_future(now + timedelta(minutes=6), now)


def test_coordinators_group():
    assert coordinators_group_id("partner-wijkteam") == "coordinators-wijkteam"


def test_bundled_wijken():
    path = Path(__file__).resolve().parents[2] / "src/goov/data/haarlem-wijken.geojson"
    wijken = parse_wijken(path.read_text())
    assert len(wijken) == 21
    assert (wijken[0].code, wijken[0].name) == ("01", "Oude Stad")


@pytest.mark.parametrize(
    "data,message",
    [
        ("nope", "not JSON"),
        ({"type": "Feature"}, "FeatureCollection"),
        ({"type": "FeatureCollection", "features": []}, "no features"),
        (
            {
                "type": "FeatureCollection",
                "features": [{"properties": {"code": "1"}, "geometry": {}}],
            },
            "code and name",
        ),
        (
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "properties": {"code": "1", "name": "A"},
                        "geometry": {"type": "Point"},
                    }
                ],
            },
            "polygon",
        ),
    ],
)
def test_bad_geojson(data, message):
    text = data if isinstance(data, str) else json.dumps(data)
    with pytest.raises(InvalidNeighbourhoods, match=message):
        parse_wijken(text)


def test_signal_query_filters():
    from goov.domain.signal_listing import signal_query

    parsed = signal_query(
        {"state": "new", "category": "drugs", "wijk": "01", "mine": "1"},
        {"drugs"},
        "politie",
    )
    assert parsed.errors == []
    assert parsed.query == {
        "portal_type": "Signal",
        "review_state": ["new"],
        "category": "drugs",
        "wijk": "01",
        "Creator": "politie",
    }
    bad = signal_query(
        {"state": ["new", "open"], "category": "x", "mine": "2", "b_size": "500"},
        {"drugs"},
        "u",
    )
    assert bad.errors == ["state", "category", "mine", "b_size"]


def test_wijk_locator():
    from goov.domain.geo import WijkLocator

    path = Path(__file__).resolve().parents[2] / "src/goov/data/haarlem-wijken.geojson"
    locator = WijkLocator(parse_wijken(path.read_text()))
    assert locator.locate(52.383121, 4.63736) == "01"  # Oude Stad
    assert locator.locate(52.415821, 4.645178) == "15"  # Delftwijk
    assert locator.locate(52.0, 5.0) is None


def test_police_sourced_by_channel_or_partner():
    from goov.domain.signal import police_sourced

    police = ["partner-politie"]
    assert police_sourced("police", "partner-wijkteam", police)
    assert police_sourced("app", "partner-politie", police)
    assert not police_sourced("app", "partner-woningcorporatie", police)
    assert not police_sourced("app", None, police)
    assert not police_sourced("app", "partner-politie", [])
