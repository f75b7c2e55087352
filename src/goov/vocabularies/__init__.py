"""Named vocabularies of goov (registered in configure.zcml)."""

from goov import _ as goov_message
from goov.domain import action as action_rules
from goov.domain import dossier as dossier_rules
from goov.domain import signal as signal_rules
from goov.domain.vocab import Term
from goov.geo import wijken
from goov.partners import all_partners
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


CATEGORIES_RECORD = "goov.signal_categories"


def translated_vocabulary(name: str, terms: tuple[Term, ...]) -> SimpleVocabulary:
    return SimpleVocabulary(
        [
            SimpleTerm(
                t.token,
                t.token,
                # Dynamic msgids: listed in locales/vocabularies.pot (tested).
                goov_message(f"{name}_{t.token}", default=t.title),
            )
            for t in terms
        ]
    )


def _static(name: str, terms: tuple[Term, ...]):
    @provider(IVocabularyFactory)
    def factory(context=None):
        return translated_vocabulary(name, terms)

    return factory


DossierKinds = _static("dossier_kind", dossier_rules.KINDS)
RiskLevels = _static("risk_level", dossier_rules.RISK_LEVELS)
LegalBases = _static("legal_basis", dossier_rules.LEGAL_BASES)
ActionPriorities = _static("action_priority", action_rules.PRIORITIES)
SignalSources = _static("signal_source", signal_rules.SOURCES)


def category_terms() -> tuple[Term, ...]:
    """The categories configured by site administrators (registry), or the defaults."""
    configured = api.portal.get_registry_record(CATEGORIES_RECORD, default=None)
    if not configured:
        return signal_rules.DEFAULT_CATEGORIES
    return tuple(
        Term(token, title)
        for token, title in sorted(configured.items(), key=lambda kv: kv[1].lower())
    )


@provider(IVocabularyFactory)
def SignalCategories(context=None):
    return SimpleVocabulary(
        [SimpleTerm(t.token, t.token, t.title) for t in category_terms()]
    )


@provider(IVocabularyFactory)
def Wijken(context=None):
    return SimpleVocabulary([SimpleTerm(w.code, w.code, w.name) for w in wijken()])


@provider(IVocabularyFactory)
def Partners(context=None):
    return SimpleVocabulary(
        [SimpleTerm(p["id"], p["id"], p["title"]) for p in all_partners()]
    )
