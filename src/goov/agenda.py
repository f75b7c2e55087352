"""Agenda proposal: the dossiers that need a decision at a meeting."""

from Acquisition import aq_parent
from datetime import date
from goov.content.agenda_item import IAgendaItem
from plone import api


OPEN_DOSSIER_STATES = ["intake", "analysis", "active", "monitoring"]


def _start(meeting):
    start = getattr(meeting, "start", None)
    return start.replace(tzinfo=None) if start else None


def _add(reasons: dict, uid: str, reason: str) -> None:
    if reason not in reasons.setdefault(uid, []):
        reasons[uid].append(reason)


def _dossier_reasons(reasons: dict) -> dict:
    """Open dossiers; those in analysis or flagged for discussion get a reason."""
    dossiers = {}
    for brain in api.content.find(
        portal_type="Dossier", review_state=OPEN_DOSSIER_STATES
    ):
        dossiers[brain.UID] = brain
        if brain.review_state == "analysis":
            _add(reasons, brain.UID, "in analyse: plan van aanpak nodig")
        if getattr(brain.getObject(), "discuss", False):
            _add(reasons, brain.UID, "aangemeld voor bespreking")
    return dossiers


def _decided_earlier(meeting, item_uid: str) -> bool:
    items = api.content.find(UID=item_uid)
    if not items:
        return False
    previous = aq_parent(items[0].getObject())
    this_start, start = _start(meeting), _start(previous)
    return previous != meeting and (
        this_start is None or (start and start < this_start)
    )


def _action_reasons(meeting, dossiers: dict, reasons: dict) -> None:
    """Overdue actions, and progress on actions decided at an earlier meeting."""
    today = date.today()
    progress: dict[str, list[str]] = {}
    for brain in api.content.find(portal_type="Action"):
        action = brain.getObject()
        uid = aq_parent(action).UID()
        if uid not in dossiers:
            continue
        still_open = brain.review_state in ("open", "in_progress")
        if still_open and brain.due_date and brain.due_date < today:
            _add(reasons, uid, "acties over tijd")
        if action.decided_in and _decided_earlier(meeting, action.decided_in):
            progress.setdefault(uid, []).append(brain.review_state)
    for uid, states in progress.items():
        done = sum(1 for s in states if s in ("done", "cancelled"))
        _add(
            reasons,
            uid,
            f"besluiten vorig overleg: {done} van {len(states)} acties afgerond",
        )


def agenda_proposal(meeting) -> list[dict]:
    """[{uid, title, url, state, reasons}] for dossiers not yet on the agenda."""
    on_agenda = {i.dossier for i in meeting.objectValues() if IAgendaItem.providedBy(i)}
    reasons: dict[str, list[str]] = {}
    dossiers = _dossier_reasons(reasons)
    _action_reasons(meeting, dossiers, reasons)
    proposal = [
        {
            "uid": uid,
            "title": dossiers[uid].Title,
            "url": dossiers[uid].getURL(),
            "state": dossiers[uid].review_state,
            "reasons": why,
        }
        for uid, why in reasons.items()
        if uid not in on_agenda
    ]
    return sorted(proposal, key=lambda p: (-len(p["reasons"]), p["title"].lower()))
