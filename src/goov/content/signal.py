"""Signal: a street signal reported by a professional."""

from datetime import datetime
from goov import _
from goov.content.personal_data import PERSONS_SCHEMA
from goov.content.personal_data import VIEW_PERSONAL_DATA
from goov.domain import signal as rules
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import JSONField
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


def now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


class ISignal(model.Schema):
    """A signal (melding) that may grow into a Dossier."""

    title = schema.TextLine(
        title=_("label_title", default="Titel"),
        description=_(
            "help_signal_title",
            default="Wordt gevuld met categorie en datum (geen persoonsgegevens).",
        ),
        required=False,
    )
    category = schema.Choice(
        title=_("label_category", default="Categorie"),
        vocabulary="goov.signal_categories",
        required=True,
    )
    description = schema.Text(
        title=_("label_signal_description", default="Wat heeft u gezien?"),
        max_length=rules.DESCRIPTION_MAX,
        required=True,
    )
    latitude = schema.Float(
        title=_("label_latitude", default="Breedtegraad"),
        min=-90.0,
        max=90.0,
        required=False,
    )
    longitude = schema.Float(
        title=_("label_longitude", default="Lengtegraad"),
        min=-180.0,
        max=180.0,
        required=False,
    )
    address = schema.TextLine(
        title=_("label_address", default="Adres"),
        description=_("help_address", default="Straat en huisnummer, postcode, plaats"),
        max_length=300,
        required=False,
    )
    wijk = schema.Choice(
        title=_("label_wijk", default="Wijk"),
        vocabulary="goov.wijken",
        required=False,
    )
    observed_at = schema.Datetime(
        title=_("label_observed_at", default="Waargenomen op"),
        defaultFactory=now,
        required=True,
    )
    urgent = schema.Bool(
        title=_("label_urgent", default="Urgent"),
        default=False,
        required=False,
    )
    persons = JSONField(
        title=_("label_persons", default="Betrokken personen"),
        schema=PERSONS_SCHEMA,
        default=[],
        required=False,
    )
    addresses = schema.List(
        title=_("label_addresses", default="Betrokken adressen"),
        value_type=schema.TextLine(max_length=300),
        default=[],
        max_length=20,
        required=False,
    )
    source = schema.Choice(
        title=_("label_source", default="Bron"),
        vocabulary="goov.signal_sources",
        default="web",
        required=True,
    )
    client_id = schema.TextLine(
        title=_("label_client_id", default="Client-id"),
        max_length=64,
        required=False,
    )
    reporting_partner = schema.Choice(
        title=_("label_reporting_partner", default="Meldende partner"),
        vocabulary="goov.partners",
        required=False,
    )
    dossier = schema.TextLine(
        title=_("label_linked_dossier", default="Dossier"),
        required=False,
        readonly=False,
    )

    # Free text and the people and addresses involved are personal data.
    directives.read_permission(
        description=VIEW_PERSONAL_DATA,
        persons=VIEW_PERSONAL_DATA,
        addresses=VIEW_PERSONAL_DATA,
    )
    # Set by goov itself (from the reporter, by @link-signals), never by forms.
    directives.omitted("title", "client_id", "reporting_partner", "dossier")
    directives.write_permission(
        title="cmf.ManagePortal",
        reporting_partner="cmf.ManagePortal",
        dossier="cmf.ManagePortal",
    )

    @invariant
    def location_or_address(data):
        has_point = data.latitude is not None and data.longitude is not None
        if not has_point and not (data.address or "").strip():
            raise Invalid(
                _(
                    "error_location_or_address",
                    default="Geef een locatie (breedte- en lengtegraad) of een adres.",
                )
            )


@implementer(ISignal)
class Signal(Item):
    """Content class: storage only, no business rules.

    `photos` holds the re-encoded photos (NamedBlobImage), read through the
    @@photo view under goov: View personal data.
    """

    photos = ()

    def Description(self):
        # The free text may hold personal data: keep it out of catalog metadata
        # and listings. The field itself is guarded by goov: View personal data.
        return ""

    def wf_conditions(self):
        from goov.workflows.conditions import ISignalWfConditions

        return ISignalWfConditions(self)
