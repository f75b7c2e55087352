"""The dossier page: case facts, linked signals, roster, actions and a timeline."""

from datetime import date
from datetime import datetime
from datetime import timezone
from goov.browser.photo import photo_url
from goov.browser.states import state_title
from goov.domain.action import is_overdue
from goov.domain.regie import timeline
from goov.domain.regie import TimelineEvent
from goov.domain.signal import SOURCES
from goov.domain.vocab import title_of
from goov.geo import wijk_name
from goov.partners import is_police_sourced
from goov.vocabularies import category_terms
from goov.workspace.roster import members
from plone import api
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


def vocabulary_title(name: str, token, context) -> str:
    if not token:
        return ""
    vocabulary = getUtility(IVocabularyFactory, name)(context)
    try:
        return vocabulary.getTerm(token).title
    except LookupError:
        return token


def as_utc(value) -> datetime:
    """Workflow history holds Zope DateTimes; our own records hold datetimes."""
    if hasattr(value, "asdatetime"):
        value = value.asdatetime()
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value


def workflow_events(obj, label: str, kind: str) -> list[TimelineEvent]:
    events = []
    for history in getattr(obj, "workflow_history", {}).values():
        for entry in history:
            action = entry.get("action") or "aangemaakt"
            state = state_title(entry.get("review_state"), obj.portal_type)
            text = f"{label}: {action} → {state}"
            if entry.get("comments"):
                text += f" ({entry['comments']})"
            events.append(
                TimelineEvent(
                    time=as_utc(entry["time"]),
                    kind=kind,
                    text=text,
                    actor=entry.get("actor"),
                    url=obj.absolute_url(),
                )
            )
    return events


class DossierView(BrowserView):
    def can(self, permission: str) -> bool:
        return api.user.has_permission(permission, obj=self.context)

    def personal_data(self) -> bool:
        return self.can("goov: View personal data")

    def facts(self) -> list[tuple[str, str]]:
        c = self.context
        return [
            ("Status", state_title(api.content.get_state(c), "Dossier")),
            ("Soort", vocabulary_title("goov.dossier_kinds", c.kind, c)),
            ("Wijk", wijk_name(c.wijk) or ""),
            ("Risiconiveau", vocabulary_title("goov.risk_levels", c.risk_level, c)),
            ("Grondslag", vocabulary_title("goov.legal_bases", c.legal_basis, c)),
            ("Doel", c.purpose or ""),
            ("Regisseur", c.regisseur or ""),
        ]

    def signals(self) -> list[dict]:
        terms = category_terms()
        result = []
        for brain in api.content.find(
            portal_type="Signal", dossier_uid=self.context.UID(), sort_on="observed_at"
        ):
            signal = brain.getObject()
            show = api.user.has_permission("goov: View personal data", obj=signal)
            result.append(
                {
                    "url": brain.getURL(),
                    "uid": brain.UID,
                    "title": brain.Title,
                    "category": title_of(terms, brain.category) or brain.category,
                    "state": state_title(brain.review_state, "Signal"),
                    "police": is_police_sourced(signal),
                    "source": title_of(SOURCES, signal.source) or signal.source,
                    "description": signal.description if show else None,
                    "photos": [
                        photo_url(signal, i) for i in range(len(signal.photos or ()))
                    ]
                    if show
                    else [],
                }
            )
        return result

    def roster(self) -> list[dict]:
        if not self.can("collective.workspace: View roster"):
            return []
        return members(self.context)

    def can_manage_roster(self) -> bool:
        return self.can("collective.workspace: Manage roster")

    def actions(self) -> list[dict]:
        today = date.today()
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "partner": vocabulary_title(
                    "goov.partners", b.assigned_partner, self.context
                ),
                "due": b.due_date,
                "state": state_title(b.review_state, "Action"),
                "overdue": is_overdue(b.due_date, b.review_state, today),
            }
            for b in api.content.find(
                portal_type="Action",
                path="/".join(self.context.getPhysicalPath()),
                sort_on="due_date",
            )
        ]

    def events(self) -> list[TimelineEvent]:
        dossier = self.context
        events = workflow_events(dossier, "Dossier", "state")
        for record in getattr(dossier, "roster_history", ()):
            verb = "toegevoegd aan" if record["action"] == "added" else "verwijderd uit"
            events.append(
                TimelineEvent(
                    time=as_utc(record["time"]),
                    kind="roster",
                    text=f"{record['principal']} {verb} het team",
                    actor=record.get("actor"),
                )
            )
        for brain in api.content.find(portal_type="Signal", dossier_uid=dossier.UID()):
            events.extend(workflow_events(brain.getObject(), brain.Title, "signal"))
        for brain in api.content.find(
            portal_type="Action", path="/".join(dossier.getPhysicalPath())
        ):
            events.extend(
                workflow_events(brain.getObject(), f"Actie {brain.Title}", "action")
            )
        for brain in api.content.find(
            portal_type="AgendaItem", dossier_uid=dossier.UID()
        ):
            meeting = brain.getObject().aq_parent
            start = getattr(meeting, "start", None) or brain.created
            events.append(
                TimelineEvent(
                    time=as_utc(start),
                    kind="meeting",
                    text=f"Agendapunt in overleg: {meeting.Title()}",
                    url=meeting.absolute_url(),
                )
            )
        return timeline(events)
