"""The Straatsignaal app in headless Chromium: log in, report with a photo and a
(faked) GPS position, go offline, queue a second report, come back online and see
it arrive exactly once."""

from goov.demo.data import DEMO_PASSWORD
from io import BytesIO
from PIL import Image

import requests


def jpeg_file(tmp_path):
    path = tmp_path / "straat.jpg"
    out = BytesIO()
    Image.new("RGB", (64, 48), (120, 160, 200)).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def api_get(portal_url, path, user):
    return requests.get(
        f"{portal_url}/++api++/{path}",
        auth=(user, DEMO_PASSWORD),
        headers={"Accept": "application/json"},
        timeout=30,
    ).json()


def fill_report(page, category, text):
    page.select_option("#report select[name=category]", category)
    page.fill("#report textarea[name=description]", text)


def test_report_online_and_offline(
    functional_portal, browser, tmp_path, save_screenshot
):
    portal_url = functional_portal.absolute_url()
    context = browser.new_context(
        viewport={"width": 360, "height": 800},
        geolocation={"latitude": 52.383121, "longitude": 4.63736},
        permissions=["geolocation"],
        locale="nl-NL",
    )
    page = context.new_page()
    page.goto(f"{portal_url}/@@straatsignaal")
    page.fill("#login input[name=login]", "politie")
    page.fill("#login input[name=password]", DEMO_PASSWORD)
    page.click("#login button[type=submit]")
    page.wait_for_selector("#report", state="visible")
    page.wait_for_function(
        "document.querySelector('#position').textContent.startsWith('52.38')"
    )

    fill_report(page, "drugs", "Hennepgeur bij de achterdeur")
    page.set_input_files("#report input[name=photos]", str(jpeg_file(tmp_path)))
    page.click("#report button[type=submit]")
    page.wait_for_selector("#queue li.sent", timeout=20000)

    context.set_offline(True)
    fill_report(page, "woonoverlast", "Ruzie en geluidsoverlast, buren klagen")
    page.click("#report button[type=submit]")
    queued = page.wait_for_selector("#queue li.queued", timeout=10000)
    assert "in wachtrij" in queued.inner_text()
    assert page.is_visible("#offline")

    context.set_offline(False)
    page.wait_for_function(
        "document.querySelectorAll('#queue li.sent').length === 2", timeout=40000
    )
    page.wait_for_selector("#mine li.item >> nth=1", timeout=20000)
    save_screenshot(page, "straatsignaal.png")

    mine = api_get(portal_url, "@signals?mine=1", "politie")
    assert mine["items_total"] == 2
    assert {i["category"] for i in mine["items"]} == {"drugs", "woonoverlast"}
    first = next(i for i in mine["items"] if i["category"] == "drugs")
    signal = api_get(portal_url, first["@id"].split("/plone/", 1)[1], "politie")
    assert len(signal["photos"]) == 1
    assert signal["wijk"]["title"] == "Oude Stad"
    assert (
        signal["location"] if "location" in signal else signal["latitude"] == 52.383121
    )
    context.close()
