"""Actions move only by the assigned partner on the roster (and regisseurs);
coordinators see their partner's signals and actions without personal data;
dossier guards; meetings show agenda titles to invitees and minutes to members."""

from plone import api
from test_need_to_know import create
from test_need_to_know import DENIED
from test_need_to_know import DOSSIER
from test_need_to_know import relative
from test_need_to_know import search_uids
from test_need_to_know import SIGNAL

import pytest
import transaction


@pytest.fixture
def dossier(portal, as_user):
    """A dossier with politie and woningcorporatie on the roster and one police action."""
    regisseur = as_user("regisseur")
    body = create(regisseur, "dossiers", DOSSIER)
    path = relative(body["@id"])
    for principal in ("partner-politie", "partner-woningcorporatie"):
        regisseur.post(f"{path}/@members", json={"principal": principal})
    action = create(
        regisseur,
        path,
        {
            "@type": "Action",
            "title": "Huisbezoek met wijkagent",
            "assigned_partner": "partner-politie",
            "due_date": "2020-01-31",
        },
    )
    return {"path": path, "uid": body["UID"], "action": relative(action["@id"])}


def transition(session, path, name, **body):
    return session.post(f"{path}/@workflow/{name}", json=body)


def test_action_json_has_overdue(dossier, as_user):
    body = as_user("politie").get(dossier["action"]).json()
    assert body["overdue"] is True
    assert body["review_state"] == "open"


def test_assigned_partner_on_roster_moves_action(dossier, as_user):
    politie = as_user("politie")
    assert transition(politie, dossier["action"], "start").status_code == 200
    # Completing asks for a result.
    assert transition(politie, dossier["action"], "complete").status_code in (400, 403)
    patched = politie.patch(dossier["action"], json={"result": "Gesprek gevoerd"})
    assert patched.status_code == 204, patched.text
    assert transition(politie, dossier["action"], "complete").status_code == 200
    body = politie.get(dossier["action"]).json()
    assert body["review_state"] == "done"
    assert body["overdue"] is False


@pytest.mark.parametrize("userid", ["woning", "handhaver", "wijkteam"])
def test_others_cannot_move_or_edit_action(dossier, as_user, userid):
    session = as_user(userid)
    assert transition(session, dossier["action"], "start").status_code in (
        *DENIED,
        400,
    )
    assert session.patch(dossier["action"], json={"title": "x"}).status_code in DENIED
    state = as_user("regisseur").get(dossier["action"]).json()["review_state"]
    assert state == "open"


def test_regisseur_moves_action(dossier, as_user):
    assert (
        transition(as_user("regisseur"), dossier["action"], "cancel").status_code == 200
    )


def test_dossier_close_guard(dossier, as_user):
    regisseur = as_user("regisseur")
    assert transition(regisseur, dossier["path"], "close").status_code == 400
    transition(regisseur, dossier["action"], "cancel")
    assert (
        transition(regisseur, dossier["path"], "close").status_code == 400
    )  # no result
    regisseur.patch(dossier["path"], json={"result": "Situatie gestabiliseerd"})
    assert transition(regisseur, dossier["path"], "close").status_code == 200
    assert transition(regisseur, dossier["path"], "reopen").status_code == 200
    assert transition(as_user("politie"), dossier["path"], "close").status_code in (
        *DENIED,
        400,
    )


@pytest.mark.parametrize("missing", ["legal_basis", "purpose", "kind", "title"])
def test_dossier_requires_legal_basis_and_purpose(portal, as_user, missing):
    regisseur = as_user("regisseur")
    before = regisseur.get("dossiers").json()["items_total"]
    body = {k: v for k, v in DOSSIER.items() if k != missing}
    response = regisseur.post("dossiers", json=body)
    assert response.status_code == 400
    assert missing in response.text
    assert regisseur.get("dossiers").json()["items_total"] == before


def test_other_legal_basis_needs_explanation(portal, as_user):
    response = as_user("regisseur").post(
        "dossiers", json={**DOSSIER, "legal_basis": "other"}
    )
    assert response.status_code == 400


@pytest.mark.parametrize("field", ["legal_basis", "purpose"])
def test_legal_basis_and_purpose_cannot_be_removed_before_activating(
    dossier, as_user, field
):
    regisseur = as_user("regisseur")
    response = regisseur.patch(dossier["path"], json={field: None})
    assert response.status_code == 400
    assert field in response.text
    assert transition(regisseur, dossier["path"], "analyse").status_code == 200
    activated = transition(regisseur, dossier["path"], "activate")
    assert activated.status_code == 200, activated.text
    assert regisseur.get(dossier["path"]).json()[field]


def test_professional_cannot_create_dossier(portal, as_user):
    assert as_user("politie").post("dossiers", json=DOSSIER).status_code in DENIED


@pytest.fixture
def wijkteam_colleague(portal, commit):
    api.user.create(
        email="kees@goov.example.org", username="kees", password="goov-demo"
    )
    api.user.grant_roles(username="kees", roles=["Professional"])
    api.group.add_user(groupname="partner-wijkteam", username="kees")
    commit()
    return "kees"


def test_coordinator_sees_partner_signals_without_personal_data(
    wijkteam_colleague, as_user
):
    signal = create(as_user(wijkteam_colleague), "signalen", SIGNAL)
    path = relative(signal["@id"])
    coordinator = as_user("wijkteam")
    body = coordinator.get(path).json()
    assert body["category"]["token"] == "drugs"
    assert "description" not in body or body["description"] in (None, "")
    assert "persons" not in body or not body["persons"]
    assert signal["UID"] in search_uids(coordinator, portal_type="Signal")
    # A professional of the same partner does not see a colleague's signal.
    politie_signal = create(as_user("politie"), "signalen", SIGNAL)
    assert coordinator.get(relative(politie_signal["@id"])).status_code in DENIED


def test_coordinator_sees_partner_action_but_not_dossier(portal, as_user):
    regisseur = as_user("regisseur")
    body = create(regisseur, "dossiers", DOSSIER)
    action = create(
        regisseur,
        relative(body["@id"]),
        {
            "@type": "Action",
            "title": "Gezinsgesprek",
            "assigned_partner": "partner-wijkteam",
            "due_date": "2030-01-31",
        },
    )
    coordinator = as_user("wijkteam")
    response = coordinator.get(relative(action["@id"]))
    assert response.status_code == 200
    assert "Jansen" not in response.text  # the dossier title is not leaked
    assert coordinator.get(relative(body["@id"])).status_code in DENIED
    # Not on the roster: may see, may not work on it.
    assert transition(coordinator, relative(action["@id"]), "start").status_code in (
        *DENIED,
        400,
    )


def test_meeting_need_to_know(dossier, as_user):
    regisseur = as_user("regisseur")
    meeting = create(
        regisseur,
        "overleggen",
        {
            "@type": "Meeting",
            "title": "Casusoverleg Schalkwijk",
            "start": "2030-01-10T09:00:00+01:00",
            "end": "2030-01-10T11:00:00+01:00",
            "invited_partners": ["partner-politie", "partner-ggd"],
        },
    )
    mpath = relative(meeting["@id"])
    item = create(
        regisseur,
        mpath,
        {
            "@type": "AgendaItem",
            "title": "Dossier 12",
            "dossier": dossier["uid"],
            "notes": "Besproken: situatie thuis",
        },
    )
    ipath = relative(item["@id"])
    # politie: invited and on the roster -> title and minutes.
    body = as_user("politie").get(ipath).json()
    assert body["notes"] == "Besproken: situatie thuis"
    # handhaving: neither invited nor on the roster -> nothing.
    assert as_user("handhaver").get(mpath).status_code in DENIED
    assert as_user("handhaver").get(ipath).status_code in DENIED
    # woningcorporatie: on the roster, not invited -> the item with minutes.
    assert as_user("woning").get(ipath).json()["notes"] == "Besproken: situatie thuis"

    assert transition(regisseur, mpath, "hold").status_code == 200
    assert transition(regisseur, mpath, "finalize").status_code == 200
    assert regisseur.patch(ipath, json={"notes": "gewijzigd"}).status_code in DENIED
    assert regisseur.patch(mpath, json={"title": "gewijzigd"}).status_code in DENIED
    assert regisseur.get(ipath).json()["notes"] == "Besproken: situatie thuis"


def test_ggd_invitee_sees_titles_not_minutes(dossier, as_user, portal, commit):
    transaction.begin()  # see what the server committed before writing here
    api.user.create(email="g@goov.example.org", username="ggd1", password="goov-demo")
    api.group.add_user(groupname="partner-ggd", username="ggd1")
    commit()
    regisseur = as_user("regisseur")
    meeting = create(
        regisseur,
        "overleggen",
        {
            "@type": "Meeting",
            "title": "Casusoverleg",
            "start": "2030-01-10T09:00:00+01:00",
            "end": "2030-01-10T11:00:00+01:00",
            "invited_partners": ["partner-ggd"],
        },
    )
    item = create(
        regisseur,
        relative(meeting["@id"]),
        {
            "@type": "AgendaItem",
            "title": "Dossier 12",
            "dossier": dossier["uid"],
            "notes": "geheim",
        },
    )
    body = as_user("ggd1").get(relative(item["@id"])).json()
    assert body["title"] == "Dossier 12"
    assert body.get("notes") in (None, "")
    assert "geheim" not in as_user("ggd1").get(relative(item["@id"])).text
