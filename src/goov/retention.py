"""Carry out the retention plan (goov.domain.retention) on the site.

Collects the facts from the catalog (waking only closed signals and dossiers),
deletes what is due (objects, catalog entries, idempotency keys; blobs and old
revisions go when the database is packed afterwards), anonymises reporters,
and, after the commit, writes tombstones and audit records to the SQL store.
"""

from Acquisition import aq_parent
from datetime import date
from datetime import datetime
from goov.audit.store import add_tombstones
from goov.audit.store import append as audit_append
from goov.domain.retention import add_months
from goov.domain.retention import DossierFacts
from goov.domain.retention import Plan
from goov.domain.retention import plan
from goov.domain.retention import Policy
from goov.domain.retention import SIGNAL_CLOSED
from goov.domain.retention import SignalFacts
from goov.intake import client_key
from goov.intake import client_keys
from plone import api

import logging
import transaction
import uuid


logger = logging.getLogger("goov.retention")
ANONYMOUS = "anoniem"


def policy() -> Policy:
    def record(name, default):
        value = api.portal.get_registry_record(f"goov.retention.{name}", default=None)
        return default if value is None else value

    defaults = Policy()
    return Policy(
        signal_months=record("signal_months", defaults.signal_months),
        dossier_months=record("dossier_months", defaults.dossier_months),
        dossier_months_by_kind=dict(record("dossier_months_by_kind", {}) or {}),
        reporter_months=record("reporter_months", defaults.reporter_months),
    )


def _naive(value) -> datetime | None:
    """A DateTime, datetime or None as a naive local datetime."""
    if value is None:
        return None
    if hasattr(value, "asdatetime"):
        value = value.asdatetime()
    return value.replace(tzinfo=None) if value.tzinfo else value


def closed_at(obj, states) -> datetime | None:
    """When the object last entered one of `states` (from its workflow history)."""
    for history in (getattr(obj, "workflow_history", None) or {}).values():
        for entry in reversed(history):
            if entry.get("review_state") in states:
                return _naive(entry.get("time"))
    return None


def collect(catalog, today: date, policy: Policy):
    dossiers = []
    for brain in catalog.unrestrictedSearchResults(portal_type="Dossier"):
        obj = brain._unrestrictedGetObject()
        dossiers.append(
            DossierFacts(
                uid=brain.UID,
                kind=obj.kind,
                state=brain.review_state,
                created=_naive(brain.created),
                closed=closed_at(obj, ("closed",))
                if brain.review_state == "closed"
                else None,
                legal_hold=bool(getattr(obj, "legal_hold", False)),
            )
        )
    signals = {}
    # Closed signals: the closing date is in the history (bounded: they go yearly).
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Signal", review_state=list(SIGNAL_CLOSED)
    ):
        obj = brain._unrestrictedGetObject()
        signals[brain.UID] = SignalFacts(
            brain.UID,
            brain.review_state,
            _naive(brain.created),
            closed_at(obj, SIGNAL_CLOSED),
            brain.dossier_uid or None,
            not brain.Creator,
        )
    # Signals of dossiers that may go, and reporters that may be due: metadata only.
    going = {d.uid for d in dossiers if d.state == "closed" and not d.legal_hold}
    if going:
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Signal", dossier_uid=sorted(going)
        ):
            signals.setdefault(brain.UID, _facts(brain))
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Signal",
        created={
            "query": _months_before(today, policy.reporter_months),
            "range": "max",
        },
    ):
        if brain.Creator:
            signals.setdefault(brain.UID, _facts(brain))
    return list(signals.values()), dossiers


def _facts(brain) -> SignalFacts:
    return SignalFacts(
        brain.UID,
        brain.review_state,
        _naive(brain.created),
        None,
        brain.dossier_uid or None,
        not brain.Creator,
    )


def _months_before(today: date, months: int):
    from DateTime import DateTime

    # The end of that day: the plan decides exactly, this only narrows the query.
    return DateTime(f"{add_months(today, -months).isoformat()} 23:59:59")


def tombstone(obj, step, batch: str, now: datetime) -> dict:
    return {
        "batch": batch,
        "type": step.type,
        "object": step.uid,
        "object_id": obj.getId(),
        "created": _naive(obj.created()).isoformat(),
        "closed": (
            closed_at(obj, ("closed", "rejected")) or _naive(obj.modified())
        ).isoformat(),
        "deleted": now.isoformat(),
        "reason": step.reason,
    }


def _forget_client_key(portal, obj) -> None:
    section = portal.get("signalen")
    creators = obj.listCreators() if hasattr(obj, "listCreators") else ()
    client_id = getattr(obj, "client_id", None)
    if section is None or not client_id:
        return
    keys = client_keys(section)
    for creator in creators:
        keys.pop(client_key(creator, client_id), None)


def anonymise(portal, obj) -> None:
    """Remove the reporter's identity; the reporting partner stays."""
    _forget_client_key(portal, obj)
    reporters = set(obj.listCreators())
    obj.setCreators(())
    for userid in reporters:
        obj.manage_delLocalRoles([userid])
    owner = portal.getOwner()
    if owner is not None:
        obj.changeOwnership(owner)
    for wf_id, history in list((obj.workflow_history or {}).items()):
        obj.workflow_history[wf_id] = tuple(
            {**entry, "actor": ANONYMOUS} if entry.get("actor") in reporters else entry
            for entry in history
        )
    obj.reporter_anonymised = True
    obj.reindexObject(idxs=["Creator", "allowedRolesAndUsers"])


def _agenda_items_of(catalog, dossier_uid: str) -> list:
    return [
        b._unrestrictedGetObject()
        for b in catalog.unrestrictedSearchResults(
            portal_type="AgendaItem", dossier_uid=dossier_uid
        )
    ]


def _delete(portal, obj) -> None:
    if obj.portal_type == "Signal":
        _forget_client_key(portal, obj)
    aq_parent(obj)._delObject(obj.getId())


def summarise(today: date, dry_run: bool, current: Policy, result: Plan) -> dict:
    return {
        "date": today.isoformat(),
        "dry_run": dry_run,
        "policy": {
            "signal_months": current.signal_months,
            "dossier_months": current.dossier_months,
            "dossier_months_by_kind": current.dossier_months_by_kind,
            "reporter_months": current.reporter_months,
        },
        "counts": result.counts(),
        "held": result.held,
        "items": [
            {
                "object": s.uid,
                "type": s.type,
                "action": s.action,
                "reason": s.reason,
                "due": s.due.isoformat(),
                "dossier": s.dossier,
            }
            for s in result.steps
        ],
    }


def _delete_dossier_parts(portal, catalog, obj, step, user, records) -> None:
    """Agenda items about the dossier go with it; its actions go as its children."""
    for item in _agenda_items_of(catalog, step.uid):
        records.append(_record(user, "delete", step, item))
        _delete(portal, item)
    for child in obj.objectValues():
        records.append(_record(user, "delete", step, child))


def carry_out(portal, catalog, result: Plan, user, batch: str) -> tuple[list, list]:
    now = datetime.now()
    stones, records = [], []
    uids = [s.uid for s in result.steps]
    by_uid = {b.UID: b for b in catalog.unrestrictedSearchResults(UID=uids)}
    for step in result.steps:
        brain = by_uid.get(step.uid)
        if brain is None:
            continue  # already gone with its container
        obj = brain._unrestrictedGetObject()
        if step.action == "anonymise":
            anonymise(portal, obj)
            records.append(_record(user, "modify", step, obj))
            continue
        stones.append(tombstone(obj, step, batch, now))
        records.append(_record(user, "delete", step, obj))
        if step.type == "Dossier":
            _delete_dossier_parts(portal, catalog, obj, step, user, records)
        _delete(portal, obj)
    return stones, records


def run(today: date, dry_run: bool, user: str | None = None, pack=True) -> dict:
    portal = api.portal.get()
    catalog = api.portal.get_tool("portal_catalog")
    current = policy()
    signals, dossiers = collect(catalog, today, current)
    result = plan(today, current, signals, dossiers)
    summary = summarise(today, dry_run, current, result)
    if dry_run:
        return summary
    batch = uuid.uuid4().hex[:12]
    stones, records = carry_out(portal, catalog, result, user, batch)

    def after_commit(success: bool) -> None:
        if not success:
            return
        try:
            add_tombstones(stones)
            for record in records:
                audit_append(record)
        except Exception:
            logger.exception("retention %s: tombstones/audit not written", batch)

    transaction.get().addAfterCommitHook(after_commit)
    transaction.get().note(f"goov retention {batch}")
    summary["batch"] = batch
    summary["pack"] = pack and bool(stones or records)
    return summary


def pack_database(portal) -> None:
    """Drop the old revisions, and with them deleted objects and their blobs.

    Retention is only real when deleted data leaves the storage: FileStorage keeps
    old revisions (and blob files) until a pack; RelStorage history-free needs a
    pack to collect unreachable objects.
    """
    portal._p_jar.db().pack(days=0)


def _record(user, action, step, obj) -> dict:
    return {
        "user": user,
        "partner": None,
        "action": action,
        "object": obj.UID(),
        "path": "/".join(obj.getPhysicalPath())[:1000],
        "type": obj.portal_type,
        "dossier": step.dossier,
        "status": 200,
    }
