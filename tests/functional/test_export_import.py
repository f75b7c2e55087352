"""Export a GOOV site with collective.exportimport (@@goov-export) and import it into
a fresh site (@@goov-import) in the same Zope: counts, states, fields, photos,
links, rosters, local roles, logs, registrations, registry and secret are equal, and
the demo users (need to know) may see exactly the same in both sites."""

from datetime import date
from datetime import timedelta
from goov.decisions import record_decision
from goov.demo.content import load_cases
from goov.domain.decisions import NewAction
from goov.domain.registration import Applicant
from goov.linking import link_signals
from goov.registrations import register
from goov.workspace.roster import add_member
from goov.workspace.roster import remove_member
from pathlib import Path
from persistent.list import PersistentList
from photo_fixtures import jpeg_with_metadata
from photo_fixtures import photo
from photo_fixtures import png_bytes
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.dexterity.utils import iterSchemata
from plone.namedfile.file import NamedBlobImage
from plone.registry.interfaces import IRegistry
from pytest_plone.fixtures.requests import RelativeSession
from test_meeting_loop import smtp_sink  # noqa: F401 - fixture (mail on commit)
from test_need_to_know import search_uids
from z3c.form.interfaces import IDataManager
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.component import queryMultiAdapter
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.schema import getFieldsInOrder

import json
import pytest
import transaction


DEMO = "goov-demo"
CASE_TYPES = ["Signal", "Dossier", "Action", "Meeting", "AgendaItem"]
ALL_TYPES = [*CASE_TYPES, "SignalFolder", "Event"]
USERS = ["regisseur", "politie", "woning", "wijkteam", "handhaver", "analist"]
PERMISSIONS = ["View", "goov: View personal data", "Modify portal content"]


def seed(portal) -> dict:
    """The demo cases plus a photo, a rejected and a triaged signal, a second
    dossier with a user (roster manager) and a removed partner, a decision with an
    action, and a platform event with registrations."""
    load_cases(portal)
    catalog = portal.portal_catalog
    signals = {
        b.Creator + ":" + b.category: b._unrestrictedGetObject()
        for b in catalog.unrestrictedSearchResults(portal_type="Signal")
    }
    photographed = signals["politie:drugs"]
    photographed.photos = PersistentList(
        [
            NamedBlobImage(jpeg_with_metadata(), "image/jpeg", "straat.jpg"),
            NamedBlobImage(png_bytes(), "image/png", "achterdeur.png"),
        ]
    )
    with api.env.adopt_user(username="regisseur"):
        api.content.transition(
            obj=signals["handhaver:verloedering"], transition="reject"
        )
        api.content.transition(
            obj=signals["politie:verward_gedrag"], transition="triage"
        )
        dossier = api.content.create(
            container=portal["dossiers"],
            type="Dossier",
            title="Hotspot Schalkwijk",
            kind="location",
            wijk="13",
            legal_basis="wgs",
            purpose="Overlast op straat aanpakken.",
            subjects=[{"name": "Piet Pietersen", "birthdate": "1975-05-05"}],
        )
        add_member(dossier, "handhaver", manager=True)
        add_member(dossier, "partner-woningcorporatie")
        remove_member(dossier, "partner-woningcorporatie")
        link_signals(dossier, [signals["woning:woonoverlast"].UID()])
        item = catalog.unrestrictedSearchResults(portal_type="AgendaItem")[
            0
        ]._unrestrictedGetObject()
        record_decision(
            item,
            "Huisbezoek binnen een week.",
            [NewAction("Huisbezoek", "partner-wijkteam", date.today() + timedelta(7))],
        )
    with api.env.adopt_user(username="redacteur"):
        event = api.content.create(
            container=portal["platform"],
            type="Event",
            title="Webinar ondermijning",
            capacity=1,
        )
        register(event, Applicant("An de Vries", "an@example.org", "Politie"))
        register(event, Applicant("Bo Bakker", "bo@example.org", "Gemeente"))
    return {"photographed": photographed.UID()}


def session(site, auth) -> RelativeSession:
    result = RelativeSession(site.absolute_url())
    result.headers.update({"Accept": "application/json"})
    result.auth = auth
    return result


def api_session(site, userid) -> RelativeSession:
    result = session(site, (userid, DEMO))
    result._base_url = site.absolute_url() + "/++api++/"
    return result


def admin(site) -> RelativeSession:
    return session(site, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD))


def plain(value):
    """Comparable field values (blobs by bytes, rich text by source)."""
    if hasattr(value, "raw") and hasattr(value, "mimeType"):
        return ("richtext", value.raw)
    if hasattr(value, "data") and hasattr(value, "filename"):
        return ("file", value.filename, value.data)
    return value


def snapshot(site) -> dict:
    """Everything goov keeps about its content, per UID."""
    previous = getSite()
    setSite(site)
    try:
        catalog = site.portal_catalog
        workflow = site.portal_workflow
        data = {}
        for brain in catalog.unrestrictedSearchResults(portal_type=ALL_TYPES):
            if brain.getPath().count("/") < 3:
                continue  # the sections come with the goov profile
            obj = brain._unrestrictedGetObject()
            fields = {}
            for schema in iterSchemata(obj):
                for name, field in getFieldsInOrder(schema):
                    manager = queryMultiAdapter((obj, field), IDataManager)
                    fields[name] = plain(manager.query())
            roster = getattr(obj, "_team", None)
            data[brain.UID] = {
                "type": brain.portal_type,
                "path": brain.getPath().split("/", 2)[2],
                "state": workflow.getInfoFor(obj, "review_state", None),
                "history": {
                    wf: [
                        (h["action"], h["review_state"], h["actor"], seconds(h))
                        for h in entries
                    ]
                    for wf, entries in (obj.workflow_history or {}).items()
                },
                "local_roles": {p: sorted(r) for p, r in obj.get_local_roles()},
                "owner": obj.getOwner().getId(),
                "creators": obj.listCreators(),
                "Creator": brain.Creator,
                "created": obj.created().ISO8601(),
                "modified": obj.modified().ISO8601(),
                "fields": fields,
                "photos": [plain(p) for p in getattr(obj, "photos", ()) or ()],
                "signal_uids": getattr(obj, "signal_uids", None),
                "roster": sorted(
                    (m["user"], sorted(m["groups"]), m["UID"])
                    for m in (roster or {}).values()
                ),
                "roster_history": list(getattr(obj, "roster_history", None) or ()),
                "decision_log": list(getattr(obj, "decision_log", ()) or ()),
                "registrations": registrations(obj),
                "match_keys": brain.match_keys,
                "dossier_uid": brain.dossier_uid,
                "allowed": sorted(
                    catalog.getIndexDataForRID(brain.getRID())["allowedRolesAndUsers"]
                ),
            }
        registry = getUtility(IRegistry)
        site_data = {
            "registry": {
                k: registry[k] for k in registry.records if k.startswith("goov.")
            },
            "secret": IAnnotations(site).get("goov.similarity.secret"),
            "client_keys": dict(getattr(site["signalen"], "_client_keys", {})),
            "roster_groups": {
                gid: sorted(site.acl_users.workspace_groups.listAssignedPrincipals(gid))
                for gid in site.acl_users.workspace_groups.listGroupIds()
                if gid.split(":")[1] in data
            },
            "stale_roster_groups": [
                gid
                for gid in site.acl_users.workspace_groups.listGroupIds()
                if gid.split(":")[1] not in data
            ],
        }
        return {"content": data, "site": site_data, "access": access(site, data)}
    finally:
        setSite(previous)


def differences(old, new, where=""):
    """(where, old, new) for every leaf that differs."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new), key=str):
            yield from differences(old.get(key), new.get(key), f"{where}/{key}")
    elif old != new:
        yield (where, old, new)


def seconds(history_entry) -> int:
    """Workflow history times travel as ISO 8601 (whole seconds)."""
    return int(history_entry["time"].timeTime())


def registrations(obj):
    from goov.registrations import entries

    try:
        return entries(obj)
    except TypeError:
        return None


def access(site, data: dict) -> dict:
    """Per demo user and object: View, personal data, modify (need to know)."""
    result = {}
    for userid in USERS:
        user = site.acl_users.getUserById(userid)
        assert user is not None, userid
        for uid, info in data.items():
            obj = site.unrestrictedTraverse(info["path"])
            for permission in PERMISSIONS:
                result[(userid, uid, permission)] = bool(
                    user.has_permission(permission, obj)
                )
    return result


def test_round_trip_into_a_fresh_site(
    functional_portal,
    smtp_sink,  # noqa: F811 - fixture
    tmp_path,
    monkeypatch,
):
    monkeypatch.setenv("GOOV_EXPORT_DIR", str(tmp_path / "exports"))
    # Commit in batches as on a big site (collective.exportimport's `commit`).
    monkeypatch.setattr("goov.exportimport.steps.COMMIT_EVERY", 5)
    portal = functional_portal
    seeded = seed(portal)
    transaction.commit()
    # One through the intake API: a month shard, an idempotency key, a photo.
    intake = api_session(portal, "politie").post(
        "@signals",
        json={
            "client_id": "0c7d1a52-0b5e-4c55-9d0e-5b8d7c1f4e21",
            "category": "drugs",
            "description": "Dealen bij het speelveld",
            "location": {"lat": 52.383121, "lon": 4.63736},
            "photos": [photo(jpeg_with_metadata())],
        },
    )
    assert intake.status_code == 201, intake.text

    exported = admin(portal).post("@@goov-export", json={})
    assert exported.status_code == 200, exported.text
    summary = exported.json()
    assert summary["counts"]["Signal"] == 7
    assert summary["counts"]["SignalFolder"] == 1  # the month shard
    assert summary["counts"]["Dossier"] == 2
    assert (tmp_path / "exports" / summary["directory"] / "goov.json").is_file()
    from goov.audit.store import query

    logged, _total = query({"action": "export", "user": SITE_OWNER_NAME})
    assert logged[0]["path"].endswith(summary["directory"])

    transaction.begin()  # see what the server committed
    app = portal.aq_parent
    from Products.CMFPlone.factory import addPloneSite

    fresh = addPloneSite(
        app,
        "goov2",
        title="GOOV",
        extension_ids=("plone.app.contenttypes:default", "goov:default"),
        setup_content=False,
        default_language="nl",
    )
    setSite(portal)
    transaction.commit()
    fresh = app["goov2"]

    imported = admin(fresh).post(
        "@@goov-import", json={"directory": summary["directory"]}
    )
    assert imported.status_code == 200, imported.text
    result = imported.json()
    assert result["complete"] is True, result
    assert result["counts"] == summary["counts"]
    print("export/import figures:", summary, result)
    transaction.begin()  # see what the server committed

    before, after = snapshot(portal), snapshot(app["goov2"])
    assert len(before["content"]) == sum(summary["counts"].values()), [
        (c["type"], c["path"]) for c in before["content"].values()
    ]
    for uid, info in before["content"].items():
        changed = list(differences(info, after["content"].get(uid)))
        if changed:
            pytest.fail(
                f"{info['type']} {info['path']}: " + "\n".join(map(repr, changed))
            )
    assert after["content"].keys() == before["content"].keys()
    assert after["site"] == before["site"]
    assert len(after["site"]["client_keys"]) == 1
    assert after["access"] == before["access"]
    # The comparisons are not empty: photos, links, rosters and logs came along.
    photographed = after["content"][seeded["photographed"]]
    assert [p[0:2] for p in photographed["photos"]] == [
        ("file", "straat.jpg"),
        ("file", "achterdeur.png"),
    ]
    dossiers = [c for c in after["content"].values() if c["type"] == "Dossier"]
    assert all(d["roster"] and d["roster_history"] for d in dossiers)
    assert {len(d["signal_uids"]) for d in dossiers} == {1, 3}
    assert any(c["decision_log"] for c in after["content"].values())
    assert any(c["registrations"] for c in after["content"].values())
    states = {c["state"] for c in after["content"].values() if c["type"] == "Signal"}
    assert {"linked", "triaged", "rejected"} <= states

    # Who may see what, over HTTP with the need-to-know tests' helper: the demo
    # users log in to the new site with their own passwords.
    for userid in USERS:
        old = search_uids(api_session(portal, userid), portal_type=CASE_TYPES)
        new = search_uids(api_session(app["goov2"], userid), portal_type=CASE_TYPES)
        assert new == old, userid
    seen = {
        u: search_uids(api_session(app["goov2"], u), portal_type="Signal")
        for u in USERS
    }
    assert len(seen["regisseur"]) == 7
    assert len(seen["politie"]) == 5  # own three + two through rosters
    assert len(seen["handhaver"]) == 2  # own signal + one through the roster
    assert seen["analist"] == set()
    # Similar signals work on the imported data (same secret, same match keys).
    dossier_path = next(d["path"] for d in dossiers if len(d["signal_uids"]) == 3)
    linked = api_session(app["goov2"], "woning").get(dossier_path).json()
    assert len(linked["signals"]) == 3


def test_only_site_managers_export_or_import(functional_portal, tmp_path, monkeypatch):
    monkeypatch.setenv("GOOV_EXPORT_DIR", str(tmp_path / "exports"))
    for userid in ("politie", "regisseur", "privacy"):
        for view in ("@@goov-export", "@@goov-import"):
            response = session(functional_portal, (userid, DEMO)).post(
                view, json={"directory": "x"}
            )
            assert response.status_code in (401, 403, 404), (userid, view)
    anonymous = session(functional_portal, None)
    assert anonymous.post("@@goov-export", json={}).status_code in (401, 403, 404)
    assert not (tmp_path / "exports").exists()


def test_export_bad_input(functional_portal, tmp_path, monkeypatch):
    monkeypatch.setenv("GOOV_EXPORT_DIR", str(tmp_path / "exports"))
    response = admin(functional_portal).post("@@goov-export", json={"directory": "x"})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["errors"][0]["field"] == "directory"
    assert not (tmp_path / "exports").exists()


@pytest.mark.parametrize(
    "body,field",
    [
        ({}, "directory"),
        ({"directory": "../../etc"}, "directory"),
        ({"directory": ".hidden"}, "directory"),
        ({"directory": 12}, "directory"),
        ({"directory": "no-such-export"}, "directory"),
        ({"directory": "x", "extra": 1}, "extra"),
        ([], "body"),
    ],
)
def test_import_bad_input(functional_portal, tmp_path, monkeypatch, body, field):
    monkeypatch.setenv("GOOV_EXPORT_DIR", str(tmp_path / "exports"))
    response = admin(functional_portal).post("@@goov-import", json=body)
    assert response.status_code == 400, response.text
    assert field in {e["field"] for e in response.json()["error"]["errors"]}


def test_import_refuses_a_site_with_cases_and_non_json(
    functional_portal, tmp_path, monkeypatch
):
    monkeypatch.setenv("GOOV_EXPORT_DIR", str(tmp_path / "exports"))
    load_cases(functional_portal)
    transaction.commit()
    manager = admin(functional_portal)
    name = manager.post("@@goov-export", json={}).json()["directory"]
    again = manager.post("@@goov-import", json={"directory": name})
    assert again.status_code == 409, again.text
    assert "fresh site" in again.json()["error"]["message"]
    assert manager.get("@@goov-export").status_code == 405
    form = manager.post("@@goov-export", data={"x": "1"})
    assert form.status_code == 415


@pytest.mark.slow
def test_console_commands_move_a_portal_to_a_new_server(tmp_path):
    """goov-export on a running demo portal, goov-import into a fresh one (made by
    goov-start with GOOV_DEMO=0, as on a new server): the demo users see the same."""
    from test_start import Instance

    import shutil
    import subprocess
    import sys

    bin_dir = Path(sys.executable).parent

    def run(command, inst, *args):
        env = {**inst.env, "GOOV_AUDIT_DB": ""}
        result = subprocess.run(
            [str(bin_dir / command), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def seen(inst) -> dict:
        result = {}
        for userid in USERS:
            response = inst.get(
                "/@search",
                auth=(userid, DEMO),
                params={"portal_type": CASE_TYPES, "b_size": 500},
            )
            assert response.status_code == 200, (userid, response.text)
            items = response.json()["items"]
            result[userid] = sorted(
                (i["@id"].split("/goov/")[1], i["review_state"]) for i in items
            )
        return result

    with Instance(tmp_path / "old", GOOV_AUDIT_DB="") as old:
        before = seen(old)
        exported = run("goov-export", old)
    assert before["regisseur"] and before["woning"]
    name = exported["directory"]
    shutil.copytree(
        tmp_path / "old" / "exports" / name, tmp_path / "new" / "exports" / name
    )
    with Instance(tmp_path / "new", GOOV_AUDIT_DB="", GOOV_DEMO="0") as new:
        assert new.get("/@users/regisseur", auth=("admin", "admin")).status_code == 404
        imported = run("goov-import", new, name)
        assert imported["complete"] is True
        assert imported["counts"] == exported["counts"]
        assert seen(new) == before
    print("goov-export/goov-import figures:", exported, imported)


def test_codec_round_trip():
    from DateTime import DateTime
    from goov.exportimport.codec import decode
    from goov.exportimport.codec import encode
    from goov.exportimport.codec import NotExportable

    import datetime

    value = {
        "when": datetime.datetime(2026, 11, 28, 14, 5, tzinfo=datetime.timezone.utc),
        "naive": datetime.datetime(2026, 11, 28, 14, 5),
        "day": date(2026, 11, 28),
        "zope": DateTime("2026/11/28 14:05:00 GMT+1"),
        "secret": b"\x00\xffkey",
        "groups": {"Admins", "Members"},
        "list": PersistentList([1, "a", None, 2.5]),
    }
    text = json.dumps(encode(value))
    assert decode(json.loads(text)) == {**value, "list": [1, "a", None, 2.5]}
    with pytest.raises(NotExportable):
        encode({1: "not a string key"})
    with pytest.raises(NotExportable):
        encode(object())
