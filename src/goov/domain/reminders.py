"""Who gets which reminder: plain values in, digests out."""

from collections import defaultdict
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta


@dataclass(frozen=True)
class ActionFacts:
    uid: str
    title: str
    url: str
    due_date: date
    state: str
    workers: (
        frozenset  # user ids who may work on it (assignee, or partner on the roster)
    )


@dataclass
class Digest:
    recipient: str
    due_soon: list[ActionFacts] = field(default_factory=list)
    overdue: list[ActionFacts] = field(default_factory=list)


def digests(
    actions: list[ActionFacts], regisseurs: set[str], today: date, days_ahead: int
) -> dict[str, Digest]:
    """Per person: their actions due within days_ahead or overdue; per regisseur:
    every overdue action. Done and cancelled actions never remind anyone."""
    horizon = today + timedelta(days=days_ahead)
    result: dict[str, Digest] = defaultdict(lambda: Digest(""))
    for action in sorted(actions, key=lambda a: (a.due_date, a.title)):
        if action.state not in ("open", "in_progress"):
            continue
        overdue = action.due_date < today
        if not overdue and action.due_date > horizon:
            continue
        recipients = set(action.workers) | (regisseurs if overdue else set())
        for userid in recipients:
            digest = result[userid]
            digest.recipient = userid
            (digest.overdue if overdue else digest.due_soon).append(action)
    return dict(result)
