"""GET {event}/@registrations[?format=csv]: registrations and waiting list (editors)."""

from goov.registrations import entries
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service

import csv
import io


COLUMNS = ("name", "email", "organisation", "remarks", "status", "time")


class RegistrationsGet(Service):
    def render(self):
        if self.request.form.get("format") != "csv":
            return super().render()
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for entry in entries(self.context):
            writer.writerow(
                {k: entry[k] for k in COLUMNS} | {"time": entry["time"].isoformat()}
            )
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="aanmeldingen-{self.context.getId()}.csv"',
        )
        return out.getvalue().encode("utf-8")

    def reply(self):
        items = [{k: e[k] for k in COLUMNS} for e in entries(self.context)]
        return {
            "items": json_compatible(items),
            "items_total": len(items),
            "registered": sum(1 for i in items if i["status"] == "registered"),
            "waitlist": sum(1 for i in items if i["status"] == "waitlist"),
            "capacity": self.context.capacity,
        }
