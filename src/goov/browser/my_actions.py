"""@@mijn-acties (a page) and @@mijn-acties.ics (a personal calendar of due dates)."""

from datetime import datetime
from datetime import timezone
from goov.browser.states import state_title
from goov.my_actions import my_actions
from icalendar import Calendar
from icalendar import Event
from plone import api
from Products.Five.browser import BrowserView


class MyActionsView(BrowserView):
    def actions(self) -> list[dict]:
        return my_actions(api.user.get_current())

    def state_title(self, state):
        return state_title(state, "Action")


class MyActionsCalendar(BrowserView):
    """All-day events on the due dates of my partner's open actions."""

    def __call__(self):
        calendar = Calendar()
        calendar.add("prodid", "-//GOOV//Mijn acties//NL")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", "GOOV: mijn acties")
        stamp = datetime.now(timezone.utc)
        for action in my_actions(api.user.get_current(), ["open", "in_progress"]):
            event = Event()
            event.add("uid", f"{action['UID']}@goov")
            event.add("dtstamp", stamp)
            event.add("dtstart", action["due_date"])
            event.add("summary", f"Deadline: {action['title']}")
            event.add("url", action["@id"])
            calendar.add_component(event)
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader(
            "Content-Disposition", 'attachment; filename="mijn-acties.ics"'
        )
        response.setHeader("Cache-Control", "private, no-store")
        return calendar.to_ical()
