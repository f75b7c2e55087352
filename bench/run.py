"""Run every benchmark workload at one scale and write the results.

    .venv/bin/python bench/run.py --scale 10000 [--only intake,search] [--repeat 30]
    .venv/bin/python bench/run.py --scale 100000 --generate-only

The database of the scale is generated on first use (bench/database.py) and kept
in $GOOV_BENCH_VAR/<scale> (default /tmp/goov-bench/<scale>). Results are appended
to bench/results/<date>-<git sha>.json; `bench/summary.py` turns them into the
table of docs/benchmarks.md.
"""

from pathlib import Path

import argparse
import json
import sys
import time


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HTTP = ("intake", "photo intake", "dossier GET", "search", "audit")
IN_PROCESS = ("similar", "report")
ALL = (*HTTP, *IN_PROCESS)
BASELINES = {
    "intake": "stock plone.restapi Document POST of the same body size",
    "photo intake": "stock plone.restapi Image POST of the same 3 MB JPEG",
    "dossier GET": "stock Document GET, same user",
    "search": "@search portal_type=Signal, same sort and batch, same user",
    "audit": "the same dossier GET with the audit log off",
    "similar": "naive scan of the same time window",
    "report": "len(catalog(...)) per wijk x category x month cell",
}
HOW = "in-process WSGI call of the zope.ini pipeline (JWT)"


def load_average() -> list[float]:
    """What the machine was doing (1, 5, 15 minutes) as a workload starts."""
    import os

    return [round(x, 2) for x in os.getloadavg()]


def run_http(workloads, only: list[str], args) -> list[dict]:
    from bench.publisher import GOALS
    from bench.stats import compare

    methods = {
        "intake": (workloads.intake, args.repeat),
        "photo intake": (workloads.photo_intake, args.photo_repeat),
        "dossier GET": (workloads.dossier_get, args.repeat),
        "search": (workloads.search, args.repeat),
        "audit": (workloads.audit, args.repeat),
    }
    results = []
    for name in HTTP:
        if name not in only:
            continue
        method, repeat = methods[name]
        print(f"bench: {name} x{repeat}", file=sys.stderr, flush=True)
        load = load_average()
        found = method(repeat, warmup=max(3, repeat // 5))
        times = found.pop("times")
        results.append(
            {
                "workload": name,
                "how": HOW,
                "load_average_before": load,
                **found,
                **compare(*times, goal=GOALS[name]),
            }
        )
    return results


def main() -> int:
    from bench.database import close_site
    from bench.database import open_database
    from bench.database import open_site
    from bench.publisher import cleanup
    from bench.publisher import Client
    from bench.publisher import prepare
    from bench.publisher import Workloads
    from bench.stats import publish
    from bench.stats import stamp

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10000)
    parser.add_argument("--only", default=",".join(ALL), help="comma-separated")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--photo-repeat", type=int, default=10)
    parser.add_argument("--probes", type=int, default=200)
    parser.add_argument("--report-repeat", type=int, default=5)
    parser.add_argument(
        "--no-save", action="store_true", help="print, do not write bench/results"
    )
    parser.add_argument(
        "--generate-only",
        action="store_true",
        help="make (or finish) the database of the scale and stop",
    )
    args = parser.parse_args()
    only = [name.strip() for name in args.only.split(",")]
    unknown = set(only) - set(ALL)
    if unknown:
        parser.error(f"unknown workloads: {sorted(unknown)}; known: {ALL}")

    started = time.monotonic()
    app, info = open_database(args.scale)
    if args.generate_only:
        import Zope2

        Zope2.DB.close()
        print(f"bench: {args.scale} generated: {json.dumps(info)}")
        return 0
    results = []
    zapp, site = open_site()
    try:
        if "similar" in only:
            from bench.similar import measure

            print("bench: similar", file=sys.stderr, flush=True)
            load = load_average()
            results.append({**measure(site, args.probes), "load_average_before": load})
        if "report" in only:
            from bench.reports import measure

            print("bench: report", file=sys.stderr, flush=True)
            load = load_average()
            results.append(
                {**measure(site, args.report_repeat), "load_average_before": load}
            )
        setup = prepare(site)
    finally:
        close_site(zapp)
    workloads = Workloads(Client(app), setup)
    try:
        results.extend(run_http(workloads, only, args))
    finally:
        zapp, site = open_site()
        removed = cleanup(site, workloads.created)
        close_site(zapp)
        print(f"bench: removed {removed} objects the POSTs made", file=sys.stderr)
    for result in results:
        result["baseline_is"] = BASELINES[result["workload"]]
        if args.no_save:
            print(json.dumps(stamp(result, info), indent=2))
        else:
            publish(stamp(result, info))
    import Zope2

    Zope2.DB.close()  # FileStorage writes its index: the next start is quick
    print(f"bench: {args.scale} done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
