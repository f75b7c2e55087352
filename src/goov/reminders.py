"""Daily reminder digests, sent through Plone's MailHost after the transaction commits.

MailHost delivers on commit (zope.sendmail's transaction-aware delivery): when the
run fails or is retried after a conflict, the aborted attempt sends nothing. A run
records its date, so a second run on the same day sends nothing unless forced.
Mails name actions and link to them; they never carry dossier titles or case text.
"""

from Acquisition import aq_parent
from datetime import date
from datetime import timedelta
from email.message import EmailMessage
from goov.domain.reminders import ActionFacts
from goov.domain.reminders import Digest
from goov.domain.reminders import digests
from goov.workspace.roster import roster_group_ids
from plone import api
from zope.annotation.interfaces import IAnnotations


LAST_RUN = "goov.reminders.last_run"


def _members_of(group_id: str) -> list:
    try:
        return api.user.get_users(groupname=group_id)
    except api.exc.GroupNotFoundError:
        return []


def workers(action) -> frozenset:
    """The assignee, else members of the assigned partner who are on the roster."""
    if action.assignee and api.user.get(userid=action.assignee) is not None:
        return frozenset({action.assignee})
    roster = roster_group_ids(aq_parent(action).UID())
    return frozenset(
        user.getId()
        for user in _members_of(action.assigned_partner)
        if roster & set(user.getGroups())
    )


def collect(today: date, days_ahead: int) -> dict[str, Digest]:
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Action",
        review_state=["open", "in_progress"],
        due_date={"query": today + timedelta(days=days_ahead), "range": "max"},
    )
    facts = []
    for brain in brains:
        action = brain._unrestrictedGetObject()
        facts.append(
            ActionFacts(
                uid=brain.UID,
                title=brain.Title,
                url=brain.getURL(),
                due_date=action.due_date,
                state=brain.review_state,
                workers=workers(action),
            )
        )
    regisseurs = {
        u.getId() for u in api.user.get_users() if "Regisseur" in u.getRoles()
    }
    return digests(facts, regisseurs, today, days_ahead)


def compose(
    digest: Digest, sender: str, recipient_email: str, site_url: str
) -> EmailMessage:
    lines = ["Goedemorgen,", "", "Deze acties in GOOV vragen uw aandacht:", ""]
    if digest.overdue:
        lines.append("Over tijd:")
        lines += [
            f"- {a.title} (deadline {a.due_date:%d-%m-%Y}): {a.url}"
            for a in digest.overdue
        ]
        lines.append("")
    if digest.due_soon:
        lines.append("Binnenkort:")
        lines += [
            f"- {a.title} (deadline {a.due_date:%d-%m-%Y}): {a.url}"
            for a in digest.due_soon
        ]
        lines.append("")
    lines += [f"Al uw acties: {site_url}/@@mijn-acties", "", "-- GOOV"]
    message = EmailMessage()
    count = len(digest.overdue) + len(digest.due_soon)
    message["Subject"] = f"GOOV: {count} actie(s) vragen uw aandacht"
    message["From"] = sender
    message["To"] = recipient_email
    message.set_content("\n".join(lines))
    return message


def run(
    today: date, days_ahead: int = 3, dry_run: bool = False, force: bool = False
) -> dict:
    portal = api.portal.get()
    annotations = IAnnotations(portal)
    if annotations.get(LAST_RUN) == today.isoformat() and not force and not dry_run:
        return {"date": today.isoformat(), "skipped": True, "sent": []}
    sender = api.portal.get_registry_record("plone.email_from_address", default=None)
    sender = sender or "goov@localhost"
    mailhost = api.portal.get_tool("MailHost")
    sent = []
    for userid, digest in sorted(collect(today, days_ahead).items()):
        user = api.user.get(userid=userid)
        email = user.getProperty("email") if user else None
        if not email:
            continue
        if not dry_run:
            message = compose(digest, sender, email, portal.absolute_url())
            mailhost.send(message, immediate=False)  # delivered on commit
        sent.append(
            {
                "recipient": userid,
                "overdue": len(digest.overdue),
                "due_soon": len(digest.due_soon),
            }
        )
    if not dry_run:
        annotations[LAST_RUN] = today.isoformat()
    return {
        "date": today.isoformat(),
        "skipped": False,
        "dry_run": dry_run,
        "sent": sent,
    }
