"""Median, p95 and a bootstrap confidence interval of a ratio of medians."""

import random
import statistics


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


def git_sha(repo) -> str:
    import subprocess

    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip() or "unknown"


def publish(repo, result: dict) -> dict:
    """Stamp a result with commit and date, print it and append it to
    bench/results/<date>-<git sha>.json."""
    import json
    import time

    result = {**result, "git": git_sha(repo), "date": time.strftime("%Y-%m-%d")}
    print(json.dumps(result, indent=2))
    out = repo / "bench" / "results" / f"{result['date']}-{result['git']}.json"
    existing = json.loads(out.read_text()) if out.exists() else []
    out.write_text(json.dumps([*existing, result], indent=2) + "\n")
    return result
