"""Behaviour goov.event_registration: webinars, trainings and workshops people
register for. The online meeting link goes only to registrants."""

from goov import _
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


MANAGE_REGISTRATIONS = "goov.ManageRegistrations"


@provider(IFormFieldProvider)
class IEventRegistration(model.Schema):
    """Also the marker: people can register for events that have it."""

    event_kind = schema.Choice(
        title=_("label_event_kind", default="Soort bijeenkomst"),
        values=("webinar", "training", "workshop"),
        default="webinar",
        required=True,
    )
    capacity = schema.Int(
        title=_("label_capacity", default="Maximum aantal deelnemers"),
        description=_("help_capacity", default="0 = onbeperkt"),
        default=0,
        min=0,
        required=True,
    )
    registration_open = schema.Bool(
        title=_("label_registration_open", default="Aanmelden mogelijk"),
        default=True,
        required=False,
    )
    registration_closes = schema.Datetime(
        title=_("label_registration_closes", default="Aanmelden sluit op"),
        required=False,
    )
    audience = schema.TextLine(
        title=_("label_audience", default="Doelgroep"),
        required=False,
    )
    meeting_link = schema.URI(
        title=_(
            "label_meeting_link", default="Online vergaderlink (alleen voor deelnemers)"
        ),
        required=False,
    )

    directives.read_permission(meeting_link=MANAGE_REGISTRATIONS)
    directives.write_permission(meeting_link=MANAGE_REGISTRATIONS)
