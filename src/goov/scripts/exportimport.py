"""goov-export and goov-import: whole-site export and import through the running
portal (POST @@goov-export / @@goov-import as admin; see goov.exportimport).

    goov-export                  # writes $GOOV_VAR_DIR/exports/goov-<time>/, prints it
    goov-import goov-<time>      # into the (fresh) portal of this GOOV_VAR_DIR

For a move to a new server: goov-export on the old one, copy the directory into the
new server's $GOOV_VAR_DIR/exports/ (or GOOV_EXPORT_DIR), start the new portal with
GOOV_DEMO=0, then goov-import there. The export holds all personal data of all
cases and the users' password hashes: keep it like the database itself.
"""

from goov.deploy.settings import Settings
from goov.deploy.settings import SettingsError
from pathlib import Path

import argparse
import base64
import json
import os
import sys
import urllib.error
import urllib.request


def call(command: str, view: str, body: dict) -> int:
    try:
        settings = Settings.from_env(dict(os.environ), Path.cwd())
    except SettingsError as exc:
        print(f"goov: {exc}", file=sys.stderr)
        return 2
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "") else settings.host  # noqa: S104
    url = f"http://{host}:{settings.port}/{settings.site_id}/{view}"
    token = base64.b64encode(f"admin:{settings.admin_password}".encode()).decode()
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Authorization": f"Basic {token}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=24 * 3600) as response:  # noqa: S310
            result = json.loads(response.read().decode())
    except urllib.error.HTTPError as exc:
        print(f"{command}: {url}: {exc}\n{exc.read().decode()}", file=sys.stderr)
        return 1
    except urllib.error.URLError as exc:
        print(f"{command}: {url}: {exc} (is the portal running?)", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2, sort_keys=True))
    if result.get("missing"):
        print(
            f"{command}: {len(result['missing'])} item(s) not imported", file=sys.stderr
        )
        return 1
    return 0


def export_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="goov-export", description=__doc__)
    parser.parse_args(argv)
    return call("goov-export", "@@goov-export", {})


def import_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="goov-import", description=__doc__)
    parser.add_argument("directory", help="the export's name in the export directory")
    args = parser.parse_args(argv)
    return call("goov-import", "@@goov-import", {"directory": args.directory})
