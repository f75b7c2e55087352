"""Helpers for the scale-out and crash-safety tests: PostgreSQL, a ZEO server,
several `goov-start` processes, signal POSTs with photos and a storage check."""

from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from photo_fixtures import photo
from PIL import Image
from test_start import free_port
from test_start import Instance

import os
import psycopg2
import random
import re
import requests
import shutil
import signal
import subprocess
import sys
import time
import uuid


REPO = Path(__file__).resolve().parents[2]
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "dbname": "postgres"}
PASSWORD = "goov-demo"
JSON = {"Accept": "application/json"}
REPORTERS = ("politie", "woning", "handhaver", "wijkteam")
# One line per retried conflict in the instance's event.log (goov.subscribers.conflicts).
CONFLICT_LINE = re.compile(r"\[goov\.conflicts:\d+\]\S* \w+ retried \(")


# -- PostgreSQL ---------------------------------------------------------------


def _pg_answers() -> bool:
    try:
        psycopg2.connect(connect_timeout=3, **PG).close()
    except psycopg2.OperationalError:
        return False
    return True


def ensure_postgresql() -> None:
    """CI may have no PostgreSQL running: start (or install) the local cluster."""
    if _pg_answers():
        return
    if not shutil.which("pg_ctlcluster"):
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "postgresql"],
            check=True,
            timeout=600,
        )
    versions = sorted(os.listdir("/etc/postgresql"), key=int)
    subprocess.run(
        [
            "pg_ctlcluster",
            "--skip-systemctl-redirect",
            versions[-1],
            "main",
            "start",
        ],
        check=False,
        timeout=120,
    )
    deadline = time.monotonic() + 60
    while not _pg_answers():
        if time.monotonic() > deadline:
            raise AssertionError("PostgreSQL on 127.0.0.1:5432 did not start")
        time.sleep(1)


def _admin(sql: str, params: tuple = ()) -> None:
    connection = psycopg2.connect(**PG)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        connection.close()


@contextmanager
def fresh_database(label: str):
    """An empty PostgreSQL database goov_so_<label>_<random>; dropped afterwards."""
    ensure_postgresql()
    name = f"goov_so_{label}_{uuid.uuid4().hex[:8]}"
    _admin(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        _admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        _admin(f'DROP DATABASE IF EXISTS "{name}"')


def pg_url(dbname: str) -> str:
    return f"postgresql://{PG['user']}@{PG['host']}:{PG['port']}/{dbname}"


# -- ZEO ----------------------------------------------------------------------


@contextmanager
def zeo_server(var_dir: Path):
    """A ZEO server from the repo's configuration, run by goov-zeo's code."""
    port = free_port()
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "GOOV_VAR_DIR": str(var_dir), "GOOV_ZEO_PORT": str(port)}
    output = (var_dir / "zeo-server.out").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "goov.scripts.zeo"],
        cwd=REPO,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise AssertionError((var_dir / "zeo-server.out").read_text())
            try:
                import socket

                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError(
                        "ZEO server not listening after 60 s"
                    ) from None
                time.sleep(0.2)
        yield f"zeo://127.0.0.1:{port}"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        output.close()


# -- instances ----------------------------------------------------------------


def base_env(goov_db: str) -> dict[str, str]:
    """The storage under test, audit log beside it (no GOOV_AUDIT_DB)."""
    return {"GOOV_DB": goov_db, "GOOV_AUDIT_DB": "", "GOOV_DEMO": "1"}


@contextmanager
def instances(specs: list[tuple[Path, dict]]):
    """Start several goov-start processes at the same moment; stop them all."""
    started = [Instance(var, **env) for var, env in specs]
    try:
        with ThreadPoolExecutor(max_workers=len(started)) as pool:
            for future in [pool.submit(inst.__enter__) for inst in started]:
                future.result()
        yield started
    finally:
        for inst in started:
            if getattr(inst, "proc", None) is not None:
                inst.__exit__(None, None, None)


def event_log(inst: Instance) -> Path:
    """The instance's event.log (per process on a RelStorage/ZEO var dir)."""
    own = inst.var_dir / "log" / f"instance-{inst.port}" / "event.log"
    return own if own.exists() else inst.var_dir / "log" / "event.log"


def conflicts_retried(inst: Instance) -> int:
    path = event_log(inst)
    if not path.exists():
        return 0
    return sum(
        1
        for line in path.read_text(errors="replace").splitlines()
        if CONFLICT_LINE.search(line)
    )


def site_created_count(started: list[Instance]) -> int:
    return sum("'site': 'created'" in inst.output.read_text() for inst in started)


def session(userid: str) -> requests.Session:
    s = requests.Session()
    s.auth = (userid, PASSWORD)
    s.headers.update(JSON)
    return s


def on(inst: Instance, url: str) -> str:
    """The same path on another instance (absolute URLs name the instance)."""
    return re.sub(r"^http://[^/]+/goov", inst.url, url)


# -- signals ------------------------------------------------------------------


def noisy_jpeg(seed: int, size=(480, 360)) -> bytes:
    """A photo-like JPEG (noise does not compress: ~100 KB) with a colour cast."""
    image = Image.effect_noise(size, 60).convert("RGB")
    tint = Image.new("RGB", size, (seed % 256, (seed * 7) % 256, (seed * 13) % 256))
    out = BytesIO()
    Image.blend(image, tint, 0.3).save(out, "JPEG", quality=85)
    return out.getvalue()


def signal_body(n: int, with_photo: bool = False, photo_bytes: bytes = b"") -> dict:
    body = {
        "client_id": str(uuid.uuid4()),
        "category": "woonoverlast",
        "description": f"Schaaltest {n}",
        "location": {"lat": 52.37 + (n % 40) / 1000, "lon": 4.62 + (n // 40) / 1000},
    }
    if with_photo:
        body["photos"] = [photo(photo_bytes, filename=f"straat-{n}.jpg")]
    return body


def post_signal(s: requests.Session, inst: Instance, body: dict) -> dict:
    """One POST; the outcome, including connection errors (no status)."""
    started = time.monotonic()
    try:
        response = s.post(f"{inst.url}/@signals", json=body, timeout=120)
    except requests.RequestException as exc:
        return {"client_id": body["client_id"], "status": None, "error": repr(exc)}
    result = {
        "client_id": body["client_id"],
        "status": response.status_code,
        "seconds": time.monotonic() - started,
    }
    if response.status_code in (200, 201):
        data = response.json()
        result.update(uid=data["UID"], at_id=data["@id"], photos=data["photos"])
    else:
        result["text"] = response.text[:500]
    return result


def total_signals(inst: Instance) -> int:
    response = session("regisseur").get(
        f"{inst.url}/@signals", params={"b_size": 1}, timeout=60
    )
    assert response.status_code == 200, response.text
    return response.json()["items_total"]


def uids_found(inst: Instance, uids: list[str]) -> set[str]:
    """Which UIDs the catalog of this instance finds (as the regisseur)."""
    found = set()
    s = session("regisseur")
    for i in range(0, len(uids), 50):
        chunk = uids[i : i + 50]
        response = s.get(
            f"{inst.url}/@search",
            params={
                "UID": chunk,
                "b_size": 100,
                "portal_type": "Signal",
                "metadata_fields": "UID",
            },
            timeout=60,
        )
        assert response.status_code == 200, response.text
        found |= {item["UID"] for item in response.json()["items"]}
    return found


def shuffled(items: list, seed: int = 7) -> list:
    items = list(items)
    random.Random(seed).shuffle(items)
    return items


# -- storage check ------------------------------------------------------------


def filestorage_config(var_dir: Path) -> str:
    return (
        "<filestorage>\n"
        f"  path {var_dir}/filestorage/Data.fs\n"
        f"  blob-dir {var_dir}/blobstorage\n"
        "  read-only true\n"
        "</filestorage>\n"
    )


def relstorage_config(dbname: str, blob_cache: Path) -> str:
    return (
        "%import relstorage\n"
        "<relstorage>\n"
        "  keep-history false\n"
        "  read-only true\n"
        f"  blob-dir {blob_cache}\n"
        "  shared-blob-dir false\n"
        "  <postgresql>\n"
        f"    dsn dbname='{dbname}' host='{PG['host']}' port='{PG['port']}' "
        f"user='{PG['user']}'\n"
        "  </postgresql>\n"
        "</relstorage>\n"
    )


def check_storage(config: str) -> dict:
    """Walk every object reachable from the root: each must load, each blob must
    open. What fsrefs does for FileStorage, for any storage."""
    from ZODB.config import storageFromString
    from ZODB.POSException import POSKeyError
    from ZODB.serialize import referencesf
    from ZODB.utils import get_pickle_metadata
    from ZODB.utils import z64

    storage = storageFromString(config)
    seen, todo = set(), [z64]
    missing, bad_blobs, blobs = [], [], 0
    try:
        while todo:
            oid = todo.pop()
            if oid in seen:
                continue
            seen.add(oid)
            try:
                data, serial = storage.load(oid)
            except POSKeyError:
                missing.append(oid)
                continue
            if get_pickle_metadata(data) == ("ZODB.blob", "Blob"):
                try:
                    with open(storage.loadBlob(oid, serial), "rb") as blob:
                        blob.read(1)
                    blobs += 1
                except (POSKeyError, OSError):
                    bad_blobs.append(oid)
            todo.extend(ref for ref in referencesf(data) if ref not in seen)
    finally:
        storage.close()
    return {
        "objects": len(seen),
        "missing": missing,
        "blobs": blobs,
        "bad_blobs": bad_blobs,
    }
