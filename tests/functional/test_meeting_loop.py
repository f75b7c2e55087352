"""The overleg loop over HTTP: meeting -> agenda item on a dossier -> decision with
two actions for two partners -> each partner sees only its own action in
@my-actions -> overdue flagged -> minutes final, edits refused -> iCal and PDF.
Reminders go through a real SMTP sink (aiosmtpd) after commit."""

from aiosmtpd.controller import Controller
from datetime import date
from datetime import timedelta
from email import message_from_bytes
from goov.demo.data import DEMO_PASSWORD
from icalendar import Calendar
from plone import api
from test_need_to_know import create
from test_need_to_know import DOSSIER
from test_need_to_know import relative

import pytest
import requests
import socket
import transaction


MEETING = {
    "@type": "Meeting",
    "title": "Casusoverleg Centrum",
    "start": "2030-01-10T09:00:00+01:00",
    "end": "2030-01-10T11:00:00+01:00",
    "invited_partners": ["partner-politie", "partner-woningcorporatie"],
}


@pytest.fixture
def loop(portal, as_user):
    regisseur = as_user("regisseur")
    dossier = create(regisseur, "dossiers", DOSSIER)
    dpath = relative(dossier["@id"])
    for partner in ("partner-politie", "partner-woningcorporatie"):
        regisseur.post(f"{dpath}/@members", json={"principal": partner})
    meeting = create(regisseur, "overleggen", MEETING)
    mpath = relative(meeting["@id"])
    item = create(
        regisseur,
        mpath,
        {"@type": "AgendaItem", "title": "Casus 1", "dossier": dossier["UID"]},
    )
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    decision = regisseur.post(
        f"{relative(item['@id'])}/@decisions",
        json={
            "text": "Gezamenlijk huisbezoek en controle huurcontract",
            "actions": [
                {
                    "title": "Huisbezoek",
                    "assigned_partner": "partner-politie",
                    "due_date": yesterday,
                },
                {
                    "title": "Huurcontract controleren",
                    "assigned_partner": "partner-woningcorporatie",
                    "due_date": "2030-02-01",
                    "priority": "high",
                },
            ],
        },
    )
    assert decision.status_code == 201, decision.text
    return {
        "dossier": dpath,
        "meeting": mpath,
        "item": relative(item["@id"]),
        "actions": decision.json()["actions"],
    }


def test_decision_creates_actions_in_the_dossier(loop, as_user):
    regisseur = as_user("regisseur")
    titles = {a["title"] for a in loop["actions"]}
    assert titles == {"Huisbezoek", "Huurcontract controleren"}
    dossier = regisseur.get(loop["dossier"]).json()
    assert {i["title"] for i in dossier["items"]} == titles
    item = regisseur.get(loop["item"]).json()
    assert "Gezamenlijk huisbezoek" in item["decisions"]


def test_each_partner_sees_only_its_own_action(loop, as_user):
    politie = as_user("politie").get("@my-actions").json()
    woning = as_user("woning").get("@my-actions").json()
    assert [i["title"] for i in politie["items"]] == ["Huisbezoek"]
    assert [i["title"] for i in woning["items"]] == ["Huurcontract controleren"]
    assert politie["items"][0]["overdue"] is True
    assert woning["items"][0]["overdue"] is False
    assert politie["items"][0]["dossier_title"] == "Familie Jansen"
    assert {"@id", "title", "review_state", "due_date", "overdue"} <= set(
        politie["items"][0]
    )
    assert as_user("handhaver").get("@my-actions").json()["items_total"] == 0
    assert as_user(None).get("@my-actions").status_code == 401


def test_bad_decisions_change_nothing(loop, as_user):
    regisseur = as_user("regisseur")
    before = len(regisseur.get(loop["dossier"]).json()["items"])
    cases = [
        ({"actions": []}, "text"),
        (
            {
                "text": "x",
                "actions": [
                    {
                        "title": "a",
                        "assigned_partner": "partner-nope",
                        "due_date": "2030-01-01",
                    }
                ],
            },
            "actions[0].assigned_partner",
        ),
        (
            {
                "text": "x",
                "actions": [
                    {
                        "title": "a",
                        "assigned_partner": "partner-politie",
                        "due_date": "morgen",
                    }
                ],
            },
            "actions[0].due_date",
        ),
        (
            {
                "text": "x",
                "actions": [
                    {
                        "title": "ok",
                        "assigned_partner": "partner-politie",
                        "due_date": "2030-01-01",
                    },
                    {"title": ""},
                ],
            },
            "actions[1].title",
        ),
        ({"text": "x", "colour": 1}, "colour"),
    ]
    for body, field in cases:
        response = regisseur.post(f"{loop['item']}/@decisions", json=body)
        assert response.status_code == 400, response.text
        assert field in {e["field"] for e in response.json()["errors"]}
    assert len(regisseur.get(loop["dossier"]).json()["items"]) == before


@pytest.mark.parametrize("userid", ["politie", "woning", "handhaver"])
def test_only_the_chair_decides(loop, as_user, userid):
    response = as_user(userid).post(f"{loop['item']}/@decisions", json={"text": "x"})
    assert response.status_code in (401, 403, 404)


def test_finalised_minutes_are_locked_and_exported(loop, as_user, portal):
    regisseur = as_user("regisseur")
    regisseur.patch(loop["item"], json={"notes": "Gezin werkt mee."})
    assert regisseur.post(f"{loop['meeting']}/@workflow/hold").status_code == 200
    assert regisseur.post(f"{loop['meeting']}/@workflow/finalize").status_code == 200
    assert regisseur.patch(loop["item"], json={"notes": "later"}).status_code in (
        401,
        403,
    )
    assert regisseur.post(
        f"{loop['item']}/@decisions", json={"text": "x"}
    ).status_code in (401, 403)
    base = portal.absolute_url()
    pdf = requests.get(
        f"{base}/{loop['meeting']}/@@minutes.pdf",
        auth=("regisseur", DEMO_PASSWORD),
        timeout=30,
    )
    assert pdf.status_code == 200
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    ics = requests.get(
        f"{base}/{loop['meeting']}/ics_view",
        auth=("politie", DEMO_PASSWORD),
        timeout=30,
    )
    calendar = Calendar.from_ical(ics.content)
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Casusoverleg Centrum"]
    assert events[0].decoded("dtstart").year == 2030


def test_personal_calendar_and_page(loop, portal):
    base = portal.absolute_url()
    ics = requests.get(
        f"{base}/@@mijn-acties.ics", auth=("politie", DEMO_PASSWORD), timeout=30
    )
    events = list(Calendar.from_ical(ics.content).walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Deadline: Huisbezoek"]
    page = requests.get(
        f"{base}/@@mijn-acties", auth=("woning", DEMO_PASSWORD), timeout=30
    )
    assert "Huurcontract controleren" in page.text and "Huisbezoek<" not in page.text
    anonymous = requests.get(f"{base}/@@mijn-acties", allow_redirects=False, timeout=30)
    assert anonymous.status_code in (302, 401)


def test_agenda_proposal(loop, as_user, portal):
    regisseur = as_user("regisseur")
    later = create(
        regisseur,
        "overleggen",
        {
            **MEETING,
            "start": "2030-02-10T09:00:00+01:00",
            "end": "2030-02-10T11:00:00+01:00",
        },
    )
    page = requests.get(
        later["@id"], auth=("regisseur", DEMO_PASSWORD), timeout=30
    ).text
    assert "besluiten vorig overleg: 0 van 2 acties afgerond" in page
    assert "acties over tijd" in page
    # Already on the agenda of the first meeting: not proposed there.
    first = requests.get(
        f"{portal.absolute_url()}/{loop['meeting']}",
        auth=("regisseur", DEMO_PASSWORD),
        timeout=30,
    ).text
    assert (
        "goov-add-agenda" not in first
        or "Familie Jansen" not in first.split("goov-agenda-proposal")[1]
    )


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_sink(portal):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    transaction.begin()
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "goov@example.org")
    transaction.commit()
    yield sink
    controller.stop()


def test_reminders_after_commit_once_a_day(loop, smtp_sink, manager_request):
    dry = manager_request.post("@reminders", json={"dry_run": True})
    assert dry.status_code == 200, dry.text
    assert smtp_sink.messages == []
    sent = manager_request.post("@reminders", json={})
    assert sent.status_code == 200, sent.text
    recipients = {s["recipient"]: s for s in sent.json()["sent"]}
    assert recipients["politie"]["overdue"] == 1  # politie is on the roster
    assert recipients["regisseur"]["overdue"] == 1
    assert "woning" not in recipients  # due in 2030
    mails = {m.rcpt_tos[0]: message_from_bytes(m.content) for m in smtp_sink.messages}
    assert set(mails) == {"politie@goov.example.org", "regisseur@goov.example.org"}
    body = mails["politie@goov.example.org"].get_payload(decode=True).decode()
    assert (
        "Huisbezoek" in body and "Familie Jansen" not in body
    )  # no dossier titles in mail
    again = manager_request.post("@reminders", json={})
    assert again.json()["skipped"] is True
    assert len(smtp_sink.messages) == 2


def test_reminders_only_for_managers(loop, as_user):
    assert as_user("regisseur").post("@reminders", json={}).status_code in (401, 403)
    assert as_user(None).post("@reminders", json={}).status_code == 401
