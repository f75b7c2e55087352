"""Catalog indexers. Nothing here may return personal data."""

from goov.content.agenda_item import IAgendaItem
from goov.content.signal import ISignal
from goov.domain.vocab import title_of
from goov.geo import wijk_name
from goov.vocabularies import category_terms
from plone.indexer import indexer


@indexer(ISignal)
def signal_dossier_uid(obj):
    return obj.dossier or None


@indexer(IAgendaItem)
def agenda_item_dossier_uid(obj):
    return obj.dossier or None


@indexer(ISignal)
def signal_searchable_text(obj):
    """Category, wijk and title only: the description may name people."""
    parts = [
        obj.title or "",
        title_of(category_terms(), obj.category) or "",
        wijk_name(obj.wijk) or "",
    ]
    return " ".join(p for p in parts if p)


@indexer(ISignal)
def signal_created_at(obj):
    """Creation time in microseconds: DateIndex keeps only minutes, and "newest
    first" must hold within a minute too."""
    return obj.created().micros()


@indexer(ISignal)
def signal_geo_bucket(obj):
    from goov.similar import geo_bucket

    return geo_bucket(obj)


@indexer(ISignal)
def signal_match_keys(obj):
    """Keyed hashes of addresses and persons (name + birthdate): equal ones
    match, the index itself reveals no names."""
    from goov.similar import match_keys

    return match_keys(obj)
