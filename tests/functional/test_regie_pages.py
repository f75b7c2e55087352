"""@@regie and the dossier page over HTTP: regisseurs only, need to know inside."""

from goov.demo.data import DEMO_PASSWORD
from test_need_to_know import relative as path
from test_similar_signals import report

import pytest
import requests


def html(portal, userid, page):
    auth = (userid, DEMO_PASSWORD) if userid else None
    return requests.get(
        f"{portal.absolute_url()}/{page}",
        auth=auth,
        headers={"Accept": "text/html"},
        allow_redirects=False,
        timeout=30,
    )


def test_regie_for_regisseur(portal, as_user):
    signal = report(as_user("politie"), description="Tekst die niet in de lijst hoort")
    response = html(portal, "regisseur", "@@regie")
    assert response.status_code == 200
    assert signal["UID"] in response.text
    assert "regie-map" in response.text
    assert "Tekst die niet in de lijst hoort" not in response.text  # no free text


def test_regie_filters(portal, as_user):
    drugs = report(as_user("politie"))
    other = report(as_user("politie"), category="woonoverlast")
    response = html(portal, "regisseur", "@@regie?category=woonoverlast")
    assert other["UID"] in response.text and drugs["UID"] not in response.text


@pytest.mark.parametrize("userid", [None, "politie", "wijkteam", "analist", "privacy"])
def test_regie_refused_to_others(portal, userid):
    response = html(portal, userid, "@@regie")
    assert response.status_code in (302, 401, 403)
    assert "regie-map" not in response.text


def test_proposal(portal, as_user):
    politie = as_user("politie")
    a = report(politie, address="Grote Markt 1, Haarlem")
    b = report(
        politie,
        address="grote markt 1 haarlem",
        location={"lat": 52.3832, "lon": 4.6375},
    )
    response = html(
        portal, "regisseur", f"@@regie-proposal?uid={a['UID']}&uid={b['UID']}"
    )
    assert response.json() == {
        "title": "Drugs / hennep — Oude Stad",
        "kind": "address",
        "wijk": "01",
    }
    assert html(portal, "politie", f"@@regie-proposal?uid={a['UID']}").status_code in (
        302,
        401,
        403,
    )


def test_dossier_page_and_timeline(portal, as_user):
    regisseur, politie = as_user("regisseur"), as_user("politie")
    signal = report(politie, description="Zichtbaar voor het team")
    dossier = regisseur.post(
        "dossiers",
        json={
            "@type": "Dossier",
            "title": "Hotspot Grote Markt",
            "kind": "location",
            "legal_basis": "wgs",
            "purpose": "Overlast aanpakken",
        },
    ).json()
    dpath = path(dossier["@id"])
    regisseur.post(f"{dpath}/@link-signals", json={"signals": [signal["UID"]]})
    regisseur.post(f"{dpath}/@members", json={"principal": "partner-politie"})
    regisseur.post(f"{dpath}/@workflow/analyse", json={"comment": "Eerste analyse"})
    page = html(portal, "politie", dpath)
    assert page.status_code == 200
    assert "Hotspot Grote Markt" in page.text
    assert signal["UID"] in page.text
    assert "Zichtbaar voor het team" in page.text
    assert (
        "partner-politie toegevoegd aan het team" in page.text or "Politie" in page.text
    )
    assert "Eerste analyse" in page.text  # the timeline
    assert "goov-add-member" not in page.text  # professionals do not manage the roster
    assert "goov-add-member" in html(portal, "regisseur", dpath).text
    assert html(portal, "woning", dpath).status_code in (302, 401, 403, 404)
