"""POST to the running portal as admin (for cron and maintenance commands).

Talks HTTP to the instance (GOOV_HOST/GOOV_PORT, admin with GOOV_ADMIN_PASSWORD),
so it works while the server holds the FileStorage lock and with several instances.
"""

from goov.deploy.settings import Settings
from goov.deploy.settings import SettingsError
from pathlib import Path

import base64
import json
import os
import sys
import urllib.error
import urllib.request


def call(command: str, path: str, body: dict, timeout: int = 300):
    """POST `body` as JSON to <portal>/<path>.

    Returns (0, answer text) on success; on an error it prints what went wrong
    and returns (1, None) for HTTP and connection errors, (2, None) for bad settings.
    """
    try:
        settings = Settings.from_env(dict(os.environ), Path.cwd())
    except SettingsError as exc:
        print(f"goov: {exc}", file=sys.stderr)
        return 2, None
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "") else settings.host  # noqa: S104
    url = f"http://{host}:{settings.port}/{settings.site_id}/{path}"
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
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return 0, response.read().decode()
    except urllib.error.HTTPError as exc:
        print(f"{command}: {url}: {exc}\n{exc.read().decode()}", file=sys.stderr)
    except urllib.error.URLError as exc:
        print(f"{command}: {url}: {exc} (is the portal running?)", file=sys.stderr)
    return 1, None


def post(command: str, service: str, body: dict, timeout: int = 300) -> int:
    """POST to a REST service (++api++/<service>) and print its JSON answer;
    0 on success, 1 on HTTP errors, 2 on bad settings."""
    status, answer = call(command, f"++api++/{service}", body, timeout)
    if answer is not None:
        print(answer)
    return status
