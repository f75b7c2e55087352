"""POST /@reminders {"days": 3, "dry_run": false, "force": false, "date": "YYYY-MM-DD"}:
the daily digest run (site managers; called by goov-reminders from cron)."""

from datetime import date
from datetime import timedelta
from goov.reminders import run
from goov.services.errors import InputError
from goov.services.errors import read_json
from goov.services.errors import reply_error
from goov.services.errors import require_fields
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


MAX_DAYS = 60
# The run looks `days` ahead: the last date leaves room for that.
LATEST = date.max - timedelta(days=MAX_DAYS)


def _invalid(field: str, message: str) -> InputError:
    return InputError("Invalid input", [{"field": field, "message": message}])


def _flag(data: dict, name: str) -> bool:
    value = data.get(name, False)
    if not isinstance(value, bool):
        raise _invalid(name, "true or false")
    return value


def parse(data: dict) -> tuple[date, int, bool, bool]:
    """(date, days, dry_run, force); InputError naming the field on bad input."""
    require_fields(data, {"days", "dry_run", "force", "date"}, set())
    days = data.get("days", 3)
    # bool is an int in Python; a JSON float such as 1e400 is inf: both refused.
    if isinstance(days, bool) or not isinstance(days, int):
        raise _invalid("days", f"An integer from 0 to {MAX_DAYS}")
    if not 0 <= days <= MAX_DAYS:
        raise _invalid("days", f"An integer from 0 to {MAX_DAYS}")
    today = date.today()
    if data.get("date") is not None:
        value = data["date"]
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            today = date.fromisoformat(value)
        except ValueError as exc:
            raise _invalid("date", "YYYY-MM-DD") from exc
        if today > LATEST:
            raise _invalid("date", f"At most {LATEST.isoformat()}")
    return today, days, _flag(data, "dry_run"), _flag(data, "force")


class RemindersPost(Service):
    def reply(self) -> dict:
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = read_json(self.request)
            today, days, dry_run, force = parse(data)
        except InputError as exc:
            return reply_error(self, exc)
        return run(today, days, dry_run, force)
