"""Retention: what is due for deletion or anonymisation on a given day.

Plain values in, a plan out; the Zope side collects the facts (states, closing
dates, links, legal holds) and carries the plan out. The rules:

- a closed or rejected signal that is not linked to a dossier goes
  `signal_months` after it was closed;
- a closed dossier goes `dossier_months` after it was closed (or the months set
  for its kind), with its actions, agenda items and linked signals;
- the reporter's identity on a signal is removed `reporter_months` after the
  signal was made, whatever its state;
- a legal hold on a dossier stops all of it for the dossier and its signals.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime

import calendar


SIGNAL_CLOSED = ("closed", "rejected")
DOSSIER_CLOSED = ("closed",)


@dataclass(frozen=True)
class Policy:
    signal_months: int = 12
    dossier_months: int = 60
    dossier_months_by_kind: dict = field(default_factory=dict)
    reporter_months: int = 24

    def months_for(self, kind: str | None) -> int:
        return int(self.dossier_months_by_kind.get(kind or "", self.dossier_months))


@dataclass(frozen=True)
class SignalFacts:
    uid: str
    state: str
    created: datetime
    closed: datetime | None = None
    dossier: str | None = None
    anonymised: bool = False


@dataclass(frozen=True)
class DossierFacts:
    uid: str
    kind: str | None
    state: str
    created: datetime
    closed: datetime | None = None
    legal_hold: bool = False


@dataclass(frozen=True)
class Step:
    uid: str
    type: str
    action: str  # "delete" or "anonymise"
    reason: str
    due: date
    dossier: str | None = None


@dataclass
class Plan:
    steps: list[Step] = field(default_factory=list)
    held: list[str] = field(default_factory=list)

    def deletions(self) -> list[Step]:
        return [s for s in self.steps if s.action == "delete"]

    def anonymisations(self) -> list[Step]:
        return [s for s in self.steps if s.action == "anonymise"]

    def counts(self) -> dict:
        counts: dict = {}
        for step in self.steps:
            key = f"{step.action}:{step.type}"
            counts[key] = counts.get(key, 0) + 1
        return counts


def add_months(moment: datetime | date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    day = moment.date() if isinstance(moment, datetime) else moment
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _is_due(moment: datetime | None, months: int, today: date) -> date | None:
    if moment is None:
        return None
    due = add_months(moment, months)
    return due if due <= today else None


def _dossier_steps(today, policy, dossiers) -> dict[str, Step]:
    steps = {}
    for dossier in dossiers:
        if dossier.legal_hold or dossier.state not in DOSSIER_CLOSED:
            continue
        months = policy.months_for(dossier.kind)
        due = _is_due(dossier.closed, months, today)
        if due is not None:
            reason = f"dossier closed, {months} months"
            steps[dossier.uid] = Step(
                dossier.uid, "Dossier", "delete", reason, due, dossier.uid
            )
    return steps


def _signal_step(today, policy, signal, linked: bool) -> Step | None:
    if not linked and signal.state in SIGNAL_CLOSED:
        due = _is_due(signal.closed, policy.signal_months, today)
        if due is not None:
            reason = f"signal {signal.state}, {policy.signal_months} months"
            return Step(signal.uid, "Signal", "delete", reason, due)
    if signal.anonymised:
        return None
    due = _is_due(signal.created, policy.reporter_months, today)
    if due is None:
        return None
    reason = f"reporter, {policy.reporter_months} months"
    dossier = signal.dossier if linked else None
    return Step(signal.uid, "Signal", "anonymise", reason, due, dossier)


def plan(
    today: date,
    policy: Policy,
    signals: list[SignalFacts],
    dossiers: list[DossierFacts],
) -> Plan:
    known = {d.uid for d in dossiers}
    held = {d.uid for d in dossiers if d.legal_hold}
    going = _dossier_steps(today, policy, dossiers)
    result = Plan(steps=list(going.values()), held=sorted(held))
    for signal in signals:
        if signal.dossier in held:
            continue
        if signal.dossier in going:
            reason = "linked to a dossier that is deleted"
            due = going[signal.dossier].due
            result.steps.append(
                Step(signal.uid, "Signal", "delete", reason, due, signal.dossier)
            )
            continue
        # A signal that names a dossier that no longer exists counts as unlinked.
        step = _signal_step(today, policy, signal, signal.dossier in known)
        if step is not None:
            result.steps.append(step)
    return result
