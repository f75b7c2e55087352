"""Registrations for platform events, stored with the event (annotation).

The number of confirmed places is a plain attribute of one persistent object, so
two people racing for the last place both write it: ZODB cannot merge that, Zope
retries the loser, who then lands on the waiting list. Mails (confirmation,
promotion) go through MailHost on commit. Registrations are personal data: only
editors and site administrators read them.
"""

from BTrees.OOBTree import OOBTree
from datetime import datetime
from datetime import timezone
from email.message import EmailMessage
from goov.domain.registration import Applicant
from goov.domain.registration import first_on_waitlist
from goov.domain.registration import status_for
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations

import secrets


KEY = "goov.registrations"


class RegistrationBook(Persistent):
    def __init__(self):
        self.entries = OOBTree()  # email -> dict
        self.tokens = OOBTree()  # cancel token -> email
        self.registered = 0


def book(event, create: bool = False) -> RegistrationBook | None:
    annotations = IAnnotations(event)
    found = annotations.get(KEY)
    if found is None and create:
        found = annotations[KEY] = RegistrationBook()
    return found


def entries(event) -> list[dict]:
    found = book(event)
    return sorted(found.entries.values(), key=lambda e: e["time"]) if found else []


def register(event, applicant: Applicant) -> tuple[dict, bool]:
    """(entry, created). An active registration with the same e-mail is returned."""
    registrations = book(event, create=True)
    existing = registrations.entries.get(applicant.email)
    if existing is not None and existing["status"] != "cancelled":
        return existing, False
    status = status_for(registrations.registered, event.capacity or 0)
    if status == "registered":
        registrations.registered += 1
    entry = {
        "name": applicant.name,
        "email": applicant.email,
        "organisation": applicant.organisation,
        "remarks": applicant.remarks,
        "status": status,
        "time": datetime.now(timezone.utc),
        "token": secrets.token_urlsafe(24),
    }
    registrations.entries[applicant.email] = entry
    registrations.tokens[entry["token"]] = applicant.email
    send(event, entry, "confirmation")
    return entry, True


def cancel(event, token: str) -> dict | None:
    """Cancel by the personal token; promote the first on the waiting list."""
    registrations = book(event)
    email = registrations.tokens.get(token) if registrations else None
    if email is None:
        return None
    entry = dict(registrations.entries[email])
    if entry["status"] == "cancelled":
        return entry
    was_registered = entry["status"] == "registered"
    entry["status"] = "cancelled"
    registrations.entries[email] = entry
    if was_registered:
        registrations.registered -= 1
        promoted = first_on_waitlist(list(registrations.entries.values()))
        if promoted is not None:
            promoted = {**promoted, "status": "registered"}
            registrations.entries[promoted["email"]] = promoted
            registrations.registered += 1
            send(event, promoted, "promoted")
    return entry


SUBJECTS = {
    "confirmation": {
        "registered": "Aanmelding bevestigd: {title}",
        "waitlist": "U staat op de wachtlijst: {title}",
    },
    "promoted": {"registered": "Er is een plaats vrij: u bent aangemeld voor {title}"},
}


def send(event, entry: dict, kind: str) -> None:
    sender = api.portal.get_registry_record("plone.email_from_address", default=None)
    cancel_url = f"{event.absolute_url()}/@@cancel-registration?token={entry['token']}"
    start = getattr(event, "start", None)
    lines = [
        f"Beste {entry['name']},",
        "",
        f"{event.title}" + (f" — {start:%d-%m-%Y %H:%M}" if start else ""),
        "",
    ]
    if entry["status"] == "registered":
        lines.append("U bent aangemeld.")
        if getattr(event, "meeting_link", None):
            lines.append(f"Deelnemen via: {event.meeting_link}")
    else:
        lines += [
            "De bijeenkomst is vol; u staat op de wachtlijst.",
            "U krijgt bericht als er een plaats vrijkomt.",
        ]
    lines += ["", f"Afmelden: {cancel_url}", "", "-- Platform OOV"]
    message = EmailMessage()
    message["Subject"] = SUBJECTS[kind][entry["status"]].format(title=event.title)
    message["From"] = sender or "goov@localhost"
    message["To"] = entry["email"]
    message.set_content("\n".join(lines))
    api.portal.get_tool("MailHost").send(message, immediate=False)
