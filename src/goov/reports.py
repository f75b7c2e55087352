"""Management reports from the catalog: counts and durations only.

Reports count everything (unrestricted catalog queries) but return aggregates
only; analysts get small counts suppressed (goov.domain.reports.suppress),
regisseurs and site administrators exact counts. Signal facts come from catalog
metadata (no object is woken up); dossier and action durations read workflow
histories of those (far fewer) objects.
"""

from datetime import date
from datetime import datetime
from goov.domain import reports as rules
from plone import api


K_RECORD = "goov.report_k"
EXACT_ROLES = {"Manager", "Site Administrator", "Regisseur"}


def suppression_k() -> int:
    """1 (no suppression) for regisseurs and administrators, else the registry k."""
    user = api.user.get_current()
    if EXACT_ROLES & set(user.getRoles()):
        return 1
    return int(api.portal.get_registry_record(K_RECORD, default=5))


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _range(start: date | None, end: date | None):
    low = datetime.combine(start or date(1900, 1, 1), datetime.min.time())
    high = datetime.combine(end or date(2999, 12, 31), datetime.max.time())
    return {"query": (low, high), "range": "min:max"}


def signal_facts(start=None, end=None, wijk=None, category=None) -> list[dict]:
    query = {"portal_type": "Signal"}
    if start or end:
        query["observed_at"] = _range(start, end)
    if wijk:
        query["wijk"] = wijk
    if category:
        query["category"] = category
    return [
        {
            "wijk": b.wijk,
            "category": b.category,
            "partner": b.reporting_partner,
            "observed_at": b.observed_at,
        }
        for b in _catalog().unrestrictedSearchResults(**query)
    ]


def signals_report(group_by, start=None, end=None, wijk=None, category=None) -> dict:
    rows = rules.group_counts(signal_facts(start, end, wijk, category), group_by)
    result = rules.suppress(rows, suppression_k())
    return {
        "rows": result.rows,
        "total": result.total,
        "suppressed_cells": result.hidden,
    }


def _history_times(obj, actions) -> list[datetime]:
    times = []
    for history in getattr(obj, "workflow_history", {}).values():
        for entry in history:
            if entry.get("action") in actions:
                times.append(entry["time"].asdatetime())
    return times


def _objects(portal_type, **query):
    for brain in _catalog().unrestrictedSearchResults(portal_type=portal_type, **query):
        yield brain, brain._unrestrictedGetObject()


def dossiers_report(start=None, end=None, wijk=None) -> dict:
    query = {"created": _range(start, end)} if (start or end) else {}
    if wijk:
        query["wijk"] = wijk
    by_state, by_kind, by_wijk, spans, opened, closed = [], [], [], [], [], []
    for brain, dossier in _objects("Dossier", **query):
        by_state.append({"state": brain.review_state})
        by_kind.append({"kind": brain.kind})
        by_wijk.append({"wijk": brain.wijk})
        created = dossier.created().asdatetime()
        opened.append({"observed_at": created})
        closes = _history_times(dossier, {"close"})
        if closes and brain.review_state == "closed":
            spans.append((created, max(closes)))
            closed.append({"observed_at": max(closes)})
    k = suppression_k()

    def table(facts, key):
        counted = rules.group_counts(facts, [key])
        result = rules.suppress(counted, k)
        return {"rows": result.rows, "total": result.total}

    return {
        "by_state": table(by_state, "state"),
        "by_kind": table(by_kind, "kind"),
        "by_wijk": table(by_wijk, "wijk"),
        "throughput": rules.throughput_days(spans),
        "opened_per_month": table(opened, "month"),
        "closed_per_month": table(closed, "month"),
    }


def actions_report(today: date | None = None) -> dict:
    today = today or date.today()
    facts = []
    for brain, action in _objects("Action"):
        done = (
            _history_times(action, {"complete"}) if brain.review_state == "done" else []
        )
        facts.append(
            {
                "partner": brain.assigned_partner,
                "state": brain.review_state,
                "due_date": action.due_date,
                "done_date": max(done).date() if done else None,
            }
        )
    rows = rules.action_rates(facts, today)
    k = suppression_k()
    if k > 1:
        for row in rows:
            for field in ("actions", "done_on_time", "done_late", "overdue"):
                if 0 < row[field] < k:
                    row[field] = f"<{k}"
            if isinstance(row["actions"], str):
                row["on_time_rate"] = None  # a rate over a handful identifies people
    return {"rows": rows}


def effect_report(wijk: str) -> dict:
    months = rules.group_counts(signal_facts(wijk=wijk), ["month"])
    activations = []
    for _, dossier in _objects("Dossier", wijk=wijk):
        times = _history_times(dossier, {"activate"})
        if times:
            activations.append(min(times).date())
    result = rules.suppress(months, suppression_k())
    return {
        "wijk": wijk,
        "activations": sorted(a.isoformat() for a in activations),
        "months": rules.before_after(result.rows, activations),
        "total": result.total,
    }
