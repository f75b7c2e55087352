"""`goov-backup` and `goov-restore` (make backup / make restore) against real servers.

For FileStorage and for RelStorage: start the portal, report signals (one with a
photo), stop, back up; start again, report another signal and triage one, make a
second (hot) backup while serving, check that a restore is refused while serving,
stop; restore the first set by --date and find exactly the backed-up state (photo
bytes, states, the later signal gone, the audit log as it was); restore the newest
set and find the later state. Durations are printed (pytest -s) and asserted to be
recorded in the backup set files.
"""

from goov.deploy.backup import Layout
from goov.deploy.backup import read_sets
from pathlib import Path
from photo_fixtures import jpeg_with_metadata
from photo_fixtures import photo
from test_start import Instance

import os
import psycopg2
import pytest
import re
import secrets
import shutil
import subprocess
import sys
import time
import uuid


pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
REPO = Path(__file__).resolve().parents[2]
DEMO = "goov-demo"
JSON = {"Accept": "application/json"}
PG_ADMIN = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "dbname": "postgres"}


def ensure_postgres() -> None:
    """PostgreSQL on 127.0.0.1:5432 (trust): start the cluster when it is down."""
    try:
        psycopg2.connect(connect_timeout=3, **PG_ADMIN).close()
        return
    except psycopg2.OperationalError:
        pass
    if not shutil.which("pg_ctlcluster"):
        subprocess.run(["apt-get", "install", "-y", "postgresql"], check=True)
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "start"],
        check=False,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            psycopg2.connect(connect_timeout=3, **PG_ADMIN).close()
            return
        except psycopg2.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def pg_execute(sql: str, *params) -> list:
    connection = psycopg2.connect(**PG_ADMIN)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description else []
    finally:
        connection.close()


@pytest.fixture
def pg_database():
    ensure_postgres()
    name = f"goov_br_{secrets.token_hex(4)}"
    pg_execute(f'CREATE DATABASE "{name}"')
    yield name
    for (db,) in pg_execute(
        "SELECT datname FROM pg_database WHERE datname = %s OR datname LIKE %s",
        name,
        f"{name}_pre_restore_%",
    ):
        pg_execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            db,
        )
        pg_execute(f'DROP DATABASE IF EXISTS "{db}"')


def command(name: str, env: dict, *args) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    result = subprocess.run(
        [str(BIN / name), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return result, time.monotonic() - start


def relative(inst: Instance, url: str) -> str:
    return url.split(inst.url, 1)[1]


def report(inst: Instance, with_photo: bool = False) -> dict:
    body = {
        "client_id": str(uuid.uuid4()),
        "category": "drugs",
        "description": "Hennepgeur bij de achterdeur",
        "location": {"lat": 52.383121, "lon": 4.63736},
    }
    if with_photo:
        body["photos"] = [photo(jpeg_with_metadata())]
    response = requests_post(inst, "/@signals", body, ("politie", DEMO))
    assert response.status_code == 201, response.text
    signal = response.json()
    result = {"path": relative(inst, signal["@id"]), "uid": signal["UID"]}
    if with_photo:
        download = inst.get(
            relative(inst, signal["photos"][0]["download"]),
            auth=("politie", DEMO),
            headers={},
        )
        assert download.status_code == 200
        result["photo"] = download.content
    return result


def requests_post(inst: Instance, path: str, body: dict, auth):
    import requests

    return requests.post(
        inst.url + path, json=body, auth=auth, headers=JSON, timeout=60
    )


def state(inst: Instance, signal: dict) -> dict:
    response = inst.get(signal["path"], auth=("regisseur", DEMO))
    return {"status": response.status_code, **(response.json() if response.ok else {})}


def signal_uids(inst: Instance) -> set[str]:
    response = inst.get(
        "/@search",
        auth=("regisseur", DEMO),
        params={"portal_type": "Signal", "b_size": 1000, "metadata_fields": "UID"},
    )
    assert response.status_code == 200, response.text
    return {item["UID"] for item in response.json()["items"]}


def audit_records(env: dict) -> int:
    result, _ = command("goov-audit-verify", env)
    assert result.returncode == 0, result.stderr
    return int(re.search(r"intact: (\d+) records", result.stdout).group(1))


def photo_bytes(inst: Instance, signal: dict) -> bytes:
    body = inst.get(signal["path"], auth=("politie", DEMO)).json()
    download = inst.get(
        relative(inst, body["photos"][0]["download"]),
        auth=("politie", DEMO),
        headers={},
    )
    assert download.status_code == 200
    return download.content


def backup_restore_cycle(var: Path, **settings) -> dict:
    figures = {}
    settings = {"GOOV_AUDIT_DB": "", **settings}  # the audit log beside the data
    env = {**os.environ, "GOOV_VAR_DIR": str(var), **settings}  # for the commands
    with Instance(var, **settings) as inst:
        figures["first start (s)"] = round(inst.ready_after, 1)
        a = report(inst, with_photo=True)
        b = report(inst)
        backed_up = signal_uids(inst)
    audit_at_backup = audit_records(env)

    result, figures["backup, stopped (s)"] = command("goov-backup", env)
    assert result.returncode == 0, result.stderr
    assert "complete" in result.stdout
    print(result.stdout)

    with Instance(var, **settings) as inst:
        c = report(inst)
        triaged = requests_post(
            inst, f"{a['path']}/@workflow/triage", {}, ("regisseur", DEMO)
        )
        assert triaged.status_code == 200, triaged.text
        assert state(inst, a)["review_state"] == "triaged"
        # A second backup while the portal serves (hot).
        result, figures["backup, serving (s)"] = command("goov-backup", env)
        assert result.returncode == 0, result.stderr
        print(result.stdout)
        # Restoring under a running instance is refused and changes nothing.
        refused, _ = command("goov-restore", env, "--yes")
        assert refused.returncode == 2
        assert "stop every instance" in refused.stderr
        assert c["uid"] in signal_uids(inst)
    audit_later = audit_records(env)
    assert audit_later > audit_at_backup

    layout = Layout(var / "backups")
    first, second = read_sets(layout)
    for backup_set in (first, second):
        assert backup_set.durations["total"] > 0
        assert backup_set.audit
    listed, _ = command("goov-restore", env, "--list")
    assert first.id in listed.stdout and second.id in listed.stdout

    result, figures["restore first set (s)"] = command(
        "goov-restore", env, "--yes", "--date", first.id
    )
    assert result.returncode == 0, result.stderr
    assert f"restored backup set {first.id}" in result.stdout
    print(result.stdout)
    assert audit_records(env) == audit_at_backup

    with Instance(var, **settings) as inst:
        assert signal_uids(inst) == backed_up
        assert {a["uid"], b["uid"]} <= backed_up
        assert state(inst, a)["review_state"] == "new"
        assert state(inst, b)["review_state"] == "new"
        assert state(inst, c)["status"] == 404
        assert photo_bytes(inst, a) == a["photo"]

    result, figures["restore newest set (s)"] = command("goov-restore", env, "--yes")
    assert result.returncode == 0, result.stderr
    assert f"restored backup set {second.id}" in result.stdout
    with Instance(var, **settings) as inst:
        assert c["uid"] in signal_uids(inst)
        assert state(inst, a)["review_state"] == "triaged"
        assert photo_bytes(inst, a) == a["photo"]
    figures["sets"] = [s.durations | {"sizes": s.sizes} for s in (first, second)]
    return figures


def test_filestorage_backup_and_restore(tmp_path):
    var = tmp_path / "var"
    figures = backup_restore_cycle(var)
    # What a restore replaced was moved aside, not deleted.
    aside = list((var / "restore-aside").glob("*/filestorage/Data.fs"))
    assert len(aside) == 2
    assert list((var / "backups" / "filestorage").glob("*.fsz"))
    assert list((var / "backups" / "filestorage").glob("*.deltafsz"))
    print("FileStorage figures:", figures)


def test_relstorage_backup_and_restore(tmp_path, pg_database):
    var = tmp_path / "var"
    url = f"postgresql://postgres@127.0.0.1:5432/{pg_database}"
    figures = backup_restore_cycle(var, GOOV_DB=url)
    # The database a restore replaced is still there, renamed.
    aside = pg_execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s",
        f"{pg_database}_pre_restore_%",
    )
    assert len(aside) == 2
    assert list((var / "backups" / "postgresql").glob("*.dump"))
    assert not (var / "backups" / "audit").exists()  # in the dump
    print("RelStorage figures:", figures)
