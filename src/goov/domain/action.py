"""Actions of a plan of approach: priorities and the overdue rule."""

from datetime import date
from goov.domain.vocab import Term


PRIORITIES = (
    Term("low", "Laag"),
    Term("normal", "Normaal"),
    Term("high", "Hoog"),
)

STATES = ("open", "in_progress", "done", "cancelled")
OPEN_STATES = ("open", "in_progress")


def is_overdue(due_date: date | None, state: str, today: date) -> bool:
    """Overdue: a due date in the past and the action not done or cancelled."""
    return due_date is not None and state in OPEN_STATES and due_date < today


def may_complete(result: str | None) -> bool:
    """Completing an action asks for its result."""
    return bool((result or "").strip())
