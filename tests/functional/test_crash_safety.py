"""SIGKILL in the middle of 200 concurrent signal POSTs with photos, then restart.

On FileStorage and on RelStorage (PostgreSQL): the server process is killed after
about 80 answers while 8 clients keep posting. After a restart on the same var dir
and database every signal that got a 201 is there with its photo, no 5xx came
before the kill, the storage is consistent (every object reachable from the root
loads, every blob opens; fstest for FileStorage), the audit log has a 'create'
record for each acknowledged signal and none for a signal that is not stored, and
its hash chain verifies. Clients then resend what was not acknowledged (same
client_id): what the crash stored is answered 200, the rest is created, and in the
end exactly 200 signals exist.
"""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from goov.audit import store as audit_store
from io import BytesIO
from PIL import Image
from scale_helpers import base_env
from scale_helpers import check_storage
from scale_helpers import filestorage_config
from scale_helpers import fresh_database
from scale_helpers import noisy_jpeg
from scale_helpers import on
from scale_helpers import pg_url
from scale_helpers import post_signal
from scale_helpers import relstorage_config
from scale_helpers import REPORTERS
from scale_helpers import session
from scale_helpers import signal_body
from scale_helpers import total_signals
from test_start import Instance

import os
import pytest
import signal
import subprocess
import sys
import threading
import time


pytestmark = pytest.mark.slow
TOTAL = 200
CLIENTS = 8
KILL_AFTER = 80


@pytest.fixture(params=["filestorage", "relstorage"])
def storage(request, tmp_path):
    var = tmp_path / "var"
    if request.param == "filestorage":
        yield {
            "name": "filestorage",
            "var": var,
            "env": base_env(""),
            "audit_url": f"sqlite:///{var}/audit.sqlite",
            "check": filestorage_config(var),
        }
        return
    with fresh_database("crash") as dbname:
        yield {
            "name": "relstorage",
            "var": var,
            "env": base_env(pg_url(dbname)),
            "audit_url": f"postgresql+psycopg2://postgres@127.0.0.1:5432/{dbname}",
            "check": relstorage_config(dbname, tmp_path / "check-blobs"),
        }
        for engine in list(audit_store._engines.values()):
            engine.dispose()


def fire_and_kill(inst: Instance, bodies: list[dict]) -> list[dict]:
    """POST all bodies from CLIENTS threads; SIGKILL the server after KILL_AFTER
    answers. Returns the outcomes, in body order."""
    results: list[dict | None] = [None] * len(bodies)
    answered = 0
    lock = threading.Lock()
    killed_at: list[float] = []
    local = threading.local()

    def post(n: int) -> None:
        nonlocal answered
        user = REPORTERS[n % len(REPORTERS)]
        sessions = getattr(local, "sessions", None)
        if sessions is None:
            sessions = local.sessions = {u: session(u) for u in REPORTERS}
        result = {**post_signal(sessions[user], inst, bodies[n]), "user": user}
        with lock:
            result["after_kill"] = bool(killed_at)
            results[n] = result
            if result["status"] is not None:
                answered += 1
            if answered >= KILL_AFTER and not killed_at:
                os.kill(inst.proc.pid, signal.SIGKILL)
                killed_at.append(time.monotonic())

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        list(pool.map(post, range(len(bodies))))
    inst.proc.wait(timeout=30)
    return results


def stored_signal_uids(inst: Instance) -> set[str]:
    s = session("regisseur")
    uids, start = set(), 0
    while True:
        page = s.get(
            f"{inst.url}/@signals", params={"b_size": 100, "b_start": start}, timeout=60
        ).json()
        uids |= {item["UID"] for item in page["items"]}
        start += 100
        if start >= page["items_total"]:
            return uids


def test_sigkill_during_200_posts_with_photos(storage, tmp_path):
    var, env = storage["var"], storage["env"]
    photos = [noisy_jpeg(i) for i in range(10)]
    bodies = [
        signal_body(n, with_photo=True, photo_bytes=photos[n % len(photos)])
        for n in range(TOTAL)
    ]
    with Instance(var, **env) as first:
        before = total_signals(first)
        results = fire_and_kill(first, bodies)
    assert first.proc.returncode == -signal.SIGKILL

    answered = [r for r in results if r["status"] is not None]
    acked = [r for r in results if r["status"] == 201]
    lost = [r for r in results if r["status"] is None]
    statuses = Counter(r["status"] for r in results)
    # No 5xx (nor anything else) before the kill; the kill cut requests off.
    assert [r for r in answered if r["status"] != 201] == []
    assert len(acked) >= KILL_AFTER
    assert lost, "the kill did not interrupt any request"

    # Restart on the same var dir / database.
    with Instance(var, **env) as second:
        restart_seconds = second.ready_after
        stored = stored_signal_uids(second)
        assert len(stored) == total_signals(second)
        # Every acknowledged signal is there, with its photo.
        for r in acked:
            got = session(r["user"]).get(on(second, r["at_id"]), timeout=30)
            assert got.status_code == 200, got.text
            data = got.json()
            assert (data["UID"], data["client_id"]) == (r["uid"], r["client_id"])
            (meta,) = data["photos"]
            image = session(r["user"]).get(on(second, meta["download"]), timeout=30)
            assert image.status_code == 200
            assert image.headers["Content-Type"].startswith("image/jpeg")
            assert len(image.content) == meta["size"]
            assert Image.open(BytesIO(image.content)).size == (480, 360)
            assert r["uid"] in stored
        created_by_test = total_signals(second) - before
        crash_stored = created_by_test - len(acked)
        assert 0 <= crash_stored <= len(lost)

        # Audit: a create record per acknowledged signal, none for what is absent.
        records = list(audit_store.all_records(url=storage["audit_url"]))
        creates = {
            r["object"]
            for r in records
            if r["action"] == "create" and r["type"] == "Signal"
        }
        assert {r["uid"] for r in acked} <= creates
        assert creates <= stored, creates - stored

        # Clients resend what was not acknowledged: no duplicates, nothing lost.
        resent = Counter()
        for r, body in zip(results, bodies, strict=True):
            if r["status"] == 201:
                continue
            again = post_signal(session(r["user"]), second, body)
            resent[again["status"]] += 1
        assert set(resent) <= {200, 201}, resent
        assert resent[200] == crash_stored
        assert total_signals(second) - before == TOTAL
    verify = subprocess.run(
        [sys.executable, "-m", "goov.scripts.audit_verify"],
        env={**os.environ, "GOOV_VAR_DIR": str(var), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr

    # The storage, closed cleanly after the restart: every object loads, every
    # blob opens; FileStorage also passes fstest.
    checked = check_storage(storage["check"])
    assert checked["missing"] == [] and checked["bad_blobs"] == []
    assert checked["blobs"] >= TOTAL
    fstest = ""
    if storage["name"] == "filestorage":
        fs = subprocess.run(
            [
                sys.executable,
                "-m",
                "ZODB.scripts.fstest",
                "-v",
                str(var / "filestorage" / "Data.fs"),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert fs.returncode == 0, fs.stdout + fs.stderr
        fstest = f", fstest: {fs.stdout.strip().splitlines()[-1]}"
    print(
        f"\n{storage['name']}: {len(results)} POSTs with photos, killed after "
        f"{len(answered)} answers ({dict(statuses)}); stored by the crash without "
        f"an answer: {crash_stored}; resent {dict(resent)}; restart served after "
        f"{restart_seconds:.1f}s; storage check {checked['objects']} objects, "
        f"{checked['blobs']} blobs{fstest}; {verify.stdout.strip()}"
    )
