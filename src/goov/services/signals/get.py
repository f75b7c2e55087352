"""GET /@signals: the signals the current user may see, newest first, batched."""

from goov.domain.signal_listing import signal_query
from goov.services.errors import reply_coded
from goov.vocabularies import category_terms
from plone import api
from plone.restapi.batching import HypermediaBatch
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from zExceptions import Unauthorized


def summary(brain) -> dict:
    """Facts only: no description, persons or addresses."""
    return {
        "@id": brain.getURL(),
        "UID": brain.UID,
        "title": brain.Title,
        "review_state": brain.review_state,
        "category": brain.category,
        "wijk": brain.wijk,
        "observed_at": json_compatible(brain.observed_at),
        "urgent": bool(brain.urgent),
        "reporting_partner": brain.reporting_partner,
        "created": json_compatible(brain.created),
    }


class SignalsGet(Service):
    def reply(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to list signals")
        parsed = signal_query(
            self.request.form,
            {t.token for t in category_terms()},
            api.user.get_current().getId(),
        )
        if parsed.errors:
            errors = [(field, "invalid_filter") for field in parsed.errors]
            return reply_coded(self, 400, "BadRequest", "invalid_filter", errors)
        # The catalog filters on what the user may View: need to know holds here.
        brains = api.content.find(
            path="/".join(self.context["signalen"].getPhysicalPath()),
            sort_on="created_at",
            sort_order="reverse",
            **parsed.query,
        )
        batch = HypermediaBatch(self.request, brains)
        result = {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "items": [summary(b) for b in batch],
        }
        if batch.links:
            result["batching"] = batch.links
        return result
