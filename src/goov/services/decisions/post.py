"""POST {agendaitem}/@decisions {"text", "actions": [...]}: decide and assign."""

from goov.decisions import DecisionRefused
from goov.decisions import record_decision
from goov.domain.decisions import DecisionInvalid
from goov.domain.decisions import validate_decision
from goov.domain.intake import FieldError
from goov.partners import all_partners
from goov.services.errors import reply_coded
from goov.services.signals.messages import SUMMARY
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from zope.interface import alsoProvides

import json


class DecisionsPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = json.loads(self.request.get("BODY") or b"")
        except ValueError:
            return self.invalid([FieldError("body", "malformed_json")])
        try:
            text, actions = validate_decision(
                data,
                {p["id"] for p in all_partners()},
                lambda userid: api.user.get(userid=userid) is not None,
            )
            result = record_decision(self.context, text, actions)
        except DecisionInvalid as exc:
            return self.invalid(exc.errors)
        except DecisionRefused as exc:
            return self.invalid([FieldError(exc.field, exc.code)])
        self.request.response.setStatus(201)
        return {
            "decision": json_compatible(result["decision"]),
            "actions": [
                {
                    "@id": a.absolute_url(),
                    "UID": a.UID(),
                    "title": a.title,
                    "assigned_partner": a.assigned_partner,
                    "due_date": json_compatible(a.due_date),
                }
                for a in result["actions"]
            ],
        }

    def invalid(self, errors) -> dict:
        return reply_coded(self, 400, "BadRequest", SUMMARY, errors)
