"""GET {dossier}/@members: the roster (users and partner groups)."""

from goov.workspace.roster import members
from plone.restapi.services import Service


class MembersGet(Service):
    def reply(self) -> dict:
        items = members(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@members",
            "items": items,
            "items_total": len(items),
        }
