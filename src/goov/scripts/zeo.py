"""goov-zeo (`make zeo`): render instance/zeo.conf.in and run a ZEO server.

Serves in the foreground until Ctrl-C or SIGTERM. `--render-only` writes the
configuration and exits. Settings: GOOV_VAR_DIR, GOOV_ZEO_HOST, GOOV_ZEO_PORT.
"""

from goov.deploy.settings import SettingsError
from goov.deploy.zeo import render_zeo
from goov.deploy.zeo import ZeoSettings
from pathlib import Path

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="goov-zeo", description=__doc__)
    parser.add_argument(
        "--render-only", action="store_true", help="write zeo.conf and exit"
    )
    args = parser.parse_args(argv)
    repo = Path(os.environ.get("GOOV_REPO_DIR") or Path.cwd())
    try:
        settings = ZeoSettings.from_env(dict(os.environ), repo)
    except SettingsError as exc:
        print(f"goov: {exc}", file=sys.stderr)
        return 2
    conf = render_zeo(settings)
    print(conf, flush=True)
    if args.render_only:
        return 0
    print(
        f"goov: ZEO server on {settings.address}, data in {settings.zeo_dir}; "
        f"start instances with GOOV_DB={settings.client_url}",
        flush=True,
    )
    from ZEO.runzeo import main as runzeo

    runzeo(["-C", str(conf)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
