"""Add goov's derived data to the content JSON; never leak a hidden parent."""

from datetime import date
from goov.browser.photo import photo_url
from goov.content.action import IAction
from goov.content.agenda_item import IAgendaItem
from goov.content.dossier import IDossier
from goov.content.signal import ISignal
from goov.domain.action import is_overdue
from goov.interfaces import IBrowserLayer
from goov.partners import is_police_sourced
from goov.similar import similar_json
from plone import api
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from zope.component import adapter
from zope.interface import implementer


def redact_hidden_parent(context, result: dict) -> None:
    """plone.restapi puts the parent's title in every response. A partner
    coordinator may see an action but not the dossier around it, whose title
    often names a family: show only that there is a parent."""
    parent = context.aq_parent
    if not api.user.has_permission("View", obj=parent):
        result["parent"] = {"@id": parent.absolute_url(), "@type": parent.portal_type}


def linked_signals(dossier) -> list[dict]:
    """The dossier's signals that the current user may see (catalog-filtered)."""
    brains = api.content.find(
        portal_type="Signal", dossier_uid=dossier.UID(), sort_on="observed_at"
    )
    return [
        {
            "@id": b.getURL(),
            "UID": b.UID,
            "title": b.Title,
            "review_state": b.review_state,
            "category": b.category,
            "observed_at": json_compatible(b.observed_at),
        }
        for b in brains
    ]


class Extended:
    """plone.restapi's JSON plus goov's additions (`extend`)."""

    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version,
            include_items=include_items,
            include_expansion=include_expansion,
        )
        self.extend(result)
        return result

    def extend(self, result: dict) -> None:
        raise NotImplementedError


@implementer(ISerializeToJson)
@adapter(IDossier, IBrowserLayer)
class DossierSerializer(Extended, SerializeFolderToJson):
    def extend(self, result):
        result["signals"] = linked_signals(self.context)


@implementer(ISerializeToJson)
@adapter(IAction, IBrowserLayer)
class ActionSerializer(Extended, SerializeToJson):
    def extend(self, result):
        result["overdue"] = is_overdue(
            self.context.due_date,
            api.content.get_state(obj=self.context),
            date.today(),
        )
        redact_hidden_parent(self.context, result)


@implementer(ISerializeToJson)
@adapter(ISignal, IBrowserLayer)
class SignalSerializer(Extended, SerializeToJson):
    """Adds similar signals; photos (with download URLs) for users who may see
    personal data."""

    def extend(self, result):
        # "Mogelijk verwant": the best suggestions among what this user may see.
        result["similar"] = similar_json(self.context, limit=5)
        result["police_sourced"] = is_police_sourced(self.context)
        if api.user.has_permission("goov: View personal data", obj=self.context):
            result["photos"] = [
                {
                    "filename": photo.filename,
                    "content-type": photo.contentType,
                    "size": photo.getSize(),
                    "download": photo_url(self.context, index),
                }
                for index, photo in enumerate(self.context.photos or ())
            ]


@implementer(ISerializeToJson)
@adapter(IAgendaItem, IBrowserLayer)
class AgendaItemSerializer(Extended, SerializeToJson):
    def extend(self, result):
        redact_hidden_parent(self.context, result)
