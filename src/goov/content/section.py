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

    def notifyModified(self):
        """Keep the modification date when a child is added or removed.

        Every add fires IContainerModifiedEvent; Dexterity then reindexes the
        container and CMF's reindexObject() stamps its modification date. For a
        storage-only section or month shard that made every signal POST write the
        shard and its catalog entry, so all parallel intakes conflicted on them
        (two instances on ZEO: retries up to 8 of 10, one request over 120 s).
        Nobody edits a section; its date stays its creation date.
        """
        self.addCreator()
