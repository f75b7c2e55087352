"""Ids without personal data or shared counters.

Titles of dossiers often name people ("Familie ..."), and ids end up in URLs, logs
and referrers. Sequential ids ("signal-17") make parallel writers collide. So goov
content gets `<type>-<random hex>` ids, whoever adds it (REST, forms, plone.api).
"""

from plone.app.content.namechooser import NormalizingNameChooser
from zope.container.interfaces import INameChooser
from zope.interface import implementer
from zope.interface import Interface

import uuid


class INeutralName(Interface):
    """Marker (behaviour goov.neutralname): the content gets a random, neutral id."""


def neutral_id(obj) -> str:
    return f"{obj.portal_type.lower()}-{uuid.uuid4().hex[:16]}"


@implementer(INameChooser)
class NeutralNameChooser(NormalizingNameChooser):
    """For goov containers: neutral ids for goov content, Plone's rules otherwise."""

    def chooseName(self, name, obj):
        if INeutralName.providedBy(obj):
            candidate = neutral_id(obj)
            while candidate in self.context:  # 64 random bits: practically never
                candidate = neutral_id(obj)
            return candidate
        return super().chooseName(name, obj)
