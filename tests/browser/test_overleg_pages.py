"""The meeting page (agenda, minutes, proposal, one-click add) and 'Mijn acties'
in headless Chromium, with screenshots for the docs."""

from datetime import date
from datetime import timedelta
from goov.demo.data import DEMO_PASSWORD
from test_regie import login

import requests


def rest(portal_url, user, method, path, body=None):
    response = requests.request(
        method,
        f"{portal_url}/++api++/{path}",
        auth=(user, DEMO_PASSWORD),
        headers={"Accept": "application/json"},
        json=body,
        timeout=30,
    )
    assert response.status_code in (200, 201, 204), response.text
    return response.json() if response.content else {}


def relative(portal_url, url):
    return url[len(portal_url) + 1 :]


def test_meeting_and_my_actions(functional_portal, browser, save_screenshot):
    portal_url = functional_portal.absolute_url()
    dossiers = []
    for title in ("Bovenwoning Oude Stad", "Hotspot Delftwijk"):
        d = rest(
            portal_url,
            "regisseur",
            "POST",
            "dossiers",
            {
                "@type": "Dossier",
                "title": title,
                "kind": "address",
                "legal_basis": "wgs",
                "purpose": "Ondermijning aanpakken",
            },
        )
        rest(
            portal_url,
            "regisseur",
            "POST",
            f"{relative(portal_url, d['@id'])}/@members",
            {"principal": "partner-politie"},
        )
        dossiers.append(d)
    rest(
        portal_url,
        "regisseur",
        "POST",
        f"{relative(portal_url, dossiers[1]['@id'])}/@workflow/analyse",
    )
    meeting = rest(
        portal_url,
        "regisseur",
        "POST",
        "overleggen",
        {
            "@type": "Meeting",
            "title": "Casusoverleg Centrum",
            "start": "2030-01-10T09:30:00+01:00",
            "end": "2030-01-10T11:30:00+01:00",
            "location": "Stadhuis, kamer 2.14",
            "chair": "regisseur",
            "invited_partners": ["partner-politie", "partner-woningcorporatie"],
        },
    )
    mpath = relative(portal_url, meeting["@id"])
    item = rest(
        portal_url,
        "regisseur",
        "POST",
        mpath,
        {
            "@type": "AgendaItem",
            "title": "Bovenwoning Oude Stad",
            "dossier": dossiers[0]["UID"],
            "notes": "Politie en woningcorporatie zien dezelfde signalen.",
        },
    )
    rest(
        portal_url,
        "regisseur",
        "POST",
        f"{relative(portal_url, item['@id'])}/@decisions",
        {
            "text": "Gezamenlijk huisbezoek binnen twee weken.",
            "actions": [
                {
                    "title": "Huisbezoek met wijkagent",
                    "assigned_partner": "partner-politie",
                    "due_date": (date.today() - timedelta(days=2)).isoformat(),
                },
                {
                    "title": "Bestuurlijke rapportage",
                    "assigned_partner": "partner-politie",
                    "due_date": (date.today() + timedelta(days=10)).isoformat(),
                },
            ],
        },
    )

    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="nl-NL"
    )
    page = context.new_page()
    login(page, portal_url, "regisseur")
    page.goto(meeting["@id"])
    page.wait_for_selector("#goov-agenda-proposal li")
    assert "Hotspot Delftwijk" in page.inner_text("#goov-agenda-proposal")
    save_screenshot(page, "overleg.png")
    page.click(f'button.goov-add-agenda[data-uid="{dossiers[1]["UID"]}"]')
    page.wait_for_selector("#goov-agenda li >> text=Hotspot Delftwijk")
    context.close()

    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, locale="nl-NL"
    )
    page = context.new_page()
    login(page, portal_url, "politie")
    page.goto(f"{portal_url}/@@mijn-acties")
    rows = page.locator("#my-actions tbody tr")
    assert rows.count() == 2
    assert "over tijd" in rows.nth(0).inner_text()
    save_screenshot(page, "mijn-acties.png")
    context.close()
