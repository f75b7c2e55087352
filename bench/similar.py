"""Benchmark: @similar-signals' indexed look-up against a naive scan of the same
time window, at a given scale, in a throw-away database.

    .venv/bin/python bench/similar.py --scale 10000 [--probes 200] [--var DIR]

Prints a JSON result and appends it to bench/results/<date>-<sha>.json.
"""

from pathlib import Path

import argparse
import os
import sys
import time


REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def start_zope(var: Path):
    from goov.deploy.render import render
    from goov.deploy.settings import Settings

    settings = Settings.from_env({"GOOV_VAR_DIR": str(var), "GOOV_DEMO": "0"}, REPO)
    render(settings)
    from Zope2.Startup.run import make_wsgi_app

    make_wsgi_app({}, str(settings.zope_conf))
    from goov.scripts.site import ensure_site

    ensure_site(settings)
    return settings


def open_site():
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SpecialUsers import system
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    import Zope2

    app = makerequest(Zope2.app())
    setRequest(app.REQUEST)
    newSecurityManager(None, system)
    site = app["goov"]
    setSite(site)
    return app, site


def count_signals(site) -> int:
    return len(site.portal_catalog.unrestrictedSearchResults(portal_type="Signal"))


def fill(site, scale: int, batch: int = 1000) -> float:
    """Bring the database to `scale` signals; return the seconds it took."""
    from bench.generate import signals
    from goov.geo import wijk_for
    from goov.geo import wijken
    from goov.intake import shard_for
    from plone.dexterity.utils import createContentInContainer

    import transaction

    have = count_signals(site)
    if have >= scale:
        return 0.0
    section = site["signalen"]
    started = time.monotonic()
    for n, fields in enumerate(signals(wijken(), scale, seed=42)):
        if n < have:
            continue
        shard = shard_for(section, fields["observed_at"])
        fields["wijk"] = wijk_for(fields["latitude"], fields["longitude"])
        createContentInContainer(shard, "Signal", checkConstraints=False, **fields)
        if (n + 1) % batch == 0:
            transaction.commit()
            print(f"  {n + 1} signals", file=sys.stderr, flush=True)
    transaction.commit()
    return time.monotonic() - started


def naive(signal) -> list:
    """The same answer by scanning every signal of the time window."""
    from goov.domain.similarity import rank
    from goov.domain.similarity import score
    from goov.similar import facts_of
    from goov.similar import facts_of_brain
    from goov.similar import settings
    from plone import api

    radius, window = settings()
    own = facts_of(signal)
    start, end = own.observed_at - window, own.observed_at + window
    brains = api.content.find(
        portal_type="Signal",
        observed_at={"query": (start, end), "range": "min:max"},
    )
    return rank(
        (
            score(own, facts_of_brain(b), radius, window)
            for b in brains
            if own.uid != b.UID
        ),
        20,
    )


def measure(site, probes: int) -> dict:
    from bench.stats import bootstrap_ratio
    from bench.stats import summary
    from goov.similar import similar_signals
    from plone import api

    import random

    brains = site.portal_catalog.unrestrictedSearchResults(portal_type="Signal")
    rng = random.Random(7)
    sample = [
        brains[rng.randrange(len(brains))]._unrestrictedGetObject()
        for _ in range(probes)
    ]
    indexed, scanned = [], []
    with api.env.adopt_user(username="bench-regisseur"):
        for signal in sample[:10]:  # warm-up
            similar_signals(signal)
            naive(signal)
        for signal in sample:  # interleaved: A B A B ...
            t = time.perf_counter()
            found = similar_signals(signal)
            indexed.append(time.perf_counter() - t)
            t = time.perf_counter()
            expected = naive(signal)
            scanned.append(time.perf_counter() - t)
            assert [s.uid for _, s in found][:5] == [s.uid for s in expected][:5]
    ratio, low, high = bootstrap_ratio(indexed, scanned)
    return {
        "indexed": summary(indexed),
        "naive": summary(scanned),
        "ratio": round(ratio, 4),
        "ci95": [round(low, 4), round(high, 4)],
    }


def ensure_bench_user(site):
    from plone import api

    import transaction

    if api.user.get(userid="bench-regisseur") is None:
        api.user.create(
            email="bench@goov.example.org",
            username="bench-regisseur",
            password="bench-only-123",
        )
        api.user.grant_roles(username="bench-regisseur", roles=["Regisseur"])
        transaction.commit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10000)
    parser.add_argument("--probes", type=int, default=200)
    parser.add_argument(
        "--var", default=os.environ.get("GOOV_BENCH_VAR", "/tmp/goov-bench")
    )
    args = parser.parse_args()
    var = Path(args.var) / f"similar-{args.scale}"
    start_zope(var)
    _app, site = open_site()
    ensure_bench_user(site)
    fill_seconds = fill(site, args.scale)
    result = {
        "workload": "similar",
        "scale": count_signals(site),
        "fill_seconds": round(fill_seconds, 1),
        **measure(site, args.probes),
        "machine": f"{os.cpu_count()} cores",
    }
    from bench.stats import publish

    publish(REPO, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
