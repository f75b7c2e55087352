"""Retention rules without Zope: what is due on which day."""

from datetime import date
from datetime import datetime
from goov.domain.retention import add_months
from goov.domain.retention import DossierFacts
from goov.domain.retention import plan
from goov.domain.retention import Policy
from goov.domain.retention import SignalFacts
from hypothesis import given
from hypothesis import strategies as st


POLICY = Policy(
    signal_months=12,
    dossier_months=60,
    dossier_months_by_kind={"hotspot": 24},
    reporter_months=24,
)
T0 = datetime(2024, 1, 15, 10, 0)


def signal(uid, state="closed", closed=T0, dossier=None, created=T0, anonymised=False):
    return SignalFacts(uid, state, created, closed, dossier, anonymised)


def dossier(uid, kind="person", state="closed", closed=T0, hold=False):
    return DossierFacts(uid, kind, state, T0, closed, hold)


def steps(result):
    return {(s.uid, s.action) for s in result.steps}


def test_add_months_keeps_the_day_or_takes_the_last():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 1, 15), 12) == date(2025, 1, 15)
    assert add_months(datetime(2023, 12, 1, 8), 1) == date(2024, 1, 1)


def test_closed_unlinked_signal_goes_12_months_after_closing_not_a_day_earlier():
    signals = [signal("s1"), signal("s2", state="rejected"), signal("s3", "triaged")]
    assert steps(plan(date(2025, 1, 14), POLICY, signals, [])) == set()
    due = plan(date(2025, 1, 15), POLICY, signals, [])
    assert steps(due) == {("s1", "delete"), ("s2", "delete")}
    assert all(s.due == date(2025, 1, 15) for s in due.steps)


def test_closed_dossier_goes_with_its_signals_after_its_kinds_months():
    dossiers = [dossier("d1"), dossier("d2", kind="hotspot")]
    signals = [signal("s1", "linked", None, "d1"), signal("s2", "linked", None, "d2")]
    at_three_years = plan(date(2027, 1, 15), POLICY, signals, dossiers)
    assert steps(at_three_years) == {
        ("d2", "delete"),
        ("s2", "delete"),
        ("s1", "anonymise"),
    }
    at_five_years = plan(date(2029, 1, 15), POLICY, signals, dossiers)
    assert ("d1", "delete") in steps(at_five_years)
    assert ("s1", "delete") in steps(at_five_years)


def test_open_dossier_keeps_its_signals_and_only_anonymises_reporters():
    dossiers = [dossier("d1", state="active", closed=None)]
    signals = [signal("s1", "linked", None, "d1")]
    result = plan(date(2040, 1, 1), POLICY, signals, dossiers)
    assert steps(result) == {("s1", "anonymise")}


def test_legal_hold_stops_deletion_and_anonymisation():
    dossiers = [dossier("d1", hold=True)]
    signals = [signal("s1", "linked", None, "d1")]
    result = plan(date(2040, 1, 1), POLICY, signals, dossiers)
    assert result.steps == []
    assert result.held == ["d1"]


def test_anonymised_signals_are_not_anonymised_twice():
    signals = [signal("s1", "new", None, anonymised=True)]
    assert plan(date(2040, 1, 1), POLICY, signals, []).steps == []


def test_signal_of_a_vanished_dossier_counts_as_unlinked():
    result = plan(date(2025, 2, 1), POLICY, [signal("s1", dossier="gone")], [])
    assert steps(result) == {("s1", "delete")}


@given(
    months=st.integers(min_value=1, max_value=120),
    closed=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 1, 1)),
    hold=st.booleans(),
)
def test_nothing_goes_early_and_nothing_held_goes(months, closed, today, hold):
    moment = datetime(closed.year, closed.month, closed.day)
    policy = Policy(signal_months=months, dossier_months=months, reporter_months=999)
    result = plan(
        today,
        policy,
        [signal("s", "linked", None, "d", created=moment), signal("u", closed=moment)],
        [dossier("d", closed=moment, hold=hold)],
    )
    for step in result.steps:
        assert step.due <= today
        assert add_months(moment, months) <= today
    if hold:
        assert all(s.uid == "u" for s in result.steps)
