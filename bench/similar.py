"""Workload 5: @similar-signals' indexed look-up against a naive scan of the same
time window, as the regisseur (who sees every signal), in process.

    .venv/bin/python bench/similar.py --scale 10000 [--probes 200]

Both sides answer the same question: the signals within the radius and the time
window, plus those sharing an address or person key. The indexed look-up asks the
geo_bucket index for the buckets around the signal; the naive one reads every
signal of the +-90-day window from the catalog and measures the distance to each.
The key look-up (a KeywordIndex) is the same on both sides. The answers are checked
to agree for every probe.
"""

from pathlib import Path

import argparse
import sys
import time


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

USER = "regisseur"


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
    brains = {
        b.UID: b
        for b in api.content.find(
            portal_type="Signal",
            observed_at={"query": (start, end), "range": "min:max"},
        )
    }
    keys = sorted(own.person_keys | ({own.address_key} - {None}))
    if keys:
        brains.update(
            (b.UID, b) for b in api.content.find(portal_type="Signal", match_keys=keys)
        )
    brains.pop(own.uid, None)
    return rank(
        (score(own, facts_of_brain(b), radius, window) for b in brains.values()),
        20,
    )


def same_answer(found: list, expected: list) -> bool:
    """Equal scores in order; equal signals above the last score (ties at the
    cut may differ)."""
    if [s.score for s in found] != [s.score for s in expected]:
        return False
    if not found:
        return True
    cut = found[-1].score
    above = {s.uid for s in found if s.score > cut}
    return above == {s.uid for s in expected if s.score > cut}


def measure(site, probes: int, warmup: int = 10) -> dict:
    from bench.stats import compare
    from goov.similar import similar_signals
    from plone import api

    import random

    brains = site.portal_catalog.unrestrictedSearchResults(portal_type="Signal")
    rng = random.Random(7)
    sample = [
        brains[rng.randrange(len(brains))]._unrestrictedGetObject()
        for _ in range(probes + warmup)
    ]
    indexed, scanned, found_total = [], [], 0
    with api.env.adopt_user(username=USER):
        for signal in sample[:warmup]:
            similar_signals(signal)
            naive(signal)
        for signal in sample[warmup:]:  # interleaved: A B A B ...
            # Both once untimed first: otherwise the first side pays for loading
            # the probe's neighbours from the database and the second does not.
            similar_signals(signal)
            naive(signal)
            t = time.perf_counter()
            found = similar_signals(signal)
            indexed.append(time.perf_counter() - t)
            t = time.perf_counter()
            expected = naive(signal)
            scanned.append(time.perf_counter() - t)
            assert same_answer([s for _, s in found], expected), signal.UID()
            found_total += len(found)
    return {
        "workload": "similar",
        "how": "in process, catalog as the regisseur",
        "user": USER,
        "mean_found": round(found_total / probes, 1),
        **compare(indexed, scanned, goal=0.1),
    }


def main() -> int:
    from bench.database import close_site
    from bench.database import open_database
    from bench.database import open_site
    from bench.stats import publish
    from bench.stats import stamp

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10000)
    parser.add_argument("--probes", type=int, default=200)
    args = parser.parse_args()
    _app, info = open_database(args.scale)
    app, site = open_site()
    result = measure(site, args.probes)
    close_site(app)
    publish(stamp(result, info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
