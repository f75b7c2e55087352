"""POST {event}/@register {"name", "email", "organisation", "remarks"}."""

from goov.domain.intake import FieldError
from goov.domain.registration import RegistrationInvalid
from goov.registration_flow import attempt
from goov.registration_flow import RegistrationClosed
from goov.registration_flow import TooManyAttempts
from goov.services.errors import reply_coded
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

import json


class RegisterPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json.loads(self.request.get("BODY") or b"")
        except ValueError:
            return self.error(400, "BadRequest", [FieldError("body", "malformed_json")])
        try:
            entry, created = attempt(self.context, self.request, data)
        except RegistrationInvalid as exc:
            return self.error(400, "BadRequest", exc.errors)
        except RegistrationClosed:
            return self.error(409, "Conflict", [], "registration_closed")
        except TooManyAttempts:
            return self.error(429, "TooManyRequests", [], "too_many_attempts")
        if entry is None:
            self.request.response.setStatus(201)
            return {"status": "registered"}
        if not created:
            return self.error(
                409, "Conflict", [], "already_registered", entry["status"]
            )
        self.request.response.setStatus(201)
        result = {"status": entry["status"]}
        if entry["status"] == "waitlist":
            result["waitlist"] = True
        return result

    def error(self, status, kind, errors, code="invalid_registration", current=None):
        extra = {"status": current} if current else {}
        return reply_coded(self, status, kind, code, errors, **extra)
