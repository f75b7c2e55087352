"""Dossier: a case file that clusters signals, with its own team workspace."""

from goov import _
from goov.content.personal_data import PERSONS_SCHEMA
from goov.content.personal_data import VIEW_PERSONAL_DATA
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.schema import JSONField
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class IDossier(model.Schema):
    """A case file about a person, family, address, hotspot or theme."""

    title = schema.TextLine(
        title=_("label_title", default="Titel"),
        max_length=200,
        required=True,
    )
    kind = schema.Choice(
        title=_("label_dossier_kind", default="Soort dossier"),
        vocabulary="goov.dossier_kinds",
        required=True,
    )
    wijk = schema.Choice(
        title=_("label_wijk", default="Wijk"),
        vocabulary="goov.wijken",
        required=False,
    )
    risk_level = schema.Choice(
        title=_("label_risk_level", default="Risiconiveau"),
        vocabulary="goov.risk_levels",
        default="medium",
        required=True,
    )
    legal_basis = schema.Choice(
        title=_("label_legal_basis", default="Grondslag"),
        vocabulary="goov.legal_bases",
        required=True,
    )
    legal_basis_explanation = schema.Text(
        title=_("label_legal_basis_explanation", default="Toelichting op de grondslag"),
        required=False,
    )
    purpose = schema.Text(
        title=_("label_purpose", default="Doel (doelbinding)"),
        required=True,
    )
    subjects = JSONField(
        title=_("label_subjects", default="Betrokkenen (personen en adressen)"),
        schema=PERSONS_SCHEMA,
        default=[],
        required=False,
    )
    goals = schema.List(
        title=_("label_goals", default="Doelen (plan van aanpak)"),
        value_type=schema.TextLine(max_length=500),
        default=[],
        required=False,
    )
    plan = schema.Text(
        title=_("label_plan", default="Plan van aanpak"),
        required=False,
    )
    regisseur = schema.TextLine(
        title=_("label_regisseur", default="Regisseur"),
        required=False,
    )
    result = schema.Text(
        title=_("label_result", default="Resultaat bij afsluiten"),
        required=False,
    )
    legal_hold = schema.Bool(
        title=_("label_legal_hold", default="Juridische blokkade (legal hold)"),
        description=_(
            "help_legal_hold",
            default="Zolang dit aan staat wordt het dossier met zijn signalen "
            "niet verwijderd of geanonimiseerd, ook niet na de bewaartermijn.",
        ),
        default=False,
        required=False,
    )
    legal_hold_reason = schema.Text(
        title=_("label_legal_hold_reason", default="Reden van de blokkade"),
        required=False,
    )
    discuss = schema.Bool(
        title=_("label_discuss", default="Bespreken in het volgende overleg"),
        default=False,
        required=False,
    )

    directives.read_permission(
        subjects=VIEW_PERSONAL_DATA,
        plan=VIEW_PERSONAL_DATA,
        result=VIEW_PERSONAL_DATA,
    )
    # Set through POST @legal-hold, which also works on closed dossiers.
    directives.omitted("legal_hold", "legal_hold_reason")
    directives.write_permission(
        legal_hold="cmf.ManagePortal",
        legal_hold_reason="cmf.ManagePortal",
    )

    @invariant
    def explanation_for_other_basis(data):
        if (
            data.legal_basis == "other"
            and not (data.legal_basis_explanation or "").strip()
        ):
            raise Invalid(
                _(
                    "error_legal_basis_explanation",
                    default="Licht de grondslag toe wanneer u 'Anders' kiest.",
                )
            )

    @invariant
    def reason_for_legal_hold(data):
        if (
            getattr(data, "legal_hold", False)
            and not (getattr(data, "legal_hold_reason", "") or "").strip()
        ):
            raise Invalid(
                _(
                    "error_legal_hold_reason",
                    default="Geef de reden van de juridische blokkade.",
                )
            )


@implementer(IDossier)
class Dossier(Container):
    """Content class: storage only. Linked signal UIDs live in `signal_uids`."""

    # No type annotation here: a class-level `__annotations__` dict would be taken
    # by zope.annotation as the (shared!) annotation storage of every instance.
    signal_uids = ()
    legal_hold = False

    def wf_conditions(self):
        from goov.workflows.conditions import IDossierWfConditions

        return IDossierWfConditions(self)
