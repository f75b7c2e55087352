"""Record roster changes on the dossier for its timeline."""

from collective.workspace.events import TeamMemberAddedEvent
from collective.workspace.events import TeamMemberRemovedEvent
from datetime import datetime
from datetime import timezone
from goov.content.dossier import IDossier
from persistent.list import PersistentList
from plone import api
from zope.component import adapter


def _record(dossier, action: str, principal: str) -> None:
    history = getattr(dossier, "roster_history", None)
    if history is None:
        history = dossier.roster_history = PersistentList()
    actor = api.user.get_current()
    history.append(
        {
            "time": datetime.now(timezone.utc),
            "action": action,
            "principal": principal,
            "actor": actor.getId() if actor else None,
        }
    )


@adapter(IDossier, TeamMemberAddedEvent)
def member_added(dossier, event):
    _record(dossier, "added", event.membership.user)


@adapter(IDossier, TeamMemberRemovedEvent)
def member_removed(dossier, event):
    _record(dossier, "removed", event.membership.user)
