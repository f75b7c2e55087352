"""Workload 6: the signals report grouped by wijk x category x month against the
baseline of one catalog count per cell, as the regisseur, in process.

    .venv/bin/python bench/reports.py --scale 10000 [--repeat 5]
"""

from pathlib import Path

import argparse
import sys
import time


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

USER = "regisseur"


def baseline(site, wijken, categories, months) -> int:
    """len(catalog(...)) for every cell, as a report without goov would do it."""
    from datetime import datetime
    from datetime import timedelta

    catalog = site.portal_catalog
    total = 0
    for wijk in wijken:
        for category in categories:
            for year, month in months:
                start = datetime(year, month, 1)
                # DateIndex keeps minutes and ranges are inclusive: stop a minute early.
                end = datetime(year + month // 12, month % 12 + 1, 1) - timedelta(
                    minutes=1
                )
                total += len(
                    catalog.unrestrictedSearchResults(
                        portal_type="Signal",
                        wijk=wijk,
                        category=category,
                        observed_at={"query": (start, end), "range": "min:max"},
                    )
                )
    return total


def measure(site, repeat: int) -> dict:
    from bench.generate import CATEGORIES
    from bench.stats import compare
    from goov.geo import wijken
    from goov.reports import signals_report
    from plone import api

    codes = [w.code for w in wijken()]
    facts = site.portal_catalog.unrestrictedSearchResults(portal_type="Signal")
    months = sorted({(b.observed_at.year, b.observed_at.month) for b in facts})
    ours, base = [], []
    with api.env.adopt_user(username=USER):
        report = signals_report(["wijk", "category", "month"])  # warm-up
        expected = baseline(site, codes, CATEGORIES, months)
        # Signals outside every wijk polygon have no wijk: no cell of the baseline.
        in_wijken = sum(r["count"] for r in report["rows"] if r["wijk"] in codes)
        assert report["total"] == len(facts)
        assert in_wijken == expected, (in_wijken, expected)
        for _ in range(repeat):  # interleaved: A B A B ...
            t = time.perf_counter()
            signals_report(["wijk", "category", "month"])
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            baseline(site, codes, CATEGORIES, months)
            base.append(time.perf_counter() - t)
    return {
        "workload": "report",
        "how": "in process, catalog as the regisseur",
        "user": USER,
        "cells": len(codes) * len(CATEGORIES) * len(months),
        **compare(ours, base, goal=3.0),
    }


def main() -> int:
    from bench.database import close_site
    from bench.database import open_database
    from bench.database import open_site
    from bench.stats import publish
    from bench.stats import stamp

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    _app, info = open_database(args.scale)
    app, site = open_site()
    result = measure(site, args.repeat)
    close_site(app)
    publish(stamp(result, info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
