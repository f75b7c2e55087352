"""@@reports: the management dashboard (charts as SVG) and @@reports.pdf."""

from datetime import date
from goov import reports
from goov.browser import charts
from goov.domain.vocab import title_of
from goov.geo import wijk_name
from goov.geo import wijken
from goov.vocabularies import category_terms
from io import BytesIO
from plone.restapi.serializer.converters import json_compatible
from Products.Five.browser import BrowserView


def _date(value):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class ReportsView(BrowserView):
    def filters(self) -> dict:
        form = self.request.form
        return {
            "from": _date(form.get("from")),
            "to": _date(form.get("to")),
            "wijk": form.get("wijk") or None,
            "category": form.get("category") or None,
        }

    def wijken(self):
        return wijken()

    def categories(self):
        return category_terms()

    def _signals(self, group_by):
        f = self.filters()
        return reports.signals_report(
            group_by, f["from"], f["to"], f["wijk"], f["category"]
        )

    def totals(self) -> dict:
        return json_compatible(self._signals(["category"]))

    def trend_svg(self) -> str:
        data = self._signals(["month", "category"])
        periods = sorted({r["month"] for r in data["rows"] if r["month"]})
        terms = category_terms()
        series: dict[str, dict] = {}
        for row in data["rows"]:
            name = title_of(terms, row["category"]) or row["category"] or "?"
            series.setdefault(name, {})[row["month"]] = row["count"]
        return charts.line_chart(periods, series, "Signalen per maand per categorie")

    def map_svg(self) -> str:
        data = self._signals(["wijk"])
        counts = {wijk_name(r["wijk"]) or "-": r["count"] for r in data["rows"]}
        features = [(w.name, w.geometry) for w in wijken()]
        return charts.choropleth(features, counts, "Signalen per wijk")

    def actions_svg(self) -> str:
        rows = reports.actions_report()["rows"]
        items = [
            (
                (r["partner"] or "-").replace("partner-", ""),
                "geen" if r["on_time_rate"] is None else round(100 * r["on_time_rate"]),
            )
            for r in rows
        ]
        return charts.bar_chart(
            items, "Acties op tijd afgerond (%) per partner", fmt="{} %"
        )

    def dossiers(self) -> dict:
        f = self.filters()
        return json_compatible(reports.dossiers_report(f["from"], f["to"], f["wijk"]))

    def effect_svg(self) -> str:
        wijk = self.filters()["wijk"] or "01"
        data = reports.effect_report(wijk)
        phase = {"before": "voor", "after": "na", None: ""}
        items = [
            (f"{m['month']} ({phase[m['phase']]})", m["count"]) for m in data["months"]
        ]
        title = f"Effect in {wijk_name(wijk)}: signalen per maand voor en na activering"
        return charts.bar_chart(items[-24:], title)

    def wijk_title(self):
        return wijk_name(self.filters()["wijk"] or "01")


class ReportsPDF(ReportsView):
    """The dashboard's figures for the council, as a PDF."""

    def __call__(self):
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.platypus import Paragraph
        from reportlab.platypus import SimpleDocTemplate
        from reportlab.platypus import Spacer
        from reportlab.platypus import Table

        styles = getSampleStyleSheet()
        out = BytesIO()
        doc = SimpleDocTemplate(out, pagesize=A4, title="Managementrapportage GOOV")
        terms = category_terms()
        by_wijk = self._signals(["wijk"])
        by_category = self._signals(["category"])
        actions = reports.actions_report()["rows"]
        dossiers = self.dossiers()
        story = [
            Paragraph("Managementrapportage GOOV", styles["Title"]),
            Paragraph(f"Datum: {date.today():%d-%m-%Y}", styles["Normal"]),
            Spacer(1, 10),
            Paragraph("Signalen per wijk", styles["Heading2"]),
            Table(
                [["Wijk", "Aantal"]]
                + [
                    [wijk_name(r["wijk"]) or "-", str(r["count"])]
                    for r in by_wijk["rows"]
                ]
                + [["Totaal", str(by_wijk["total"])]]
            ),
            Paragraph("Signalen per categorie", styles["Heading2"]),
            Table(
                [["Categorie", "Aantal"]]
                + [
                    [title_of(terms, r["category"]) or "-", str(r["count"])]
                    for r in by_category["rows"]
                ]
            ),
            Paragraph("Acties per partner", styles["Heading2"]),
            Table(
                [["Partner", "Acties", "Op tijd", "Te laat", "Over tijd", "Op tijd %"]]
                + [
                    [
                        r["partner"],
                        str(r["actions"]),
                        str(r["done_on_time"]),
                        str(r["done_late"]),
                        str(r["overdue"]),
                        "-"
                        if r["on_time_rate"] is None
                        else f"{100 * r['on_time_rate']:.0f}",
                    ]
                    for r in actions
                ]
            ),
            Paragraph(
                "Doorlooptijd dossiers (intake tot afsluiting)", styles["Heading2"]
            ),
            Paragraph(
                f"{dossiers['throughput']['count']} afgesloten; mediaan "
                f"{dossiers['throughput']['median_days']} dagen, 90e percentiel "
                f"{dossiers['throughput']['p90_days']} dagen.",
                styles["Normal"],
            ),
        ]
        doc.build(story)
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader(
            "Content-Disposition", 'attachment; filename="rapportage.pdf"'
        )
        return out.getvalue()
