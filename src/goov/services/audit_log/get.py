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


FILTERS = ("object", "user", "action", "from", "to")


def parse_filters(form) -> tuple[dict, int, int]:
    """Filters, batch start and size; ValueError(<field>) on bad input."""
    filters = {k: (form.get(k) or "").strip() or None for k in FILTERS}
    if filters["action"] and filters["action"] not in ACTIONS:
        raise ValueError("action")
    for name in ("from", "to"):
        if filters[name]:
            try:
                date.fromisoformat(filters[name][:10])
            except ValueError as exc:
                raise ValueError(name) from exc
    try:
        start = int(form.get("b_start", 0))
        size = int(form.get("b_size", 50))
    except ValueError as exc:
        raise ValueError("b_size") from exc
    if start < 0 or not 0 < size <= MAX_BATCH:
        raise ValueError("b_size")
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
