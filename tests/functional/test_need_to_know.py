"""Need to know over HTTP: partner B never sees partner A's case data unless a
regisseur put B on the dossier's roster, and loses it again when removed."""

import pytest


SIGNAL = {
    "@type": "Signal",
    "category": "drugs",
    "description": "Sterke hennepgeur, bewoner J. Jansen",
    "address": "Grote Markt 1, Haarlem",
    "observed_at": "2026-11-20T14:00:00",
    "persons": [{"name": "Jan Jansen", "birthdate": "1980-01-01"}],
}
DOSSIER = {
    "@type": "Dossier",
    "title": "Familie Jansen",
    "kind": "family",
    "legal_basis": "wgs",
    "purpose": "Zorg en veiligheid rond het gezin",
}
DENIED = (401, 403, 404)


def create(session, path, body):
    response = session.post(path, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def relative(url: str) -> str:
    return (
        url.split("/++api++/", 1)[-1]
        if "/++api++/" in url
        else url.split("/plone/", 1)[1]
    )


def search_uids(session, **query) -> set[str]:
    response = session.get(
        "@search", params={"b_size": 500, "metadata_fields": "UID", **query}
    )
    assert response.status_code == 200, response.text
    return {item["UID"] for item in response.json()["items"]}


@pytest.fixture
def case(portal, as_user):
    """A police signal and a dossier of the regisseur (over HTTP)."""
    politie = as_user("politie")
    regisseur = as_user("regisseur")
    signal = create(politie, "signalen", SIGNAL)
    dossier = create(regisseur, "dossiers", DOSSIER)
    return {
        "signal": relative(signal["@id"]),
        "signal_uid": signal["UID"],
        "dossier": relative(dossier["@id"]),
        "dossier_uid": dossier["UID"],
    }


def test_reporter_gets_signal_with_partner_and_personal_data(case, as_user):
    body = as_user("politie").get(case["signal"]).json()
    assert body["reporting_partner"]["token"] == "partner-politie"
    assert body["description"].startswith("Sterke hennepgeur")
    assert body["persons"][0]["name"] == "Jan Jansen"
    assert body["review_state"] == "new"


def test_other_partner_cannot_get_find_list_or_guess(case, as_user):
    woning = as_user("woning")
    assert woning.get(case["signal"]).status_code in DENIED
    assert woning.get(case["dossier"]).status_code in DENIED
    assert case["signal_uid"] not in search_uids(woning)
    assert case["signal_uid"] not in search_uids(woning, UID=case["signal_uid"])
    assert case["dossier_uid"] not in search_uids(woning, portal_type="Dossier")
    listing = woning.get("signalen")
    if listing.status_code == 200:
        assert case["signal_uid"] not in {i["UID"] for i in listing.json()["items"]}
    assert woning.get(f"resolveuid/{case['signal_uid']}").status_code in (*DENIED, 302)


def test_anonymous_gets_nothing(case, as_user):
    anon = as_user(None)
    for path in ("signalen", "dossiers", "overleggen", case["signal"], case["dossier"]):
        assert anon.get(path).status_code in DENIED, path
    assert search_uids(anon, portal_type=["Signal", "Dossier"]) == set()


def test_roster_grants_and_revokes_access(case, as_user):
    regisseur, woning = as_user("regisseur"), as_user("woning")
    linked = regisseur.post(
        f"{case['dossier']}/@link-signals", json={"signals": [case["signal_uid"]]}
    )
    assert linked.status_code == 200, linked.text
    assert [s["UID"] for s in linked.json()["signals"]] == [case["signal_uid"]]

    added = regisseur.post(
        f"{case['dossier']}/@members", json={"principal": "partner-woningcorporatie"}
    )
    assert added.status_code == 201, added.text
    assert woning.get(case["dossier"]).status_code == 200
    signal = woning.get(case["signal"])
    assert signal.status_code == 200
    assert signal.json()["review_state"] == "linked"
    assert signal.json()["persons"][0]["name"] == "Jan Jansen"
    assert case["signal_uid"] in search_uids(woning)
    assert case["dossier_uid"] in search_uids(woning, portal_type="Dossier")
    dossier = woning.get(case["dossier"]).json()
    assert [s["UID"] for s in dossier["signals"]] == [case["signal_uid"]]

    removed = regisseur.delete(f"{case['dossier']}/@members/partner-woningcorporatie")
    assert removed.status_code == 204, removed.text
    assert woning.get(case["dossier"]).status_code in DENIED
    assert woning.get(case["signal"]).status_code in DENIED
    assert case["signal_uid"] not in search_uids(woning)
    assert case["dossier_uid"] not in search_uids(woning, portal_type="Dossier")


def test_user_on_roster(case, as_user):
    regisseur = as_user("regisseur")
    regisseur.post(f"{case['dossier']}/@members", json={"principal": "handhaver"})
    members = regisseur.get(f"{case['dossier']}/@members").json()
    assert [m["principal"] for m in members["items"]] == ["handhaver"]
    assert as_user("handhaver").get(case["dossier"]).status_code == 200
    assert as_user("politie").get(case["dossier"]).status_code in DENIED


@pytest.mark.parametrize(
    "userid", ["politie", "woning", "wijkteam", "analist", "privacy"]
)
def test_only_regisseur_changes_roster(case, as_user, userid):
    session = as_user(userid)
    assert (
        session.post(
            f"{case['dossier']}/@members", json={"principal": userid}
        ).status_code
        in DENIED
    )
    assert session.delete(f"{case['dossier']}/@members/{userid}").status_code in DENIED
    roster = as_user("regisseur").get(f"{case['dossier']}/@members").json()
    assert roster["items_total"] == 0


@pytest.mark.parametrize(
    "body,field",
    [
        ({"principal": "nobody-here"}, "principal"),
        ({"principal": "Administrators"}, "principal"),
        ({"principal": "AuthenticatedUsers"}, "principal"),
        ({}, "principal"),
        ({"principal": "politie", "extra": 1}, "extra"),
        ({"principal": 12}, "principal"),
    ],
)
def test_members_bad_input(case, as_user, body, field):
    response = as_user("regisseur").post(f"{case['dossier']}/@members", json=body)
    assert response.status_code == 400, response.text
    assert field in {e["field"] for e in response.json()["error"]["errors"]}
    roster = as_user("regisseur").get(f"{case['dossier']}/@members").json()
    assert roster["items_total"] == 0


def test_members_malformed_json(case, as_user):
    response = as_user("regisseur").post(
        f"{case['dossier']}/@members",
        data="{not json",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["errors"][0]["field"] == "body"


def test_link_is_all_or_nothing(case, as_user):
    regisseur = as_user("regisseur")
    response = regisseur.post(
        f"{case['dossier']}/@link-signals",
        json={"signals": [case["signal_uid"], "no-such-uid"]},
    )
    assert response.status_code == 400
    assert response.json()["error"]["errors"][0]["uids"] == ["no-such-uid"]
    signal = regisseur.get(case["signal"]).json()
    assert signal["review_state"] == "new"
    assert signal["dossier"] is None
    assert regisseur.get(case["dossier"]).json()["signals"] == []


def test_professional_cannot_link(case, as_user):
    response = as_user("politie").post(
        f"{case['dossier']}/@link-signals", json={"signals": [case["signal_uid"]]}
    )
    assert response.status_code in DENIED


def test_unlink(case, as_user):
    regisseur = as_user("regisseur")
    url = f"{case['dossier']}/@link-signals"
    regisseur.post(url, json={"signals": [case["signal_uid"]]})
    response = regisseur.post(
        f"{case['dossier']}/@unlink-signals", json={"signals": [case["signal_uid"]]}
    )
    assert response.status_code == 200, response.text
    assert response.json()["signals"] == []
    assert regisseur.get(case["signal"]).json()["review_state"] == "triaged"


@pytest.mark.parametrize("userid", ["analist", "privacy", "redacteur"])
def test_no_case_content_for_analysts_privacy_officers_editors(case, as_user, userid):
    session = as_user(userid)
    assert session.get(case["signal"]).status_code in DENIED
    assert session.get(case["dossier"]).status_code in DENIED
    assert search_uids(session, portal_type=["Signal", "Dossier"]) == set()


def test_regisseur_sees_all_signals(case, as_user):
    assert case["signal_uid"] in search_uids(as_user("regisseur"), portal_type="Signal")
    body = as_user("regisseur").get(case["signal"]).json()
    assert body["persons"][0]["name"] == "Jan Jansen"


def test_police_signals_are_marked_with_their_source(case, as_user, portal):
    from test_regie_pages import html

    regisseur = as_user("regisseur")
    police_signal = regisseur.get(case["signal"]).json()
    assert police_signal["police_sourced"] is True
    other = create(as_user("woning"), "signalen", SIGNAL)
    assert regisseur.get(relative(other["@id"])).json()["police_sourced"] is False
    regisseur.post(
        f"{case['dossier']}/@link-signals",
        json={"signals": [case["signal_uid"], other["UID"]]},
    )
    page = html(portal, "regisseur", case["dossier"]).text
    assert page.count("goov-police") == 1
    assert "Politie-informatie" in page
