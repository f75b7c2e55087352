"""The regie workbench in headless Chromium: select two signals, create a dossier
from them and find them on the dossier page. Works without map tiles."""

from goov.demo.data import DEMO_PASSWORD
from plone import api

import requests
import transaction
import uuid


def report(portal_url, lat, lon, category="drugs"):
    response = requests.post(
        f"{portal_url}/++api++/@signals",
        auth=("politie", DEMO_PASSWORD),
        headers={"Accept": "application/json"},
        json={
            "client_id": str(uuid.uuid4()),
            "category": category,
            "description": "Hennepgeur",
            "location": {"lat": lat, "lon": lon},
        },
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return response.json()


def login(page, portal_url, userid):
    page.goto(f"{portal_url}/login")
    page.fill('input[name="__ac_name"]', userid)
    page.fill('input[name="__ac_password"]', DEMO_PASSWORD)
    page.press('input[name="__ac_password"]', "Enter")
    page.wait_for_load_state("networkidle")


def test_create_dossier_from_two_signals(functional_portal, browser, save_screenshot):
    api.portal.set_registry_record("goov.map_tile_url", "")  # an intranet without tiles
    transaction.commit()
    portal_url = functional_portal.absolute_url()
    first = report(portal_url, 52.383121, 4.63736)
    second = report(portal_url, 52.38330, 4.63770)
    report(portal_url, 52.41582, 4.64518, category="woonoverlast")

    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="nl-NL"
    )
    page = context.new_page()
    login(page, portal_url, "regisseur")
    page.goto(f"{portal_url}/@@regie")
    page.wait_for_selector("#regie-map path.leaflet-interactive")  # markers drawn
    page.check(f'tr[data-uid="{first["UID"]}"] .regie-select')
    page.check(f'tr[data-uid="{second["UID"]}"] .regie-select')
    assert page.inner_text("#regie-selected") == "2"
    save_screenshot(page, "regie.png")

    page.click("#regie-new-dossier")
    page.wait_for_selector("#regie-dossier-dialog[open]")
    assert page.input_value('#regie-dossier-form input[name="title"]') == (
        "Drugs / hennep — Oude Stad"
    )
    page.fill('#regie-dossier-form textarea[name="purpose"]', "Hennepteelt aanpakken")
    page.click('#regie-dossier-form button[type="submit"]')
    page.wait_for_url("**/dossiers/dossier-*")
    page.wait_for_selector(".goov-signals")
    for signal in (first, second):
        assert page.is_visible(f'.goov-signals li[data-uid="{signal["UID"]}"]')
    save_screenshot(page, "dossier.png")
    context.close()
