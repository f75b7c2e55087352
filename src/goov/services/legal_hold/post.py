"""POST <dossier>/@legal-hold {"legal_hold": true, "reason": "..."}: stop (or
release) retention for a dossier and its signals. Works in every state: holds
are typically needed after a dossier was closed."""

from goov.services.errors import InputError
from goov.services.errors import read_json
from goov.services.errors import reply_error
from goov.services.errors import require_fields
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


def parse(data: dict) -> tuple[bool, str]:
    require_fields(data, {"legal_hold", "reason"}, {"legal_hold"})
    hold = data["legal_hold"]
    if not isinstance(hold, bool):
        raise InputError(
            "Invalid input", [{"field": "legal_hold", "message": "true or false"}]
        )
    reason = data.get("reason") or ""
    if not isinstance(reason, str) or len(reason) > 2000:
        raise InputError(
            "Invalid input",
            [{"field": "reason", "message": "Text up to 2000 characters"}],
        )
    if hold and not reason.strip():
        raise InputError(
            "Geef de reden van de juridische blokkade.",
            [{"field": "reason", "message": "Required when legal_hold is true"}],
        )
    return hold, reason.strip()


class LegalHoldPost(Service):
    def reply(self) -> dict:
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            hold, reason = parse(read_json(self.request))
        except InputError as exc:
            return reply_error(self, exc)
        self.context.legal_hold = hold
        self.context.legal_hold_reason = reason if hold else ""
        return {"legal_hold": hold, "reason": self.context.legal_hold_reason}
