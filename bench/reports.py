"""Benchmark: the signals report grouped by wijk x category x month against the
baseline of one catalog count per cell, on the benchmark database of a scale
(fill it first with bench/similar.py --scale N).

    .venv/bin/python bench/reports.py --scale 100000 [--repeat 5]
"""

from pathlib import Path

import argparse
import os
import sys
import time


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.similar import ensure_bench_user
from bench.similar import open_site
from bench.similar import REPO
from bench.similar import start_zope


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--var", default=os.environ.get("GOOV_BENCH_VAR", "/tmp/goov-bench")
    )
    args = parser.parse_args()
    var = Path(args.var) / f"similar-{args.scale}"
    if not (var / "filestorage" / "Data.fs").exists():
        print(f"fill first: bench/similar.py --scale {args.scale}", file=sys.stderr)
        return 2
    start_zope(var)
    _app, site = open_site()
    ensure_bench_user(site)
    from bench.generate import CATEGORIES
    from bench.stats import bootstrap_ratio
    from bench.stats import summary
    from goov.geo import wijken
    from goov.reports import signals_report
    from plone import api

    codes = [w.code for w in wijken()]
    facts = site.portal_catalog.unrestrictedSearchResults(portal_type="Signal")
    months = sorted({(b.observed_at.year, b.observed_at.month) for b in facts})
    ours, base = [], []
    with api.env.adopt_user(username="bench-regisseur"):
        report = signals_report(["wijk", "category", "month"])  # warm-up
        expected = baseline(site, codes, CATEGORIES, months)
        # Signals outside every wijk polygon have no wijk: no cell of the baseline.
        in_wijken = sum(r["count"] for r in report["rows"] if r["wijk"] in codes)
        assert report["total"] == len(facts)
        assert in_wijken == expected, (in_wijken, expected)
        for _ in range(args.repeat):
            t = time.perf_counter()
            signals_report(["wijk", "category", "month"])
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            baseline(site, codes, CATEGORIES, months)
            base.append(time.perf_counter() - t)
    ratio, low, high = bootstrap_ratio(ours, base)
    result = {
        "workload": "report",
        "scale": len(facts),
        "cells": len(codes) * len(CATEGORIES) * len(months),
        "report": summary(ours),
        "baseline": summary(base),
        "ratio": round(ratio, 4),
        "ci95": [round(low, 4), round(high, 4)],
    }
    from bench.stats import publish

    publish(REPO, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
