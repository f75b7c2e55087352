"""GET /@access-request?name=&birthdate=[&format=zip|pdf] (privacy officer).

Every signal, dossier, action and agenda item that names the person, with what it
holds about them and who accessed it (from the audit log). The request itself and
each record handed out are written to the audit log (action `export`)."""

from datetime import datetime
from datetime import timezone
from goov.access_request import log_access_request
from goov.access_request import search
from goov.domain.access_request import parse
from goov.domain.access_request import RequestError
from goov.services.errors import InputError
from goov.services.errors import reply_error
from plone import api
from plone.restapi.services import Service

import io
import json
import zipfile


FORMATS = ("json", "zip", "pdf")


def item_lines(item: dict) -> list[str]:
    lines = [
        f"Aangemaakt: {item['created']}",
        f"Gevonden in: {', '.join(item['matched_by'])}",
    ]
    for person in item["persons"]:
        lines.append(f"Persoon: {json.dumps(person, ensure_ascii=False)}")
    for field, excerpts in item["excerpts"].items():
        lines += [f"{field}: …{e}…" for e in excerpts]
    lines.append(f"Ingezien of gewijzigd door ({len(item['accessed_by'])}):")
    for access in item["accessed_by"]:
        who = f"{access['user'] or '-'} ({access['partner'] or '-'})"
        lines.append(f"  {access['time'][:19]} {who} {access['action']}")
    return lines


def pdf_report(report: dict) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph
    from reportlab.platypus import SimpleDocTemplate
    from reportlab.platypus import Spacer
    from xml.sax.saxutils import escape

    styles = getSampleStyleSheet()
    out = io.BytesIO()
    flow = [
        Paragraph("Inzageverzoek (AVG art. 15)", styles["Title"]),
        Paragraph(
            escape(
                f"Betrokkene: {report['name']}"
                + (f", geboren {report['birthdate']}" if report["birthdate"] else "")
                + f". Opgesteld {report['generated']} door {report['requested_by']}."
                + f" Gevonden: {report['items_total']} records."
            ),
            styles["Normal"],
        ),
        Spacer(0, 12),
    ]
    for item in report["items"]:
        flow.append(
            Paragraph(
                escape(f"{item['type']} · {item['title']} · {item['review_state']}"),
                styles["Heading3"],
            )
        )
        lines = item_lines(item)
        flow += [Paragraph(escape(line), styles["Normal"]) for line in lines]
        flow.append(Spacer(0, 8))
    SimpleDocTemplate(out, pagesize=A4, title="Inzageverzoek").build(flow)
    return out.getvalue()


class AccessRequestGet(Service):
    def report(self) -> dict:
        form = self.request.form
        fmt = form.get("format") or "json"
        if fmt not in FORMATS:
            raise InputError(
                "Invalid input", [{"field": "format", "message": "json, zip or pdf"}]
            )
        for name in ("name", "birthdate"):
            if not isinstance(form.get(name) or "", str):
                raise InputError(
                    "Invalid input", [{"field": name, "message": "Give it once"}]
                )
        try:
            subject = parse(form.get("name"), form.get("birthdate"))
        except RequestError as exc:
            raise InputError(
                "Invalid input", [{"field": exc.field, "message": exc.message}]
            ) from exc
        items = search(subject)
        user = api.user.get_current().getId()
        log_access_request(user, items)
        return {
            "name": subject.name,
            "birthdate": subject.birthdate,
            "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "requested_by": user,
            "items": items,
            "items_total": len(items),
        }

    def reply(self):
        try:
            return self.report()
        except InputError as exc:
            return reply_error(self, exc)

    def render(self):
        fmt = self.request.form.get("format") or "json"
        if fmt == "json":
            return super().render()
        try:
            report = self.report()
        except InputError as exc:
            self.request.response.setHeader("Content-Type", "application/json")
            return json.dumps(reply_error(self, exc))
        pdf = pdf_report(report)
        response = self.request.response
        stamp = report["generated"][:10]
        if fmt == "pdf":
            response.setHeader("Content-Type", "application/pdf")
            response.setHeader(
                "Content-Disposition", f'attachment; filename="inzage-{stamp}.pdf"'
            )
            return pdf
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(
                "inzage.json", json.dumps(report, ensure_ascii=False, indent=2)
            )
            archive.writestr("inzage.pdf", pdf)
        response.setHeader("Content-Type", "application/zip")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="inzage-{stamp}.zip"'
        )
        return out.getvalue()
