from datetime import date
from goov.domain.decisions import DecisionInvalid
from goov.domain.decisions import validate_decision
from goov.domain.reminders import ActionFacts
from goov.domain.reminders import digests

import pytest


PARTNERS = {"partner-politie", "partner-ggd"}


def users(userid):
    return userid == "politie"


def test_valid_decision():
    text, actions = validate_decision(
        {
            "text": " Huisbezoek ",
            "actions": [
                {
                    "title": "Bezoek",
                    "assigned_partner": "partner-politie",
                    "due_date": "2030-01-01",
                },
                {
                    "title": "Zorg",
                    "assigned_partner": "partner-ggd",
                    "due_date": "2030-01-02",
                    "priority": "high",
                    "assignee": "politie",
                },
            ],
        },
        PARTNERS,
        users,
    )
    assert text == "Huisbezoek"
    assert [a.title for a in actions] == ["Bezoek", "Zorg"]
    assert actions[1].due_date == date(2030, 1, 2)


def test_every_problem_is_named():
    with pytest.raises(DecisionInvalid) as info:
        validate_decision(
            {
                "actions": [
                    {"title": "", "assigned_partner": "x", "due_date": "2030-13-01"},
                    {
                        "title": "a",
                        "assigned_partner": "partner-ggd",
                        "due_date": "2030-01-01",
                        "assignee": "nobody",
                        "priority": "urgent",
                        "extra": 1,
                    },
                    "not an action",
                ]
            },
            PARTNERS,
            users,
        )
    assert {e.field for e in info.value.errors} == {
        "text",
        "actions[0].title",
        "actions[0].assigned_partner",
        "actions[0].due_date",
        "actions[1].assignee",
        "actions[1].priority",
        "actions[1].extra",
        "actions[2]",
    }


TODAY = date(2026, 11, 28)


def action(uid, due, state="open", workers=("politie",)):
    return ActionFacts(
        uid, f"Actie {uid}", f"http://x/{uid}", due, state, frozenset(workers)
    )


def test_digests():
    result = digests(
        [
            action("late", date(2026, 11, 20)),
            action("soon", date(2026, 11, 30)),
            action("later", date(2026, 12, 20)),
            action("done", date(2026, 11, 1), state="done"),
            action("nobody", date(2026, 11, 1), workers=()),
        ],
        regisseurs={"regisseur"},
        today=TODAY,
        days_ahead=3,
    )
    assert set(result) == {"politie", "regisseur"}
    assert [a.uid for a in result["politie"].overdue] == ["late"]
    assert [a.uid for a in result["politie"].due_soon] == ["soon"]
    assert sorted(a.uid for a in result["regisseur"].overdue) == ["late", "nobody"]
    assert result["regisseur"].due_soon == []
