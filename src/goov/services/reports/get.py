"""GET /@reports/{signals,dossiers,actions,effect}[?format=json|csv|xlsx]."""

from datetime import date
from goov import reports
from goov.domain.reports import GROUPS
from goov.services.errors import reply_coded
from goov.traversal import SubPath
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service

import csv
import io


REPORTS = ("signals", "dossiers", "actions", "effect")
FORMATS = ("json", "csv", "xlsx")


class ReportError(ValueError):
    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


def text(form, name) -> str | None:
    """One text value; a parameter given twice (a list) is an error."""
    value = form.get(name)
    if value is not None and not isinstance(value, str):
        raise ReportError(name)
    return value or None


def parse_date(form, name) -> date | None:
    value = text(form, name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ReportError(name) from exc


def tables(report: str, data: dict) -> dict[str, list[dict]]:
    """Every report as named flat tables (for CSV and XLSX)."""
    if report == "signals":
        return {"signals": [*data["rows"], {"count": data["total"], "total": "total"}]}
    if report == "actions":
        return {"actions": data["rows"]}
    if report == "effect":
        return {"effect": data["months"]}
    result = {name: data[name]["rows"] for name in ("by_state", "by_kind", "by_wijk")}
    result["opened_per_month"] = data["opened_per_month"]["rows"]
    result["closed_per_month"] = data["closed_per_month"]["rows"]
    result["throughput"] = [data["throughput"]]
    return result


class ReportsGet(SubPath, Service):
    def build(self) -> tuple[str, dict]:
        form = self.request.form
        if len(self.names) != 1 or self.names[0] not in REPORTS:
            raise ReportError("report")
        report = self.names[0]
        if form.get("format", "json") not in FORMATS:
            raise ReportError("format")
        start, end = parse_date(form, "from"), parse_date(form, "to")
        wijk, category = text(form, "wijk"), text(form, "category")
        if report == "signals":
            group_by = [g for g in (text(form, "group_by") or "wijk").split(",") if g]
            if not group_by or len(group_by) > 3 or set(group_by) - set(GROUPS):
                raise ReportError("group_by")
            data = reports.signals_report(group_by, start, end, wijk, category)
            data["filters"] = {
                "group_by": group_by,
                "from": form.get("from"),
                "to": form.get("to"),
                "wijk": form.get("wijk"),
                "category": form.get("category"),
            }
        elif report == "dossiers":
            data = reports.dossiers_report(start, end, wijk)
        elif report == "actions":
            data = reports.actions_report()
        else:
            if not wijk:
                raise ReportError("wijk")
            data = reports.effect_report(wijk)
        return report, json_compatible(data)

    def reply(self):
        try:
            _, data = self.build()
        except ReportError as exc:
            return reply_coded(
                self,
                400,
                "BadRequest",
                "invalid_filter",
                [(exc.field, "invalid_filter")],
            )
        return data

    def render(self):
        fmt = self.request.form.get("format", "json")
        if fmt not in ("csv", "xlsx"):
            return super().render()
        try:
            report, data = self.build()
        except ReportError:
            return super().render()  # reply() answers the 400
        response = self.request.response
        if fmt == "csv":
            response.setHeader("Content-Type", "text/csv; charset=utf-8")
            response.setHeader(
                "Content-Disposition", f'attachment; filename="{report}.csv"'
            )
            return to_csv(tables(report, data)).encode("utf-8")
        response.setHeader(
            "Content-Type",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{report}.xlsx"'
        )
        return to_xlsx(tables(report, data))


def columns(rows: list[dict]) -> list[str]:
    names = []
    for row in rows:
        names += [k for k in row if k not in names]
    return names


def to_csv(named: dict[str, list[dict]]) -> str:
    out = io.StringIO()
    for name, rows in named.items():
        fields = ["table", *columns(rows)]
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow({"table": name, **row})
    return out.getvalue()


def to_xlsx(named: dict[str, list[dict]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in named.items():
        sheet = book.create_sheet(name[:31])
        fields = columns(rows)
        sheet.append(fields)
        for row in rows:
            sheet.append([row.get(f) for f in fields])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
