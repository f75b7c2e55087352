"""Several `goov-start` processes serving one portal: RelStorage (PostgreSQL) and ZEO.

RelStorage: two instances on one var dir (each renders its own zope.conf, logs and
blob cache there), started at the same moment on an empty database. ZEO: a server
from the repo's configuration (goov-zeo) and two instances with var dirs of their
own, also started at the same moment. For both: exactly one creates the site, a
signal written on one is read on the other at once (with its photo), and 200
concurrent POSTs spread over both give no 5xx, no duplicates and every 201 stored
and resolvable on both.
"""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from scale_helpers import base_env
from scale_helpers import conflicts_retried
from scale_helpers import fresh_database
from scale_helpers import instances
from scale_helpers import noisy_jpeg
from scale_helpers import on
from scale_helpers import pg_url
from scale_helpers import post_signal
from scale_helpers import REPORTERS
from scale_helpers import session
from scale_helpers import signal_body
from scale_helpers import site_created_count
from scale_helpers import total_signals
from scale_helpers import uids_found
from scale_helpers import zeo_server

import pytest
import time


pytestmark = pytest.mark.slow
CLIENTS = 8
PER_CLIENT = 25


@pytest.fixture(scope="module", params=["relstorage", "zeo"])
def pair(request, tmp_path_factory):
    work = tmp_path_factory.mktemp(f"scale-{request.param}")
    started = time.monotonic()
    if request.param == "relstorage":
        with fresh_database("scale") as dbname:
            env = base_env(pg_url(dbname))
            shared = work / "var"  # one var dir for both processes
            with instances([(shared, env), (shared, env)]) as both:
                yield request.param, both, time.monotonic() - started
    else:
        with zeo_server(work / "zeo") as url:
            env = base_env(url)
            specs = [(work / "var-a", env), (work / "var-b", env)]
            with instances(specs) as both:
                yield request.param, both, time.monotonic() - started


def test_one_instance_creates_the_site_both_serve(pair):
    engine, (a, b), seconds = pair
    assert site_created_count([a, b]) == 1, [
        i.output.read_text()[-2000:] for i in (a, b)
    ]
    for inst in (a, b):
        assert "site goov: {" in inst.output.read_text()
        # Separate var dirs on ZEO mean separate SQLite audit logs: said loudly.
        warned = "GOOV_AUDIT_DB is unset" in inst.output.read_text()
        assert warned == (engine == "zeo")
        assert inst.get("/@site").status_code == 200
        assert inst.user_ids(("admin", "admin")).count("politie") == 1
    print(
        f"\n{engine}: two instances started together, both serving after {seconds:.0f}s"
    )


@pytest.mark.parametrize("writer,reader", [(0, 1), (1, 0)])
def test_written_on_one_read_on_the_other(pair, writer, reader):
    _engine, both, _ = pair
    a, b = both[writer], both[reader]
    image = noisy_jpeg(writer)
    result = post_signal(
        session("politie"), a, signal_body(writer, with_photo=True, photo_bytes=image)
    )
    assert result["status"] == 201, result
    # Immediately, on the other process: the signal, in its listing, its photo.
    got = session("politie").get(on(b, result["at_id"]), timeout=30)
    assert got.status_code == 200, got.text
    assert got.json()["UID"] == result["uid"]
    assert got.json()["client_id"] == result["client_id"]
    mine = session("politie").get(
        f"{b.url}/@signals", params={"mine": 1, "b_size": 100}, timeout=30
    )
    assert result["uid"] in {item["UID"] for item in mine.json()["items"]}
    download = on(b, result["photos"][0]["download"])
    photo = session("politie").get(download, timeout=30)
    assert photo.status_code == 200
    assert photo.headers["Content-Type"].startswith("image/jpeg")
    assert photo.content[:3] == b"\xff\xd8\xff"
    assert len(photo.content) == result["photos"][0]["size"]
    # The same bytes as the writer serves; another partner still may not see it.
    assert (
        photo.content == session("politie").get(download.replace(b.url, a.url)).content
    )
    assert session("woning").get(download, timeout=30).status_code in (401, 403, 404)


def test_200_concurrent_posts_over_both(pair):
    engine, (a, b), _ = pair
    before = total_signals(a)
    assert total_signals(b) == before
    conflicts_before = conflicts_retried(a) + conflicts_retried(b)

    def client(c: int) -> list[dict]:
        inst = (a, b)[c % 2]
        s = session(REPORTERS[c % len(REPORTERS)])
        results = []
        for n in range(PER_CLIENT):
            result = post_signal(s, inst, signal_body(1000 + c * PER_CLIENT + n))
            results.append({**result, "instance": inst, "user": s.auth[0]})
        return results

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        results = [r for rs in pool.map(client, range(CLIENTS)) for r in rs]
    elapsed = time.monotonic() - started
    statuses = Counter(r["status"] for r in results)
    assert len(results) == CLIENTS * PER_CLIENT
    assert statuses == {201: len(results)}, [r for r in results if r["status"] != 201][
        :3
    ]
    uids = [r["uid"] for r in results]
    assert len(set(uids)) == len(uids)
    assert len({r["at_id"].split("/goov/", 1)[1] for r in results}) == len(results)
    # Every 201 is stored once, and both processes see all of them.
    for inst in (a, b):
        assert total_signals(inst) - before == len(results)
        assert uids_found(inst, uids) == set(uids)
    for r in results:
        other = b if r["instance"] is a else a
        got = session(r["user"]).get(on(other, r["at_id"]), timeout=30)
        assert got.status_code == 200, got.text
        assert (got.json()["UID"], got.json()["client_id"]) == (
            r["uid"],
            r["client_id"],
        )
    conflicts = conflicts_retried(a) + conflicts_retried(b) - conflicts_before
    seconds = sorted(r["seconds"] for r in results)
    print(
        f"\n{engine}: {len(results)} POSTs over 2 instances in {elapsed:.1f}s "
        f"({len(results) / elapsed:.1f}/s), statuses {dict(statuses)}, "
        f"conflicts retried: {conflicts}, latency p50 {seconds[len(seconds) // 2]:.2f}s "
        f"p95 {seconds[int(len(seconds) * 0.95)]:.2f}s max {seconds[-1]:.2f}s"
    )
