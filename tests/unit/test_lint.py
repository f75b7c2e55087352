"""ruff (style guide settings) runs as part of the suite, so CI enforces it."""

from pathlib import Path

import shutil
import subprocess
import sys


REPO = Path(__file__).resolve().parents[2]
RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"


def run(*args):
    return subprocess.run(
        [RUFF, *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def test_ruff_check():
    result = run("check", "src", "tests", "bench")
    assert result.returncode == 0, result.stdout


def test_ruff_format():
    result = run("format", "--check", "src", "tests", "bench")
    assert result.returncode == 0, result.stdout
