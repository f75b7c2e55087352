"""The case sections signalen/, dossiers/ and overleggen/ as typed containers.

Typed containers make "Signal only in signalen/" a property of the FTIs
(filter_content_types) and give the sections their own workflow.
"""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class ISection(model.Schema):
    """A top-level case section."""


@implementer(ISection)
class Section(Container):
    """Content class: storage only.

    Unordered: an ordered folder keeps one list of all ids, which every parallel
    add would modify (a ZODB conflict each time).
    """

    _ordering = "unordered"
