"""AgendaItem: one dossier (or topic) on a meeting's agenda."""

from goov import _
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


VIEW_MINUTES = "goov.ViewMinutes"


class IAgendaItem(model.Schema):
    title = schema.TextLine(
        title=_("label_title", default="Titel"),
        max_length=200,
        required=True,
    )
    dossier = schema.TextLine(
        title=_("label_agenda_dossier", default="Dossier (UID)"),
        required=False,
    )
    notes = schema.Text(
        title=_("label_notes", default="Verslag"),
        required=False,
    )
    decisions = schema.Text(
        title=_("label_decisions", default="Besluiten"),
        required=False,
    )

    # Minutes are visible to the same people as the dossier they are about.
    directives.read_permission(notes=VIEW_MINUTES, decisions=VIEW_MINUTES)
    directives.write_permission(dossier="goov.ManageMeeting")


@implementer(IAgendaItem)
class AgendaItem(Item):
    """Content class: storage only. `decision_log` holds the structured
    decisions ({time, actor, text, actions: [UID]}) recorded by @decisions."""

    decision_log = ()
