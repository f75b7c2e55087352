"""Action: a task of the plan of approach, assigned to a partner organisation."""

from goov import _
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IAction(model.Schema):
    """An action inside a Dossier."""

    title = schema.TextLine(
        title=_("label_title", default="Titel"),
        max_length=200,
        required=True,
    )
    text = schema.Text(
        title=_("label_action_text", default="Omschrijving"),
        required=False,
    )
    assigned_partner = schema.Choice(
        title=_("label_assigned_partner", default="Uitvoerende partner"),
        vocabulary="goov.partners",
        required=True,
    )
    assignee = schema.TextLine(
        title=_("label_assignee", default="Uitvoerder (persoon)"),
        required=False,
    )
    due_date = schema.Date(
        title=_("label_due_date", default="Deadline"),
        required=True,
    )
    priority = schema.Choice(
        title=_("label_priority", default="Prioriteit"),
        vocabulary="goov.action_priorities",
        default="normal",
        required=True,
    )
    result = schema.Text(
        title=_("label_action_result", default="Resultaat"),
        required=False,
    )
    decided_in = schema.TextLine(
        title=_("label_decided_in", default="Besloten in (agendapunt)"),
        required=False,
    )

    directives.omitted("decided_in")
    directives.write_permission(decided_in="cmf.ManagePortal")


@implementer(IAction)
class Action(Item):
    """Content class: storage only."""

    def wf_conditions(self):
        from goov.workflows.conditions import IActionWfConditions

        return IActionWfConditions(self)
