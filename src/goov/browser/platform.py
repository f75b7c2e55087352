"""Platform OOV: the public agenda, the registration form and cancelling."""

from datetime import datetime
from datetime import timezone
from goov.domain.registration import RegistrationInvalid
from goov.registration_flow import attempt
from goov.registration_flow import registration_open
from goov.registration_flow import RegistrationClosed
from goov.registration_flow import TooManyAttempts
from goov.registrations import cancel
from goov.services.signals.messages import message
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.interface import alsoProvides


KINDS = {"webinar": "Webinar", "training": "Training", "workshop": "Workshop"}


class PlatformAgenda(BrowserView):
    """Upcoming and past events of the platform, filtered by kind."""

    def kind(self) -> str:
        kind = self.request.form.get("kind", "")
        return kind if kind in KINDS else ""

    def kinds(self):
        return KINDS.items()

    def _events(self, upcoming: bool):
        now = datetime.now(timezone.utc)
        query = {
            "portal_type": "Event",
            "path": "/".join(self.context.getPhysicalPath()),
            "sort_on": "start",
            "sort_order": "ascending" if upcoming else "descending",
        }
        if upcoming:
            query["end"] = {"query": now, "range": "min"}
        else:
            query["end"] = {"query": now, "range": "max"}
        result = []
        for brain in api.content.find(**query):
            event = brain.getObject()
            if self.kind() and getattr(event, "event_kind", None) != self.kind():
                continue
            result.append(
                {
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "description": brain.Description,
                    "start": event.start,
                    "kind": KINDS.get(getattr(event, "event_kind", ""), ""),
                    "open": upcoming and registration_open(event),
                }
            )
        return result

    def upcoming(self):
        return self._events(True)

    def past(self):
        return self._events(False)


class RegistrationViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/registration_viewlet.pt")

    def available(self) -> bool:
        return registration_open(self.context)

    def action(self) -> str:
        return f"{self.context.absolute_url()}/@@register"


class RegisterForm(BrowserView):
    """The HTML form's target: same rules as @register, answers with a message."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        alsoProvides(self.request, IDisableCSRFProtection)
        data = {
            k: self.request.form.get(k, "")
            for k in ("name", "email", "organisation", "remarks", "website")
        }
        try:
            entry, created = attempt(self.context, self.request, data)
            if entry is None or entry["status"] == "registered":
                code = "registered" if created else "already_registered"
            else:
                code = "waitlisted" if created else "already_registered"
            kind = "info"
        except RegistrationInvalid as exc:
            self.errors = {e.field: message(e.code, self.request) for e in exc.errors}
            code, kind = "invalid_registration", "error"
        except RegistrationClosed:
            code, kind = "registration_closed", "error"
        except TooManyAttempts:
            code, kind = "too_many_attempts", "error"
        api.portal.show_message(message(code, self.request), self.request, type=kind)
        return self.request.response.redirect(self.context.absolute_url())


class CancelRegistration(BrowserView):
    """GET shows a confirm button (mail scanners follow links); POST cancels."""

    template = ViewPageTemplateFile("templates/cancel_registration.pt")
    done = False

    def __call__(self):
        self.token = self.request.form.get("token", "")
        if self.request.method == "POST":
            alsoProvides(self.request, IDisableCSRFProtection)
            self.done = cancel(self.context, self.token) is not None
            self.failed = not self.done
        return self.template()
