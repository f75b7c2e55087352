"""GET /@audit-log?object=&user=&from=&to=&action=[&format=csv] (privacy officer)."""

from datetime import date
from goov.audit.store import query
from goov.domain.audit import ACTIONS
from goov.domain.audit import FIELDS
from goov.services.errors import reply_coded
from plone.restapi.services import Service

import csv
import io


COLUMNS = FIELDS  # one record, one column list: the hash covers exactly these
MAX_BATCH = 1000
MAX_START = 2**62  # SQL OFFSET is a 64-bit integer


FILTERS = ("object", "user", "action", "from", "to")


def _int(form, name: str, default: int, low: int, high: int) -> int:
    try:
        value = int(form.get(name, default))
    except ValueError as exc:
        raise ValueError(name) from exc
    if not low <= value <= high:
        raise ValueError(name)
    return value


def parse_filters(form) -> tuple[dict, int, int]:
    """Filters, batch start and size; ValueError(<field>) on bad input."""
    for name in (*FILTERS, "b_start", "b_size"):
        if not isinstance(form.get(name) or "", str):
            raise ValueError(name)  # given twice: a list
    filters = {k: (form.get(k) or "").strip() or None for k in FILTERS}
    if filters["action"] and filters["action"] not in ACTIONS:
        raise ValueError("action")
    for name in ("from", "to"):
        if filters[name]:
            try:
                date.fromisoformat(filters[name][:10])
            except ValueError as exc:
                raise ValueError(name) from exc
    start = _int(form, "b_start", 0, 0, MAX_START)
    size = _int(form, "b_size", 50, 1, MAX_BATCH)
    return filters, start, size


class AuditLogGet(Service):
    def filters(self) -> tuple[dict, int, int]:
        return parse_filters(self.request.form)

    def reply(self):
        try:
            filters, start, size = self.filters()
        except ValueError as exc:
            return reply_coded(
                self,
                400,
                "BadRequest",
                "invalid_filter",
                [(str(exc), "invalid_filter")],
            )
        items, total = query(filters, start, size)
        return {
            "items": [{k: item[k] for k in COLUMNS} for item in items],
            "items_total": total,
        }

    def render(self):
        if self.request.form.get("format") != "csv":
            return super().render()
        try:
            filters, _, _ = self.filters()
        except ValueError:
            return super().render()
        items, _ = query(filters, 0, 1_000_000)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(items)
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", 'attachment; filename="audit-log.csv"'
        )
        return out.getvalue().encode("utf-8")
