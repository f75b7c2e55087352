"""POST /@signals: the Straatsignaal intake (idempotent by client_id)."""

from datetime import datetime
from goov.domain.intake import FieldError
from goov.domain.intake import IntakeInvalid
from goov.domain.intake import validate_intake
from goov.intake import LOCAL_TZ
from goov.intake import store_signal
from goov.services.errors import reply_coded
from goov.services.signals.messages import SUMMARY
from goov.services.signals.messages import TOO_LARGE
from goov.vocabularies import category_terms
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.services import Service
from zExceptions import Forbidden
from zExceptions import Unauthorized
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

import json


MAX_BODY = 80 * 1024 * 1024  # 5 photos of 10 MB, base64-encoded, plus text


class SignalsPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        if api.user.is_anonymous():
            raise Unauthorized("Log in to report signals")
        section = self.context["signalen"]
        if not api.user.has_permission("goov: Add Signal", obj=section):
            raise Forbidden("You may not report signals")
        if int(self.request.get("CONTENT_LENGTH") or 0) > MAX_BODY:
            return reply_coded(self, 413, "RequestEntityTooLarge", TOO_LARGE)
        try:
            data = json.loads(self.request.get("BODY") or b"")
        except ValueError:
            return self.invalid([FieldError("body", "malformed_json")])
        try:
            intake = validate_intake(
                data,
                {t.token for t in category_terms()},
                datetime.now(LOCAL_TZ),
                LOCAL_TZ,
            )
        except IntakeInvalid as exc:
            return self.invalid(exc.errors)
        userid = api.user.get_current().getId()
        signal, created = store_signal(section, userid, intake, source="app")
        self.request.response.setStatus(201 if created else 200)
        self.request.response.setHeader("Location", signal.absolute_url())
        return getMultiAdapter((signal, self.request), ISerializeToJson)()

    def invalid(self, errors: list[FieldError]) -> dict:
        return reply_coded(self, 400, "BadRequest", SUMMARY, errors)
