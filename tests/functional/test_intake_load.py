"""200 concurrent signal POSTs from 8 clients against a real goov-start instance
(FileStorage, 4 waitress threads, the rendered zope.conf): zero 5xx, every 201
stored exactly once."""

from concurrent.futures import ThreadPoolExecutor
from test_start import Instance

import pytest
import requests
import time
import uuid


pytestmark = pytest.mark.slow
CLIENTS = 8
PER_CLIENT = 25
REPORTERS = ("politie", "woning", "handhaver", "wijkteam")


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    with Instance(tmp_path_factory.mktemp("load") / "var") as inst:
        yield inst


def post_many(inst, client: int) -> list[tuple[int, str, str]]:
    userid = REPORTERS[client % len(REPORTERS)]
    session = requests.Session()
    session.auth = (userid, "goov-demo")
    session.headers["Accept"] = "application/json"
    results = []
    for n in range(PER_CLIENT):
        client_id = str(uuid.uuid4())
        response = session.post(
            f"{inst.url}/@signals",
            json={
                "client_id": client_id,
                "category": "woonoverlast",
                "description": f"Belasting {client}-{n}",
                "location": {"lat": 52.38 + client / 1000, "lon": 4.63 + n / 1000},
            },
            timeout=120,
        )
        at_id = response.json().get("@id", "") if response.status_code < 500 else ""
        results.append((response.status_code, client_id, at_id))
    return results


def test_200_concurrent_posts(instance):
    before = instance.get(
        "/@signals", auth=("regisseur", "goov-demo"), params={"b_size": 1}
    ).json()["items_total"]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        results = [
            r
            for rs in pool.map(lambda c: post_many(instance, c), range(CLIENTS))
            for r in rs
        ]
    elapsed = time.monotonic() - started
    statuses = [status for status, _, _ in results]
    assert len(results) == CLIENTS * PER_CLIENT
    assert [s for s in statuses if s >= 500] == []
    assert set(statuses) == {201}
    ids = [at_id for _, _, at_id in results]
    assert len(set(ids)) == len(ids)
    after = instance.get(
        "/@signals", auth=("regisseur", "goov-demo"), params={"b_size": 1}
    ).json()["items_total"]
    assert after - before == len(results)
    # Spot-check that each stored signal is the one that was acknowledged.
    for _, client_id, at_id in results[:: len(results) // 20]:
        got = requests.get(
            at_id,
            auth=("regisseur", "goov-demo"),
            headers={"Accept": "application/json"},
            timeout=30,
        ).json()
        assert got["client_id"] == client_id
    log = (instance.var_dir / "log" / "event.log").read_text()
    retried = log.count(" retried (")  # goov.conflicts logs one line per retry
    print(
        f"\n200 POSTs in {elapsed:.1f}s ({len(results) / elapsed:.0f}/s), conflicts retried: {retried}"
    )
