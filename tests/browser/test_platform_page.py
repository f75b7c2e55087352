"""An event page of Platform OOV with its registration form, as an anonymous visitor."""

from goov.demo.data import DEMO_PASSWORD
from goov.domain.registration import RateLimiter

import requests


def test_register_through_the_form(
    functional_portal, browser, save_screenshot, monkeypatch
):
    from goov import registration_flow

    monkeypatch.setattr(
        registration_flow, "LIMITER", RateLimiter(limit=100, window=600)
    )
    base = functional_portal.absolute_url()
    auth = ("redacteur", DEMO_PASSWORD)
    headers = {"Accept": "application/json"}
    event = requests.post(
        f"{base}/++api++/platform",
        auth=auth,
        headers=headers,
        json={
            "@type": "Event",
            "title": "Workshop: samen signalen duiden",
            "description": "Een praktische workshop voor professionals in de wijk.",
            "start": "2030-04-02T13:00:00+02:00",
            "end": "2030-04-02T16:00:00+02:00",
            "location": "Stadhuis Haarlem",
            "event_kind": "workshop",
            "capacity": 0,
            "registration_open": True,
        },
        timeout=30,
    ).json()
    requests.post(
        f"{event['@id']}/@workflow/publish", auth=auth, headers=headers, timeout=30
    )
    # No SMTP in this test: deliver nothing, but still register.
    monkeypatch.setattr("goov.registrations.send", lambda *a, **k: None)

    context = browser.new_context(
        viewport={"width": 1280, "height": 1000}, locale="nl-NL"
    )
    page = context.new_page()
    page.goto(event["@id"])
    page.wait_for_selector("#goov-registration form")
    page.fill("#reg-name", "Fatima Bakker")
    page.fill("#reg-email", "fatima@example.org")
    page.fill("#reg-org", "Sociaal wijkteam")
    save_screenshot(page, "platform.png")
    page.click("#goov-registration button[type=submit]")
    page.wait_for_selector(".portalMessage, .alert")
    assert "aangemeld" in page.content()
    registrations = requests.get(
        f"{event['@id']}/@registrations", auth=auth, headers=headers, timeout=30
    ).json()
    assert [i["email"] for i in registrations["items"]] == ["fatima@example.org"]
    context.close()
