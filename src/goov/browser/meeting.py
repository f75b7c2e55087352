"""The meeting page (agenda, minutes, decisions, proposal) and the minutes PDF."""

from goov.agenda import agenda_proposal
from goov.browser.states import state_title
from goov.content.agenda_item import IAgendaItem
from goov.domain.meeting import LOCKED_STATES
from io import BytesIO
from plone import api
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


def partner_titles(context, tokens) -> list[str]:
    vocabulary = getUtility(IVocabularyFactory, "goov.partners")(context)
    titles = []
    for token in tokens or ():
        try:
            titles.append(vocabulary.getTerm(token).title)
        except LookupError:
            titles.append(token)
    return titles


def agenda(meeting) -> list[dict]:
    """Agenda items in order, with minutes only where the viewer may read them."""
    items = []
    for item in meeting.objectValues():
        if not IAgendaItem.providedBy(item):
            continue
        if not api.user.has_permission("View", obj=item):
            continue
        minutes = api.user.has_permission("goov: View minutes", obj=item)
        items.append(
            {
                "title": item.title,
                "url": item.absolute_url(),
                "uid": item.UID(),
                "notes": item.notes if minutes else None,
                "decisions": item.decisions if minutes else None,
                "minutes": minutes,
            }
        )
    return items


class MeetingView(BrowserView):
    def state(self) -> str:
        return api.content.get_state(self.context)

    def state_title(self) -> str:
        return state_title(self.state(), "Meeting")

    def invited(self) -> list[str]:
        return partner_titles(self.context, self.context.invited_partners)

    def agenda(self) -> list[dict]:
        return agenda(self.context)

    def can_manage(self) -> bool:
        return api.user.has_permission("goov: Manage Meeting", obj=self.context)

    def proposal(self) -> list[dict]:
        return agenda_proposal(self.context) if self.can_manage() else []

    def final(self) -> bool:
        return self.state() in LOCKED_STATES


class MinutesPDF(BrowserView):
    """The final minutes for the archive, as the viewer may see them."""

    def __call__(self):
        if api.content.get_state(self.context) not in LOCKED_STATES:
            raise NotFound("The minutes are not final yet")
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.platypus import Paragraph
        from reportlab.platypus import SimpleDocTemplate
        from reportlab.platypus import Spacer
        from xml.sax.saxutils import escape

        meeting = self.context
        styles = getSampleStyleSheet()
        out = BytesIO()
        doc = SimpleDocTemplate(out, pagesize=A4, title=f"Verslag {meeting.title}")
        start = getattr(meeting, "start", None)
        story = [
            Paragraph(escape(f"Verslag: {meeting.title}"), styles["Title"]),
            Paragraph(
                escape(
                    " · ".join(
                        p
                        for p in (
                            start.strftime("%d-%m-%Y %H:%M") if start else "",
                            getattr(meeting, "location", "") or "",
                            f"voorzitter {meeting.chair}" if meeting.chair else "",
                        )
                        if p
                    )
                ),
                styles["Normal"],
            ),
            Paragraph(
                escape(
                    "Uitgenodigd: "
                    + ", ".join(partner_titles(meeting, meeting.invited_partners))
                ),
                styles["Normal"],
            ),
            Spacer(1, 12),
        ]
        for number, item in enumerate(agenda(meeting), start=1):
            story.append(
                Paragraph(escape(f"{number}. {item['title']}"), styles["Heading2"])
            )
            if not item["minutes"]:
                story.append(
                    Paragraph("(verslag alleen voor het dossierteam)", styles["Italic"])
                )
                continue
            for label, text in (
                ("Verslag", item["notes"]),
                ("Besluiten", item["decisions"]),
            ):
                if text:
                    story.append(Paragraph(f"<b>{label}</b>", styles["Normal"]))
                    for line in text.splitlines():
                        story.append(Paragraph(escape(line), styles["Normal"]))
        doc.build(story)
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="verslag-{meeting.getId()}.pdf"',
        )
        response.setHeader("Cache-Control", "private, no-store")
        return out.getvalue()
