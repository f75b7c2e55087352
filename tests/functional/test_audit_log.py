"""The audit log over HTTP: reads, creations, searches and refusals are recorded
(after commit) in their own database; only the privacy officer reads them; a
changed record breaks the hash chain and goov-audit-verify says where."""

from pathlib import Path
from test_need_to_know import create
from test_need_to_know import DOSSIER
from test_need_to_know import relative
from test_need_to_know import SIGNAL

import os
import pytest
import sqlalchemy as sa
import subprocess
import sys


VERIFY = Path(sys.executable).parent / "goov-audit-verify"


def log(as_user, **params) -> list[dict]:
    response = as_user("privacy").get("@audit-log", params={"b_size": 1000, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_read_and_create_are_logged(portal, as_user):
    signal = create(as_user("politie"), "signalen", SIGNAL)
    as_user("regisseur").get(relative(signal["@id"]))
    items = log(as_user, object=signal["UID"])
    actions = {(i["user"], i["action"]) for i in items}
    assert ("politie", "create") in actions
    assert ("regisseur", "view") in actions
    created = next(i for i in items if i["action"] == "create")
    assert created["partner"] == "partner-politie"
    assert created["type"] == "Signal"
    assert created["path"].endswith(signal["@id"].rsplit("/", 1)[-1])
    assert {"time", "user", "partner", "action", "object", "path", "type"} <= set(
        items[0]
    )


def test_search_link_share_and_denied_are_logged(portal, as_user):
    regisseur = as_user("regisseur")
    signal = create(as_user("politie"), "signalen", SIGNAL)
    dossier = create(regisseur, "dossiers", DOSSIER)
    path = relative(dossier["@id"])
    regisseur.post(f"{path}/@link-signals", json={"signals": [signal["UID"]]})
    regisseur.post(f"{path}/@members", json={"principal": "partner-politie"})
    as_user("woning").get(path)  # refused
    regisseur.get("@search", params={"portal_type": "Signal"})
    by_dossier = {i["action"] for i in log(as_user, object=dossier["UID"])}
    assert {"create", "link", "share"} <= by_dossier
    denied = log(as_user, action="denied", user="claimed:woning")
    assert any(path.split("/")[-1] in d["path"] for d in denied)
    assert log(as_user, action="search", user="regisseur")


@pytest.mark.parametrize("userid", [None, "regisseur", "politie", "analist"])
def test_only_the_privacy_officer_reads_the_log(portal, as_user, userid):
    assert as_user(userid).get("@audit-log").status_code in (401, 403)


def test_bad_filter(portal, as_user):
    response = as_user("privacy").get("@audit-log", params={"action": "peek"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "action"


def test_csv(portal, as_user):
    create(as_user("politie"), "signalen", SIGNAL)
    response = as_user("privacy").get("@audit-log", params={"format": "csv"})
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.text.splitlines()[0].startswith("time,user,partner,action")


def test_tampering_is_detected(portal, as_user):
    create(as_user("politie"), "signalen", SIGNAL)
    env = dict(os.environ)
    intact = subprocess.run(
        [str(VERIFY)], env=env, capture_output=True, text=True, timeout=60
    )
    assert intact.returncode == 0, intact.stderr
    engine = sa.create_engine(os.environ["GOOV_AUDIT_DB"])
    with engine.begin() as connection:
        victim = connection.execute(
            sa.text("SELECT id FROM goov_audit_log ORDER BY id DESC LIMIT 1 OFFSET 1")
        ).scalar()
        original = connection.execute(
            sa.text("SELECT user FROM goov_audit_log WHERE id = :id"), {"id": victim}
        ).scalar()
        connection.execute(
            sa.text("UPDATE goov_audit_log SET user = 'someone-else' WHERE id = :id"),
            {"id": victim},
        )
    try:
        broken = subprocess.run(
            [str(VERIFY)], env=env, capture_output=True, text=True, timeout=60
        )
        assert broken.returncode == 1
        assert f"record {victim}" in broken.stderr
    finally:
        with engine.begin() as connection:
            connection.execute(
                sa.text("UPDATE goov_audit_log SET user = :u WHERE id = :id"),
                {"u": original, "id": victim},
            )
