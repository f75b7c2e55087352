"""The table of docs/benchmarks.md from bench/results/*.json: the newest result
of every workload and scale, and the growth between scales.

    .venv/bin/python bench/summary.py [results.json ...]
"""

from pathlib import Path

import argparse
import json
import sys


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run import ALL
from bench.stats import growth
from bench.stats import RESULTS

import itertools


# The growth goal: the indexed similar look-up must not grow with n.
GROWTH_GOALS = {"similar": 1.3}


def newest(files: list[Path]) -> dict:
    """(workload, scale) -> the last result written.

    Ordered by the result's own finishing time (older results without one: by
    the file's modification time); file names sort by commit hash, not by time.
    """
    ordered = []
    for path in files:
        mtime = path.stat().st_mtime
        for index, result in enumerate(json.loads(path.read_text())):
            if "goov" in result:  # results of the current format
                key = (result.get("finished") or _iso(mtime), index)
                ordered.append((key, result))
    found = {}
    for _, result in sorted(ordered, key=lambda item: item[0]):
        found[(result["workload"], result["scale"])] = result
    return found


def _iso(timestamp: float) -> str:
    import time

    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(timestamp))


def label(scale: int) -> str:
    if scale >= 1_000_000:
        return f"{scale / 1_000_000:g}M"
    return f"{scale / 1000:g}k" if scale >= 1000 else str(scale)


def ms(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def table(found: dict) -> list[str]:
    lines = [
        "| workload | scale | GOOV median (p95) | baseline median (p95) "
        "| ratio (95% CI) | goal | verdict |",
        "|---|---|---|---|---|---|---|",
    ]
    for (workload, scale), r in sorted(
        found.items(), key=lambda item: (ALL.index(item[0][0]), item[0][1])
    ):
        g, b = r["goov"], r["baseline"]
        lines.append(
            f"| {workload} | {label(scale)} "
            f"| {ms(g['median_ms'])} ({ms(g['p95_ms'])}) "
            f"| {ms(b['median_ms'])} ({ms(b['p95_ms'])}) "
            f"| {r['ratio']:.2f} ({r['ci95'][0]:.2f}-{r['ci95'][1]:.2f}) "
            f"| ≤ {r['goal']:g} | {r['verdict']} |"
        )
    return lines


def growth_table(found: dict) -> list[str]:
    lines = [
        "| workload | scales | GOOV t2/t1 (exponent) | baseline t2/t1 (exponent) "
        "| goal for GOOV t2/t1 | verdict |",
        "|---|---|---|---|---|---|",
    ]
    for workload in ALL:
        scales = sorted(s for w, s in found if w == workload)
        for n1, n2 in itertools.pairwise(scales):
            one, two = found[(workload, n1)], found[(workload, n2)]
            ours = growth(one["goov"]["median_ms"], two["goov"]["median_ms"], n1, n2)
            base = growth(
                one["baseline"]["median_ms"], two["baseline"]["median_ms"], n1, n2
            )
            goal = GROWTH_GOALS.get(workload)
            verdict = "" if goal is None else growth_verdict(ours["factor"], goal)
            lines.append(
                f"| {workload} | {label(n1)} → {label(n2)} "
                f"| {ours['factor']:.2f} ({ours['exponent']:.2f}) "
                f"| {base['factor']:.2f} ({base['exponent']:.2f}) "
                f"| {'' if goal is None else f'≤ {goal:g}'} | {verdict} |"
            )
    return lines


def growth_verdict(factor: float, goal: float) -> str:
    return "met" if factor <= goal else "missed"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    found = newest(args.files or list(RESULTS.glob("*.json")))
    print("\n".join(table(found)))
    print()
    print("\n".join(growth_table(found)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
