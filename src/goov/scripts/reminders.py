"""goov-reminders: ask the running portal to send today's reminder digests.

For cron: `make reminders` or `goov-reminders [--dry-run] [--days 3]`. It talks HTTP
to the instance (GOOV_HOST/GOOV_PORT, admin with GOOV_ADMIN_PASSWORD), so it works
while the server holds the FileStorage lock and with several instances alike.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env(dict(os.environ), Path.cwd())
    except SettingsError as exc:
        print(f"goov: {exc}", file=sys.stderr)
        return 2
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "") else settings.host  # noqa: S104
    url = f"http://{host}:{settings.port}/{settings.site_id}/++api++/@reminders"
    body = json.dumps({"days": args.days, "dry_run": args.dry_run, "force": args.force})
    token = base64.b64encode(f"admin:{settings.admin_password}".encode()).decode()
    request = urllib.request.Request(
        url,
        data=body.encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Authorization": f"Basic {token}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310
            print(response.read().decode())
    except urllib.error.URLError as exc:
        print(f"goov-reminders: {url}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
