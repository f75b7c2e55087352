"""Median, p95, a bootstrap confidence interval of a ratio of medians, growth
between scales, and where results are written."""

from pathlib import Path

import math
import os
import platform
import random
import statistics


REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def bootstrap_ratio(a: list[float], b: list[float], rounds=2000, seed=1) -> tuple:
    """Ratio median(a)/median(b) with a 95% bootstrap interval."""
    rng = random.Random(seed)
    ratios = []
    for _ in range(rounds):
        sa = [rng.choice(a) for _ in a]
        sb = [rng.choice(b) for _ in b]
        ratios.append(statistics.median(sa) / statistics.median(sb))
    return (
        statistics.median(a) / statistics.median(b),
        percentile(ratios, 0.025),
        percentile(ratios, 0.975),
    )


def summary(values: list[float]) -> dict:
    return {
        "n": len(values),
        "median_ms": round(statistics.median(values) * 1000, 3),
        "p95_ms": round(percentile(values, 0.95) * 1000, 3),
    }


def verdict(ratio: float, low: float, high: float, goal: float) -> str:
    """met / missed on the median ratio; 'met (CI crosses the goal)' etc. when
    the interval does not settle it."""
    met = "met" if ratio <= goal else "missed"
    return met if (high <= goal or low > goal) else f"{met} (CI crosses the goal)"


def compare(goov: list[float], baseline: list[float], goal: float) -> dict:
    ratio, low, high = bootstrap_ratio(goov, baseline)
    return {
        "goov": summary(goov),
        "baseline": summary(baseline),
        "ratio": round(ratio, 4),
        "ci95": [round(low, 4), round(high, 4)],
        "goal": goal,
        "verdict": verdict(ratio, low, high, goal),
    }


def growth(t1: float, t2: float, n1: int, n2: int) -> dict:
    """time(n2)/time(n1) and the exponent k of t ~ n^k between two scales."""
    factor = t2 / t1
    return {
        "factor": round(factor, 3),
        "exponent": round(math.log(factor) / math.log(n2 / n1), 3),
    }


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def git_sha(repo=REPO) -> str:
    import subprocess

    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip() or "unknown"


def stamp(result: dict, info: dict) -> dict:
    """Add the scale (signals in the database) and the machine's state now."""
    return {
        **result,
        "scale": info["signals"],
        "database": {k: info[k] for k in ("towns", "weeks", "dossiers", "actions")},
        "machine": machine(),
    }


def publish(result: dict, repo=REPO) -> dict:
    """Stamp a result with commit and date, print it and append it to
    bench/results/<date>-<git sha>.json."""
    import json
    import time

    result = {
        **result,
        "git": git_sha(repo),
        "date": time.strftime("%Y-%m-%d"),
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    print(json.dumps(result, indent=2))
    out = Path(repo) / "bench" / "results" / f"{result['date']}-{result['git']}.json"
    existing = json.loads(out.read_text()) if out.exists() else []
    out.write_text(json.dumps([*existing, result], indent=2) + "\n")
    return result
