"""Meeting (Overleg): a multidisciplinary case meeting with an agenda."""

from goov import _
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IMeeting(model.Schema):
    """Dates come from plone.app.event's behaviours (plone.eventbasic)."""

    title = schema.TextLine(
        title=_("label_title", default="Titel"),
        max_length=200,
        required=True,
    )
    online_link = schema.URI(
        title=_("label_online_link", default="Online vergaderlink"),
        required=False,
    )
    chair = schema.TextLine(
        title=_("label_chair", default="Voorzitter"),
        required=False,
    )
    invited_partners = schema.List(
        title=_("label_invited_partners", default="Uitgenodigde partners"),
        value_type=schema.Choice(vocabulary="goov.partners"),
        default=[],
        required=False,
    )


@implementer(IMeeting)
class Meeting(Container):
    """Content class: storage only."""
