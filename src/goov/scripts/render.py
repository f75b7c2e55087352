"""goov-render-instance: render instance/ templates for the current environment."""

from goov.deploy.render import render
from goov.deploy.settings import Settings
from goov.deploy.settings import SettingsError
from pathlib import Path

import os
import sys


def main(argv: list[str] | None = None) -> int:
    try:
        settings = Settings.from_env(dict(os.environ), Path.cwd())
    except SettingsError as exc:
        print(f"goov: {exc}", file=sys.stderr)
        return 2
    for path in render(settings):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
