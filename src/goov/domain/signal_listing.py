"""Filters of GET @signals: request parameters to a catalog query, or errors."""

from dataclasses import dataclass
from dataclasses import field
from goov.domain.signal import STATES


MAX_BATCH = 100
TRUE = ("1", "true")
FLAGS = (None, "", "0", "false", *TRUE)


@dataclass
class SignalQuery:
    query: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _filters(form: dict, categories: set[str], userid: str, result: SignalQuery):
    states = form.get("state") or form.get("review_state")
    if states:
        states = _as_list(states)
        if set(states) - set(STATES):
            result.errors.append("state")
        result.query["review_state"] = states
    category = form.get("category")
    if category:
        if not isinstance(category, str) or category not in categories:
            result.errors.append("category")
        result.query["category"] = category
    if form.get("wijk"):
        result.query["wijk"] = form["wijk"]
    mine = form.get("mine")
    if mine not in FLAGS:
        result.errors.append("mine")
    elif mine in TRUE:
        result.query["Creator"] = userid


def _batch_ok(form: dict) -> bool:
    try:
        b_size = int(form.get("b_size", 25))
        b_start = int(form.get("b_start", 0))
    except (TypeError, ValueError):
        return False
    return 0 < b_size <= MAX_BATCH and b_start >= 0


def signal_query(form: dict, categories: set[str], userid: str) -> SignalQuery:
    """Validate filters (state, category, wijk, mine, b_size, b_start)."""
    result = SignalQuery({"portal_type": "Signal"})
    _filters(form, categories, userid, result)
    if not _batch_ok(form):
        result.errors.append("b_size")
    return result
