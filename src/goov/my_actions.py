"""The actions of the current user's partner organisation(s) that they may see."""

from Acquisition import aq_parent
from datetime import date
from goov.domain.action import is_overdue
from goov.domain.partners import partners_among
from plone import api


def my_actions(user, states: list[str] | None = None) -> list[dict]:
    partners = partners_among(user.getGroups())
    if not partners:
        return []
    query = {
        "portal_type": "Action",
        "assigned_partner": partners,
        "sort_on": "due_date",
    }
    if states:
        query["review_state"] = states
    today = date.today()
    items = []
    for brain in api.content.find(**query):  # catalog: only what the user may see
        dossier = aq_parent(brain.getObject())
        visible = api.user.has_permission("View", obj=dossier)
        items.append(
            {
                "@id": brain.getURL(),
                "UID": brain.UID,
                "title": brain.Title,
                "assigned_partner": brain.assigned_partner,
                "dossier": {"@id": dossier.absolute_url(), "title": dossier.Title()}
                if visible
                else None,
                "dossier_title": dossier.Title() if visible else None,
                "review_state": brain.review_state,
                "due_date": brain.due_date,
                "overdue": is_overdue(brain.due_date, brain.review_state, today),
            }
        )
    return items
