"""Management information over plain facts: grouping, periods, throughput and
small-count suppression. No names, addresses or texts ever enter these functions.

Suppression (for analysts): every count from 1 to k-1 is shown as "<k". So that a
hidden cell cannot be recovered by subtracting the visible cells from the total,
secondary (complementary) suppression hides the next-smallest cells until the
hidden cells together hold at least k; if the whole table holds fewer than k,
the total is hidden too. Zero is shown: an empty cell reveals nobody.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from statistics import median


GROUPS = ("wijk", "category", "partner", "month", "week")


def period(moment: datetime | date | None, unit: str) -> str | None:
    if moment is None:
        return None
    # Four-digit years (ISO 8601): strftime's %Y does not pad years before 1000.
    if unit == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    year, week, _ = moment.isocalendar()
    return f"{year:04d}-W{week:02d}"


def group_counts(facts: list[dict], group_by: list[str]) -> list[dict]:
    """facts: dicts with keys wijk, category, partner, observed_at."""
    counter: Counter = Counter()
    for fact in facts:
        key = []
        for name in group_by:
            if name in ("month", "week"):
                key.append(period(fact.get("observed_at"), name))
            else:
                key.append(fact.get(name))
        counter[tuple(key)] += 1
    rows = [
        {**dict(zip(group_by, key, strict=True)), "count": count}
        for key, count in counter.items()
    ]
    return sorted(rows, key=lambda r: tuple(str(r[g] or "") for g in group_by))


@dataclass(frozen=True)
class Suppressed:
    rows: list[dict]
    total: int | str
    hidden: int  # number of hidden cells


def suppress(rows: list[dict], k: int, field: str = "count") -> Suppressed:
    """Primary and complementary suppression of small counts (see module doc)."""
    total = sum(r[field] for r in rows)
    if k <= 1:
        return Suppressed([dict(r) for r in rows], total, 0)
    hidden = {i for i, r in enumerate(rows) if 0 < r[field] < k}
    if hidden:
        visible = sorted(
            (i for i in range(len(rows)) if i not in hidden and rows[i][field] > 0),
            key=lambda i: rows[i][field],
        )
        # Hide more cells until the hidden ones hold at least k together, and
        # never leave a single hidden cell (the total would reveal it).
        while visible and (sum(rows[i][field] for i in hidden) < k or len(hidden) < 2):
            hidden.add(visible.pop(0))
    out = [
        {**r, field: f"<{k}"} if i in hidden else dict(r) for i, r in enumerate(rows)
    ]
    shown_total: int | str = total
    if 0 < total < k or (hidden and sum(rows[i][field] for i in hidden) < k):
        shown_total = f"<{k}"
    return Suppressed(out, shown_total, len(hidden))


def throughput_days(spans: list[tuple[datetime, datetime]]) -> dict:
    """Days from intake to closed: median and 90th percentile."""
    days = sorted((end - start).total_seconds() / 86400 for start, end in spans)
    if not days:
        return {"count": 0, "median_days": None, "p90_days": None}
    p90 = days[min(len(days) - 1, round(0.9 * (len(days) - 1)))]
    return {
        "count": len(days),
        "median_days": round(median(days), 1),
        "p90_days": round(p90, 1),
    }


def action_rates(actions: list[dict], today: date) -> list[dict]:
    """Per partner: total, done on time, done late, overdue now, on-time rate.

    actions: dicts with partner, state, due_date, done_date (None unless done)."""
    per: dict[str, dict] = {}
    for a in actions:
        row = per.setdefault(
            a["partner"],
            {
                "partner": a["partner"],
                "actions": 0,
                "done_on_time": 0,
                "done_late": 0,
                "overdue": 0,
            },
        )
        row["actions"] += 1
        if a["state"] == "done" and a["done_date"] is not None:
            key = "done_on_time" if a["done_date"] <= a["due_date"] else "done_late"
            row[key] += 1
        elif a["state"] in ("open", "in_progress") and a["due_date"] < today:
            row["overdue"] += 1
    for row in per.values():
        finished = row["done_on_time"] + row["done_late"]
        row["on_time_rate"] = (
            round(row["done_on_time"] / finished, 3) if finished else None
        )
    return sorted(per.values(), key=lambda r: r["partner"])


def before_after(months: list[dict], activations: list[date]) -> list[dict]:
    """Signals per month, each marked before/after the first activation."""
    first = min(activations) if activations else None
    return [
        {
            **m,
            "phase": None
            if first is None
            else ("after" if m["month"] >= period(first, "month") else "before"),
        }
        for m in months
    ]
