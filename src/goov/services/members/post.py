"""POST {dossier}/@members {"principal": "<user or partner group>"}: add to roster."""

from goov.services.errors import InputError
from goov.services.errors import read_json
from goov.services.errors import reply_error
from goov.services.errors import require_fields
from goov.workspace.roster import add_member
from goov.workspace.roster import members
from goov.workspace.roster import RosterError
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


class MembersPost(Service):
    def reply(self) -> dict:
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = read_json(self.request)
            require_fields(data, {"principal", "manager"}, {"principal"})
            principal = data["principal"]
            if not isinstance(principal, str):
                raise InputError(
                    "Invalid input", [{"field": "principal", "message": "Not a string"}]
                )
            try:
                added = add_member(self.context, principal, bool(data.get("manager")))
            except RosterError as exc:
                raise InputError(
                    str(exc), [{"field": "principal", "message": str(exc)}]
                ) from exc
        except InputError as exc:
            return reply_error(self, exc)
        self.request.response.setStatus(201 if added else 200)
        items = members(self.context)
        return {"items": items, "items_total": len(items), "added": added}
