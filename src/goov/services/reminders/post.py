"""POST /@reminders {"days": 3, "dry_run": false, "force": false, "date": "YYYY-MM-DD"}:
the daily digest run (site managers; called by goov-reminders from cron)."""

from datetime import date
from goov.reminders import run
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides


class RemindersPost(Service):
    def reply(self) -> dict:
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_body(self.request)
        try:
            days = int(data.get("days", 3))
            today = (
                date.fromisoformat(data["date"]) if data.get("date") else date.today()
            )
        except (TypeError, ValueError) as exc:
            raise BadRequest(f"days or date: {exc}") from exc
        if not 0 <= days <= 60:
            raise BadRequest("days: 0-60")
        return run(today, days, bool(data.get("dry_run")), bool(data.get("force")))
