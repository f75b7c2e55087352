"""Control panel "Bewaartermijnen": retention periods (registry goov.retention.*)."""

from goov import _
from goov.controlpanels.deserializer import IGoovControlpanel
from goov.domain.retention import Policy
from goov.interfaces import IBrowserLayer
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope import schema
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface


DEFAULTS = Policy()
MAX_MONTHS = 1200


class IRetentionSettings(Interface):
    signal_months = schema.Int(
        title=_("label_retention_signal_months", default="Losse signalen (maanden)"),
        description=_(
            "help_retention_signal_months",
            default="Gesloten of afgewezen signalen zonder dossier worden zoveel "
            "maanden na het sluiten verwijderd.",
        ),
        default=DEFAULTS.signal_months,
        min=1,
        max=MAX_MONTHS,
        required=True,
    )
    dossier_months = schema.Int(
        title=_(
            "label_retention_dossier_months", default="Gesloten dossiers (maanden)"
        ),
        description=_(
            "help_retention_dossier_months",
            default="Gesloten dossiers, met hun acties, agendapunten, foto's en "
            "gekoppelde signalen, worden zoveel maanden na het sluiten verwijderd.",
        ),
        default=DEFAULTS.dossier_months,
        min=1,
        max=MAX_MONTHS,
        required=True,
    )
    dossier_months_by_kind = schema.Dict(
        title=_(
            "label_retention_dossier_months_by_kind",
            default="Afwijkende termijn per soort dossier (maanden)",
        ),
        description=_(
            "help_retention_dossier_months_by_kind",
            default="Soort dossier (person, family, address, location, theme) en "
            "het aantal maanden; niet genoemde soorten volgen de termijn hierboven.",
        ),
        key_type=schema.Choice(vocabulary="goov.dossier_kinds"),
        value_type=schema.Int(min=1, max=MAX_MONTHS),
        default={},
        required=False,
    )
    reporter_months = schema.Int(
        title=_(
            "label_retention_reporter_months",
            default="Melder anonimiseren na (maanden)",
        ),
        description=_(
            "help_retention_reporter_months",
            default="Zoveel maanden na het melden wordt de identiteit van de "
            "melder van een signaal verwijderd (de partner blijft bekend).",
        ),
        default=DEFAULTS.reporter_months,
        min=1,
        max=MAX_MONTHS,
        required=True,
    )


class RetentionEditForm(RegistryEditForm):
    schema = IRetentionSettings
    schema_prefix = "goov.retention"
    label = _("label_retention_settings", default="Bewaartermijnen")
    description = _(
        "help_retention_settings",
        default="Een juridische blokkade (legal hold) op een dossier houdt het "
        "dossier en zijn signalen buiten elke verwijdering. `make retention` "
        "voert de termijnen uit.",
    )


class RetentionControlPanel(ControlPanelFormWrapper):
    form = RetentionEditForm


@adapter(Interface, IBrowserLayer)
@implementer(IGoovControlpanel)
class RetentionConfigletPanel(RegistryConfigletPanel):
    schema = IRetentionSettings
    schema_prefix = "goov.retention"
    configlet_id = "goov-retention"
    configlet_category_id = "Products"
