"""Retention over HTTP, with the clock set by the `date` of the run: what is due
goes (with tombstones and audit records), nothing under legal hold goes, a dry run
changes nothing, reporters are anonymised, only site managers run it."""

from datetime import date
from datetime import timedelta
from goov.domain.retention import add_months
from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from test_need_to_know import create
from test_need_to_know import DENIED
from test_need_to_know import DOSSIER
from test_need_to_know import relative
from test_need_to_know import SIGNAL
from test_regie_pages import html

import pytest


TODAY = date.today()


@pytest.fixture
def admin(request_factory):
    return request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))


def transition(session, path, name, **body):
    response = session.post(f"{path}/@workflow/{name}", json=body)
    assert response.status_code == 200, response.text
    return response


def closed_dossier(regisseur, signal_uid, **extra):
    dossier = create(regisseur, "dossiers", {**DOSSIER, **extra})
    path = relative(dossier["@id"])
    linked = regisseur.post(f"{path}/@link-signals", json={"signals": [signal_uid]})
    assert linked.status_code == 200, linked.text
    action = create(
        regisseur,
        path,
        {
            "@type": "Action",
            "title": "Huisbezoek",
            "assigned_partner": "partner-politie",
            "due_date": "2020-01-31",
        },
    )
    transition(regisseur, relative(action["@id"]), "cancel")
    regisseur.patch(path, json={"result": "Afgerond"})
    transition(regisseur, path, "close")
    return {**dossier, "path": path, "action": action}


@pytest.fixture
def cases(portal, as_user):
    politie, regisseur = as_user("politie"), as_user("regisseur")
    rejected = create(politie, "signalen", SIGNAL)
    transition(regisseur, relative(rejected["@id"]), "reject", comment="Dubbel")
    open_signal = create(politie, "signalen", SIGNAL)
    linked = create(politie, "signalen", SIGNAL)
    held_signal = create(politie, "signalen", SIGNAL)
    going = closed_dossier(regisseur, linked["UID"])
    meeting = create(
        regisseur,
        "overleggen",
        {
            "@type": "Meeting",
            "title": "Casusoverleg",
            "start": "2026-01-10T09:00:00+01:00",
            "end": "2026-01-10T11:00:00+01:00",
            "invited_partners": ["partner-politie"],
        },
    )
    agenda_item = create(
        regisseur,
        relative(meeting["@id"]),
        {
            "@type": "AgendaItem",
            "title": "Familie J.",
            "dossier": going["UID"],
            "notes": "Besproken: situatie thuis",
        },
    )
    held = closed_dossier(regisseur, held_signal["UID"])
    hold = regisseur.post(
        f"{held['path']}/@legal-hold",
        json={"legal_hold": True, "reason": "Lopende rechtszaak"},
    )
    assert hold.status_code == 200, hold.text
    return {
        "rejected": rejected,
        "open": open_signal,
        "linked": linked,
        "held_signal": held_signal,
        "going": going,
        "meeting": meeting,
        "agenda_item": agenda_item,
        "held": held,
    }


def exists(admin, item) -> bool:
    return admin.get(relative(item["@id"])).status_code == 200


def creator(admin, item) -> str:
    found = admin.get(
        "@search", params={"UID": item["UID"], "metadata_fields": "Creator"}
    ).json()
    return found["items"][0]["Creator"]


def run(admin, months, days=0, **body):
    day = add_months(TODAY, months) + timedelta(days=days)
    response = admin.post("@retention", json={"date": day.isoformat(), **body})
    assert response.status_code == 200, response.text
    return response.json()


def test_retention_deletes_what_is_due_and_nothing_held(cases, admin, as_user):
    # A day before the signal period ends: nothing goes.
    early = run(admin, 12, days=-1, dry_run=True)
    assert early["counts"].get("delete:Signal") is None

    planned = run(admin, 13, dry_run=True)
    assert {i["object"] for i in planned["items"] if i["action"] == "delete"} == {
        cases["rejected"]["UID"]
    }
    assert exists(admin, cases["rejected"])  # the dry run changed nothing

    first = run(admin, 13, pack=False)
    assert first["counts"] == {"delete:Signal": 1}
    assert not exists(admin, cases["rejected"])
    assert exists(admin, cases["going"])  # 60 months for dossiers

    later = run(admin, 61, pack=False)
    assert later["counts"]["delete:Dossier"] == 1
    assert later["held"] == [cases["held"]["UID"]]
    going = (cases["going"], cases["linked"], cases["going"]["action"])
    for gone in (*going, cases["agenda_item"]):
        assert not exists(admin, gone)
    for kept in (cases["held"], cases["held_signal"], cases["open"], cases["meeting"]):
        assert exists(admin, kept)
    found = admin.get("@search", params={"UID": cases["linked"]["UID"]}).json()
    assert found["items_total"] == 0  # gone from the catalog too

    stones = as_user("privacy").get("@retention", params={"batch": later["batch"]})
    assert stones.status_code == 200
    by_object = {s["object"]: s for s in stones.json()["items"]}
    assert set(by_object) == {cases["going"]["UID"], cases["linked"]["UID"]}
    assert by_object[cases["going"]["UID"]]["reason"].startswith("dossier closed")
    assert "Jansen" not in stones.text  # tombstones hold no personal data

    log = as_user("privacy").get(
        "@audit-log", params={"object": cases["going"]["UID"], "action": "delete"}
    )
    assert log.json()["items_total"] == 1


def test_reporter_is_anonymised_after_the_period(cases, admin, as_user):
    politie = as_user("politie")
    mine = politie.get("@signals", params={"mine": "true", "b_size": 100}).json()
    assert cases["open"]["UID"] in {i["UID"] for i in mine["items"]}

    result = run(admin, 25, pack=False)
    assert result["counts"]["anonymise:Signal"] >= 1
    assert creator(admin, cases["open"]) == ""
    body = admin.get(relative(cases["open"]["@id"])).json()
    assert body["reporting_partner"]["token"] == "partner-politie"  # the partner stays
    mine = politie.get("@signals", params={"mine": "true", "b_size": 100}).json()
    assert cases["open"]["UID"] not in {i["UID"] for i in mine["items"]}
    # Signals under legal hold keep their reporter too.
    assert creator(admin, cases["held_signal"]) == "politie"
    again = run(admin, 25, pack=False)
    assert again["counts"].get("anonymise:Signal") is None


@pytest.mark.parametrize("userid", [None, "regisseur", "privacy", "politie"])
def test_only_site_managers_run_retention(cases, as_user, userid, admin):
    response = as_user(userid).post("@retention", json={"date": "2099-01-01"})
    assert response.status_code in DENIED
    assert exists(admin, cases["rejected"])


@pytest.mark.parametrize("userid", [None, "regisseur", "politie", "analist"])
def test_only_the_privacy_officer_reads_tombstones(portal, as_user, userid):
    assert as_user(userid).get("@retention").status_code in DENIED


@pytest.mark.parametrize(
    "body,field",
    [({"date": "morgen"}, "date"), ({"dry_run": "ja"}, "dry_run"), ({"x": 1}, "x")],
)
def test_bad_input(portal, admin, body, field):
    response = admin.post("@retention", json=body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


def test_legal_hold_needs_a_reason_and_the_regisseur(cases, as_user):
    path = f"{cases['going']['path']}/@legal-hold"
    response = as_user("regisseur").post(path, json={"legal_hold": True})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "reason"
    assert (
        as_user("regisseur").post(path, json={"legal_hold": "yes"}).status_code == 400
    )
    for userid in ("politie", "privacy", None):
        release = as_user(userid).post(
            f"{cases['held']['path']}/@legal-hold", json={"legal_hold": False}
        )
        assert release.status_code in DENIED
    body = as_user("regisseur").get(cases["held"]["path"]).json()
    assert body["legal_hold"] is True


@pytest.mark.slow
def test_goov_retention_removes_the_blobs_on_a_real_instance(tmp_path):
    """`make retention` against a running FileStorage instance: the photo's blob
    file leaves the disk (the database is packed after the deletions)."""
    from photo_fixtures import jpeg_with_metadata
    from photo_fixtures import photo
    from test_start import Instance

    import os
    import requests
    import subprocess
    import sys
    import uuid

    politie = ("politie", "goov-demo")
    with Instance(tmp_path / "var") as inst:
        api = inst.url + "/++api++"
        created = requests.post(
            f"{api}/@signals",
            auth=politie,
            timeout=60,
            json={
                "client_id": str(uuid.uuid4()),
                "category": "drugs",
                "description": "Hennepgeur, foto van de achterdeur",
                "location": {"lat": 52.383121, "lon": 4.63736},
                "photos": [photo(jpeg_with_metadata(64, 48))],
            },
        )
        assert created.status_code == 201, created.text
        signal = created.json()
        stored = requests.get(signal["photos"][0]["download"], auth=politie, timeout=30)
        assert stored.status_code == 200
        rejected = requests.post(
            f"{signal['@id']}/@workflow/reject",
            auth=("regisseur", "goov-demo"),
            json={"comment": "Geen actie nodig"},
            headers={"Accept": "application/json"},
            timeout=30,
        )
        assert rejected.status_code == 200, rejected.text

        def blobs_with_photo() -> list:
            return [
                path
                for path in (tmp_path / "var" / "blobstorage").rglob("*.blob")
                if path.read_bytes() == stored.content
            ]

        assert blobs_with_photo()
        command = [str(Path(sys.executable).parent / "goov-retention")]
        env = {**os.environ, **inst.env}
        when = add_months(TODAY, 13).isoformat()
        dry = subprocess.run(
            [*command, "--dry-run", "--date", when], env=env, capture_output=True
        )
        assert dry.returncode == 0, dry.stderr
        assert signal["UID"] in dry.stdout.decode()
        assert blobs_with_photo()
        done = subprocess.run([*command, "--date", when], env=env, capture_output=True)
        assert done.returncode == 0, done.stderr
        assert '"delete:Signal": 1' in done.stdout.decode()
        assert not blobs_with_photo()
        gone = requests.get(signal["@id"], auth=("admin", "admin"), timeout=30)
        assert gone.status_code == 404


def test_retention_control_panel(portal, admin, as_user):
    panel = admin.get("@controlpanels/goov-retention")
    assert panel.status_code == 200, panel.text
    assert panel.json()["data"]["signal_months"] == 12
    changed = admin.patch(
        "@controlpanels/goov-retention",
        json={"signal_months": 6, "dossier_months_by_kind": {"location": 24}},
    )
    assert changed.status_code == 204, changed.text
    policy = run(admin, 0, dry_run=True)["policy"]
    assert policy["signal_months"] == 6
    assert policy["dossier_months_by_kind"] == {"location": 24}
    refused = admin.patch("@controlpanels/goov-retention", json={"signal_months": 0})
    assert refused.status_code == 400
    for userid in ("regisseur", "privacy"):
        attempt = as_user(userid).patch(
            "@controlpanels/goov-retention", json={"signal_months": 1}
        )
        assert attempt.status_code in DENIED
    page = html(portal, None, "@@goov-retention-settings")
    assert page.status_code in DENIED
