"""Record a meeting decision and create its actions in the dossier (one transaction)."""

from datetime import datetime
from datetime import timezone
from goov.domain.decisions import NewAction
from persistent.list import PersistentList
from plone import api


class DecisionRefused(ValueError):
    def __init__(self, field: str, code: str):
        super().__init__(code)
        self.field = field
        self.code = code


def dossier_of(item):
    if not item.dossier:
        return None
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        UID=item.dossier, portal_type="Dossier"
    )
    return brains[0]._unrestrictedGetObject() if brains else None


def record_decision(item, text: str, actions: list[NewAction]) -> dict:
    dossier = dossier_of(item)
    if actions and dossier is None:
        raise DecisionRefused("actions", "no_dossier")
    if actions and not api.user.has_permission("goov: Add Action", obj=dossier):
        raise DecisionRefused("actions", "dossier_closed")
    created = [
        api.content.create(
            container=dossier,
            type="Action",
            title=new.title,
            text=new.text,
            assigned_partner=new.assigned_partner,
            assignee=new.assignee,
            due_date=new.due_date,
            priority=new.priority,
            decided_in=item.UID(),
        )
        for new in actions
    ]
    user = api.user.get_current()
    entry = {
        "time": datetime.now(timezone.utc),
        "actor": user.getId() if user else None,
        "text": text,
        "actions": [a.UID() for a in created],
    }
    if not isinstance(item.decision_log, PersistentList):
        item.decision_log = PersistentList(item.decision_log)
    item.decision_log.append(entry)
    stamp = entry["time"].astimezone().strftime("%d-%m-%Y")
    item.decisions = "\n".join(p for p in (item.decisions, f"{stamp}: {text}") if p)
    item.reindexObject()
    return {"decision": entry, "actions": created}
