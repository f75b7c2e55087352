"""Headless Debian Chromium for browser tests, installed by the tests when missing."""

from pathlib import Path

import os
import pytest
import shutil
import subprocess


CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "img"


def ensure_chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.fail(
            "Debian chromium is missing and cannot be installed (need root + apt)"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, timeout=600)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "chromium"],
        check=True,
        env=env,
        timeout=900,
    )
    return CHROMIUM


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = ensure_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, headless=True, args=ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def save_screenshot(tmp_path):
    """Screenshots go to docs/img/ when GOOV_SCREENSHOTS=1, else to a temp dir."""

    def save(page, name: str) -> Path:
        target = SCREENSHOTS if os.environ.get("GOOV_SCREENSHOTS") == "1" else tmp_path
        target.mkdir(parents=True, exist_ok=True)
        path = target / name
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
