"""Decisions of a case meeting: validate the actions they create (plain values)."""

from dataclasses import dataclass
from datetime import date
from goov.domain.intake import FieldError


ACTION_FIELDS = {
    "title",
    "text",
    "assigned_partner",
    "assignee",
    "due_date",
    "priority",
}
PRIORITIES = {"low", "normal", "high"}
MAX_ACTIONS = 20


@dataclass(frozen=True)
class NewAction:
    title: str
    assigned_partner: str
    due_date: date
    priority: str = "normal"
    text: str = ""
    assignee: str | None = None


class DecisionInvalid(ValueError):
    def __init__(self, errors: list[FieldError]):
        super().__init__(", ".join(f"{e.field}: {e.code}" for e in errors))
        self.errors = errors


def _action(raw, where: str, partners: set[str], users, errors) -> NewAction | None:
    if not isinstance(raw, dict):
        errors.append(FieldError(where, "invalid_action"))
        return None
    before = len(errors)
    errors.extend(
        FieldError(f"{where}.{k}", "unknown_field")
        for k in sorted(set(raw) - ACTION_FIELDS)
    )
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        errors.append(FieldError(f"{where}.title", "required"))
    partner = raw.get("assigned_partner")
    if not isinstance(partner, str) or partner not in partners:
        errors.append(FieldError(f"{where}.assigned_partner", "unknown_partner"))
    try:
        due = date.fromisoformat(raw.get("due_date"))
    except (TypeError, ValueError):
        errors.append(FieldError(f"{where}.due_date", "invalid_date"))
        due = None
    priority = raw.get("priority", "normal")
    if not isinstance(priority, str) or priority not in PRIORITIES:
        errors.append(FieldError(f"{where}.priority", "unknown_priority"))
    assignee = raw.get("assignee")
    if assignee is not None and not (isinstance(assignee, str) and users(assignee)):
        errors.append(FieldError(f"{where}.assignee", "unknown_user"))
    text = raw.get("text") or ""
    if not isinstance(text, str):
        errors.append(FieldError(f"{where}.text", "not_text"))
    if len(errors) > before:
        return None
    return NewAction(title.strip(), partner, due, priority, text, assignee)


def validate_decision(
    data, partners: set[str], user_exists
) -> tuple[str, list[NewAction]]:
    """{"text", "actions": [...]} -> (text, actions); DecisionInvalid lists all."""
    if not isinstance(data, dict):
        raise DecisionInvalid([FieldError("body", "not_object")])
    errors = [
        FieldError(k, "unknown_field") for k in sorted(set(data) - {"text", "actions"})
    ]
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        errors.append(FieldError("text", "required"))
    raw_actions = data.get("actions", [])
    if not isinstance(raw_actions, list) or len(raw_actions) > MAX_ACTIONS:
        errors.append(FieldError("actions", "invalid_actions"))
        raw_actions = []
    actions = [
        _action(raw, f"actions[{i}]", partners, user_exists, errors)
        for i, raw in enumerate(raw_actions)
    ]
    if errors:
        raise DecisionInvalid(errors)
    return text.strip(), [a for a in actions if a is not None]
