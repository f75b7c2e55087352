"""The management dashboard in headless Chromium, as an analyst (suppressed counts)."""

from test_regie import login

import datetime
import pytest
import transaction


@pytest.fixture
def signals(functional_portal):
    from plone import api
    from plone.dexterity.utils import createContentInContainer

    import random

    rng = random.Random(3)
    wijken = ["01", "02", "05", "13", "15", "18", "21"]
    categories = ["drugs", "woonoverlast", "verward_gedrag", "ondermijning"]
    with api.env.adopt_roles(["Manager"]):
        for _ in range(400):
            createContentInContainer(
                functional_portal["signalen"],
                "Signal",
                checkConstraints=False,
                category=rng.choice(categories),
                description="x",
                wijk=rng.choice(wijken),
                reporting_partner=rng.choice(
                    ["partner-politie", "partner-woningcorporatie"]
                ),
                observed_at=datetime.datetime(
                    2026, rng.randint(1, 11), rng.randint(1, 28), 12
                ),
            )
    transaction.commit()


def test_dashboard(functional_portal, signals, browser, save_screenshot):
    context = browser.new_context(
        viewport={"width": 1280, "height": 1000}, locale="nl-NL"
    )
    page = context.new_page()
    login(page, functional_portal.absolute_url(), "analist")
    page.goto(f"{functional_portal.absolute_url()}/@@reports")
    page.wait_for_selector(".goov-dashboard svg")
    assert page.locator(".goov-dashboard svg").count() >= 4
    save_screenshot(page, "rapportage.png")
    context.close()
