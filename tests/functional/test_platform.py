"""Platform OOV over HTTP: editors publish, anonymous visitors see only the
platform and register; capacity, waiting list, promotion, duplicates, closed
registration, spam protection and e-mails through a real SMTP sink."""

from email import message_from_bytes
from goov.demo.data import DEMO_PASSWORD
from goov.domain.registration import RateLimiter
from plone import api
from test_meeting_loop import smtp_sink  # noqa: F401 - fixture
from test_need_to_know import relative

import csv
import io
import pytest
import re
import requests
import transaction


EVENT = {
    "@type": "Event",
    "title": "Webinar ondermijning in de wijk",
    "start": "2030-03-01T14:00:00+01:00",
    "end": "2030-03-01T15:30:00+01:00",
    "event_kind": "webinar",
    "capacity": 2,
    "registration_open": True,
    "audience": "professionals",
    "meeting_link": "https://meet.example.org/geheim-123",
}


@pytest.fixture(autouse=True)
def mail(smtp_sink):  # noqa: F811 - every registration sends mail on commit
    return smtp_sink


@pytest.fixture(autouse=True)
def fresh_limiter(monkeypatch):
    from goov import registration_flow

    monkeypatch.setattr(
        registration_flow, "LIMITER", RateLimiter(limit=1000, window=600)
    )


@pytest.fixture
def event(portal, as_user):
    redacteur = as_user("redacteur")
    response = redacteur.post("platform", json=EVENT)
    assert response.status_code == 201, response.text
    path = relative(response.json()["@id"])
    assert redacteur.post(f"{path}/@workflow/publish").status_code == 200
    return path


def person(n, **extra):
    return {"name": f"Deelnemer {n}", "email": f"deelnemer{n}@example.org", **extra}


def test_editor_publishes_and_anonymous_sees_only_platform(event, as_user):
    anon = as_user(None)
    body = anon.get(event).json()
    assert body["title"] == EVENT["title"]
    assert "meeting_link" not in body or not body["meeting_link"]  # never public
    assert "geheim-123" not in anon.get(event).text
    assert anon.get("platform").status_code == 200
    for section in ("signalen", "dossiers", "overleggen"):
        assert anon.get(section).status_code in (401, 404)


def test_global_editor_can_publish_but_not_see_cases(portal, as_user, commit):
    transaction.begin()
    api.user.create(email="ed@example.org", username="editor2", password=DEMO_PASSWORD)
    api.user.grant_roles(username="editor2", roles=["Editor"])
    commit()
    editor = as_user("editor2")
    created = editor.post("platform", json={**EVENT, "title": "Training"})
    assert created.status_code == 201, created.text
    assert (
        editor.post(f"{relative(created.json()['@id'])}/@workflow/publish").status_code
        == 200
    )
    assert editor.post(
        "dossiers", json={"@type": "Dossier", "title": "x"}
    ).status_code in (401, 403)
    assert (
        editor.get("@search", params={"portal_type": "Signal"}).json()["items_total"]
        == 0
    )


def test_editors_cannot_add_case_content(event, as_user):
    assert as_user("redacteur").post(
        "signalen", json={"@type": "Signal"}
    ).status_code in (401, 403)


def test_capacity_waitlist_promotion_and_mails(event, as_user, smtp_sink, portal):  # noqa: F811
    anon = as_user(None)
    assert anon.post(f"{event}/@register", json=person(1)).json() == {
        "status": "registered"
    }
    assert anon.post(f"{event}/@register", json=person(2)).json() == {
        "status": "registered"
    }
    third = anon.post(f"{event}/@register", json=person(3))
    assert third.status_code == 201
    assert third.json() == {"status": "waitlist", "waitlist": True}
    mails = {m.rcpt_tos[0]: message_from_bytes(m.content) for m in smtp_sink.messages}
    assert set(mails) == {f"deelnemer{n}@example.org" for n in (1, 2, 3)}
    first_body = mails["deelnemer1@example.org"].get_payload(decode=True).decode()
    assert "geheim-123" in first_body  # the link goes to registrants only
    waiting_body = mails["deelnemer3@example.org"].get_payload(decode=True).decode()
    assert "geheim-123" not in waiting_body and "wachtlijst" in waiting_body
    token = re.search(r"token=([\w-]+)", first_body).group(1)

    base = portal.absolute_url()
    confirm = requests.get(
        f"{base}/{event}/@@cancel-registration?token={token}", timeout=30
    )
    assert confirm.status_code == 200 and "Afmelden" in confirm.text
    registrations = as_user("redacteur").get(f"{event}/@registrations").json()
    assert registrations["registered"] == 2  # a GET changes nothing
    done = requests.post(
        f"{base}/{event}/@@cancel-registration", data={"token": token}, timeout=30
    )
    assert "afgemeld" in done.text
    registrations = as_user("redacteur").get(f"{event}/@registrations").json()
    statuses = {i["email"]: i["status"] for i in registrations["items"]}
    assert statuses == {
        "deelnemer1@example.org": "cancelled",
        "deelnemer2@example.org": "registered",
        "deelnemer3@example.org": "registered",
    }
    promoted = [
        message_from_bytes(m.content)
        for m in smtp_sink.messages
        if m.rcpt_tos == ["deelnemer3@example.org"]
    ]
    assert len(promoted) == 2
    assert "geheim-123" in promoted[1].get_payload(decode=True).decode()


def test_duplicates_never_take_a_second_place(event, as_user):
    anon = as_user(None)
    anon.post(f"{event}/@register", json=person(1))
    again = anon.post(
        f"{event}/@register", json=person(1, email="DEELNEMER1@example.org ")
    )
    assert again.status_code == 409, again.text
    assert again.json()["status"] == "registered"
    assert (
        as_user("redacteur").get(f"{event}/@registrations").json()["items_total"] == 1
    )


@pytest.mark.parametrize(
    "body,field",
    [
        ({"email": "a@example.org"}, "name"),
        ({"name": "A"}, "email"),
        ({"name": "A", "email": "geen-adres"}, "email"),
        ({"name": "A" * 201, "email": "a@example.org"}, "name"),
        ({"name": "A", "email": "a@example.org", "phone": "1"}, "phone"),
        ({"name": ["A"], "email": "a@example.org"}, "name"),
    ],
)
def test_bad_input(event, as_user, body, field):
    response = as_user(None).post(f"{event}/@register", json=body)
    assert response.status_code == 400
    assert field in {e["field"] for e in response.json()["errors"]}
    assert (
        as_user("redacteur").get(f"{event}/@registrations").json()["items_total"] == 0
    )


def test_closed_registration(event, as_user):
    as_user("redacteur").patch(event, json={"registration_open": False})
    response = as_user(None).post(f"{event}/@register", json=person(1))
    assert response.status_code == 409
    assert response.json()["message"]
    as_user("redacteur").patch(
        event,
        json={"registration_open": True, "registration_closes": "2020-01-01T00:00:00"},
    )
    assert as_user(None).post(f"{event}/@register", json=person(1)).status_code == 409


def test_honeypot_stores_nothing(event, as_user):
    response = as_user(None).post(
        f"{event}/@register", json=person(1, website="http://spam.example")
    )
    assert response.status_code == 201
    assert (
        as_user("redacteur").get(f"{event}/@registrations").json()["items_total"] == 0
    )


def test_rate_limit(event, as_user, monkeypatch):
    from goov import registration_flow

    monkeypatch.setattr(registration_flow, "LIMITER", RateLimiter(limit=2, window=600))
    anon = as_user(None)
    assert anon.post(f"{event}/@register", json=person(1)).status_code == 201
    assert anon.post(f"{event}/@register", json=person(2)).status_code == 201
    assert anon.post(f"{event}/@register", json=person(3)).status_code == 429


@pytest.mark.parametrize("userid", [None, "politie", "regisseur", "analist"])
def test_registrations_only_for_editors(event, as_user, userid):
    as_user(None).post(f"{event}/@register", json=person(1))
    assert as_user(userid).get(f"{event}/@registrations").status_code in (401, 403)


def test_csv_export(event, as_user, portal):
    as_user(None).post(f"{event}/@register", json=person(1, organisation="Gemeente"))
    response = requests.get(
        f"{portal.absolute_url()}/++api++/{event}/@registrations?format=csv",
        auth=("redacteur", DEMO_PASSWORD),
        timeout=30,
    )
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows[0]["email"] == "deelnemer1@example.org"
    assert rows[0]["organisation"] == "Gemeente"


def test_html_form_and_listing(event, portal):
    base = portal.absolute_url()
    page = requests.get(f"{base}/{event}", timeout=30)
    assert 'id="goov-registration"' in page.text
    assert "geheim-123" not in page.text
    posted = requests.post(
        f"{base}/{event}/@@register",
        data={"name": "Via formulier", "email": "form@example.org"},
        timeout=30,
    )
    assert posted.status_code == 200
    assert "aangemeld" in posted.text
    listing = requests.get(f"{base}/platform", timeout=30)
    assert EVENT["title"] in listing.text
    ics = requests.get(f"{base}/{event}/ics_view", timeout=30)
    assert b"BEGIN:VEVENT" in ics.content and b"geheim-123" not in ics.content
