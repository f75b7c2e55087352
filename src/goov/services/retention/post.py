"""POST /@retention {"dry_run": true, "date": "YYYY-MM-DD", "pack": true}: carry out
the retention periods (site managers; called by goov-retention from cron).
GET /@retention?batch=: the tombstones of what retention deleted (privacy officer)."""

from datetime import date
from goov.audit.store import list_tombstones
from goov.retention import pack_database
from goov.retention import run
from goov.services.errors import InputError
from goov.services.errors import read_json
from goov.services.errors import reply_error
from goov.services.errors import require_fields
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

import time
import transaction


EARLIEST = date(1970, 1, 1)


def _flag(data: dict, name: str, default: bool) -> bool:
    value = data.get(name, default)
    if not isinstance(value, bool):
        raise InputError("Invalid input", [{"field": name, "message": "true or false"}])
    return value


def parse(data: dict) -> tuple[date, bool, bool]:
    require_fields(data, {"dry_run", "date", "pack"}, set())
    dry_run = _flag(data, "dry_run", False)
    pack = _flag(data, "pack", True)
    today = date.today()
    if data.get("date") is not None:
        try:
            today = date.fromisoformat(str(data["date"]))
        except ValueError as exc:
            raise InputError(
                "Invalid input", [{"field": "date", "message": "YYYY-MM-DD"}]
            ) from exc
        # Periods of up to 1200 months are counted back from the run's date.
        if today < EARLIEST:
            raise InputError(
                "Invalid input",
                [{"field": "date", "message": f"From {EARLIEST.isoformat()}"}],
            )
    return today, dry_run, pack


class RetentionPost(Service):
    def reply(self) -> dict:
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            today, dry_run, pack = parse(read_json(self.request))
        except InputError as exc:
            return reply_error(self, exc)
        user = api.user.get_current().getId()
        summary = run(today, dry_run, user=user, pack=pack)
        if not dry_run:
            # Commit first: the pack must not see the deleted objects as live.
            transaction.commit()
            if summary.get("pack"):
                started = time.monotonic()
                pack_database(self.context)
                summary["pack_seconds"] = round(time.monotonic() - started, 2)
        return summary


class RetentionGet(Service):
    def reply(self) -> dict:
        batch = self.request.form.get("batch") or None
        if batch is not None and not isinstance(batch, str):
            error = InputError("Invalid input", [{"field": "batch", "message": "Once"}])
            return reply_error(self, error)
        items = list_tombstones(batch)
        return {"items": items, "items_total": len(items)}
