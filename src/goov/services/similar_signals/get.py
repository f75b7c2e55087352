"""GET {signal}/@similar-signals: signals that probably concern the same situation."""

from goov.similar import similar_json
from plone.restapi.services import Service


class SimilarSignalsGet(Service):
    def reply(self) -> dict:
        items = similar_json(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@similar-signals",
            "items": items,
            "items_total": len(items),
        }
