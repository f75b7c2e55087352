"""`goov-start` (what `make start` runs) against real Zope processes.

Each test starts the real server on a fresh var directory and a free port, exactly
as `make start` does, and talks to it over HTTP.
"""

from pathlib import Path

import os
import pytest
import requests
import signal
import socket
import subprocess
import sys
import time


REPO = Path(__file__).resolve().parents[2]
GOOV_START = Path(sys.executable).parent / "goov-start"
JSON = {"Accept": "application/json"}

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Instance:
    def __init__(self, var_dir: Path, **env):
        self.port = free_port()
        self.var_dir = var_dir
        self.env = {
            **os.environ,
            "GOOV_VAR_DIR": str(var_dir),
            "GOOV_PORT": str(self.port),
            **env,
        }
        self.url = f"http://127.0.0.1:{self.port}/goov"
        self.output = var_dir.parent / f"start-{self.port}.log"

    def __enter__(self):
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self.log = self.output.open("w")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [str(GOOV_START)],
            cwd=REPO,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"goov-start exited:\n{self.output.read_text()}")
            try:
                # The first page renders templates: slow on a busy machine.
                requests.get(self.url, timeout=30)
                self.ready_after = time.monotonic() - self.started
                return self
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.3)
        raise AssertionError(f"not serving after 120 s:\n{self.output.read_text()}")

    def __exit__(self, *exc):
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()

    def user_ids(self, auth) -> list[str]:
        body = self.get("/@users", auth=auth).json()
        items = body["items"] if isinstance(body, dict) else body
        return sorted(u["id"] for u in items)

    def get(self, path="", auth=None, headers=JSON, **kw):
        return requests.get(
            self.url + path, auth=auth, headers=headers, timeout=30, **kw
        )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("goov-start")


def test_fresh_start_with_demo_then_restart(workdir):
    var = workdir / "demo"
    with Instance(var) as inst:
        html = inst.get(headers={"Accept": "text/html"})
        assert html.status_code == 200
        assert "text/html" in html.headers["Content-Type"]

        site = inst.get("/@site")
        assert site.status_code == 200
        assert site.json()["@id"].endswith("/goov/@site")

        addons = inst.get("/@addons", auth=("admin", "admin")).json()
        installed = {a["id"] for a in addons["items"] if a["is_installed"]}
        assert {"goov", "collective.workspace", "plone.restapi"} <= installed

        roles = {r["id"] for r in inst.get("/@roles", auth=("admin", "admin")).json()}
        assert {
            "Regisseur",
            "Professional",
            "Coordinator",
            "Analyst",
            "PrivacyOfficer",
        } <= roles

        # Anonymous gets nothing of the case sections.
        for section in ("dossiers", "signalen", "overleggen"):
            assert inst.get(f"/{section}").status_code in (401, 404)
            browser = inst.get(
                f"/{section}", headers={"Accept": "text/html"}, allow_redirects=False
            )
            assert browser.status_code in (401, 404), browser.status_code
        assert inst.get("/platform").status_code == 200

        # Demo users log in with the printed password.
        me = inst.get("/@users/politie", auth=("politie", "goov-demo"))
        assert me.status_code == 200
        assert "partner-politie" in {g["id"] for g in me.json()["groups"]["items"]}

        # Demo cases, seen through need to know.
        def total(user, **query):
            body = inst.get("/@search", auth=(user, "goov-demo"), params=query).json()
            return body["items_total"]

        assert total("regisseur", portal_type="Signal") == 6
        assert total("regisseur", portal_type="Dossier") == 1
        assert total("handhaver", portal_type="Signal") == 1  # only own signal
        assert total("handhaver", portal_type="Dossier") == 0
        assert total("woning", portal_type="Dossier") == 1  # on the roster
        assert total("analist", portal_type=["Signal", "Dossier", "Action"]) == 0
        printed = inst.output.read_text()
        assert "http://localhost:" in printed
        assert "goov-demo" in printed
        assert "must" in printed or "CHANGE" in printed.upper()

    assert (var / "filestorage" / "Data.fs").exists()
    assert (var / "log" / "event.log").exists()

    # A second start reuses the database; a new admin password is honoured.
    with Instance(var, GOOV_ADMIN_PASSWORD="s3cret-admin") as inst:
        assert inst.get("/@site", auth=("admin", "s3cret-admin")).status_code == 200
        assert inst.get("/@addons", auth=("admin", "admin")).status_code == 401
        assert inst.user_ids(("admin", "s3cret-admin")).count("politie") == 1
        assert "site goov: {'admin': 'password changed', 'site': 'exists'}" in (
            inst.output.read_text()
        )


def test_demo_off(workdir):
    with Instance(workdir / "nodemo", GOOV_DEMO="0") as inst:
        assert inst.get("/@site").status_code == 200
        assert inst.user_ids(("admin", "admin")) == []
        assert "Demo data: off" in inst.output.read_text()


def test_bad_setting_is_refused(workdir):
    env = {**os.environ, "GOOV_PORT": "eighty", "GOOV_VAR_DIR": str(workdir / "bad")}
    result = subprocess.run(
        [str(GOOV_START)], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "GOOV_PORT" in result.stderr
