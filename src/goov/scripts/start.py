"""goov-start: render the instance, make sure the site exists, then serve.

One process does it all: Zope starts once, the site is created (only when absent,
in one transaction) and then waitress serves the same WSGI application. A second
start on an existing database therefore serves within a few seconds.
"""

from goov.deploy.render import render
from goov.deploy.settings import Settings
from goov.deploy.settings import SettingsError
from goov.deploy.settings import ZeoDb
from pathlib import Path

import logging
import os
import random
import signal
import sys
import time


log = logging.getLogger("goov.start")
# Start-up races on a shared database (ZEO) end in a fresh process: at most this often.
START_ATTEMPTS = 5

BANNER = """
================================================================
 GOOV is running at {url}
 Administrator: admin / {admin_password_note}
{demo}================================================================
"""


def _demo_lines(settings: Settings) -> str:
    if not settings.demo:
        return " Demo data: off (GOOV_DEMO=0)\n"
    from goov.demo.data import DEMO_PASSWORD
    from goov.demo.data import USERS

    lines = [f" Demo logins (password '{DEMO_PASSWORD}'):"]
    lines.extend(f"   {u.userid:<14} {u.description}" for u in USERS)
    return "\n".join(lines) + "\n"


def serve(settings: Settings) -> None:
    from logging.config import fileConfig
    from paste.deploy import loadapp
    from paste.deploy import loadserver

    ini = str(settings.zope_ini)
    fileConfig(ini, {"__file__": ini, "here": str(settings.instance_etc_dir)})
    if settings.admin_password_is_default:
        log.warning(
            "*** The administrator password is the default 'admin'. "
            "Set GOOV_ADMIN_PASSWORD before this portal is reachable by anyone. ***"
        )
    if isinstance(settings.db, ZeoDb) and not os.environ.get("GOOV_AUDIT_DB"):
        log.warning(
            "GOOV_DB is a ZEO server but GOOV_AUDIT_DB is unset: this instance "
            "writes the audit log to %s/audit.sqlite. Instances with other var dirs "
            "keep separate logs; point GOOV_AUDIT_DB at one PostgreSQL database "
            "(docs/deployment.md).",
            settings.var_dir,
        )
    from goov.deploy.startup_lock import startup_lock
    from goov.scripts.site import ensure_site
    from ZODB.POSException import ConflictError

    # Opening a fresh shared database writes its schema, root and application
    # object: one instance at a time (see goov.deploy.startup_lock).
    with startup_lock(settings):
        try:
            app = loadapp(f"config:{ini}", name="main")
        except ConflictError as exc:
            raise StartupRace(str(exc)) from exc
        report = ensure_site(settings)
    log.info("site %s: %s", settings.site_id, report)
    if settings.admin_password_is_default:
        password_note = "admin  (the default: change it with GOOV_ADMIN_PASSWORD)"  # noqa: S105
    else:
        password_note = "(from GOOV_ADMIN_PASSWORD)"  # noqa: S105
    banner = BANNER.format(
        url=settings.url, admin_password_note=password_note, demo=_demo_lines(settings)
    )
    print(banner, flush=True)
    server = loadserver(f"config:{ini}", name="main")
    # SIGTERM (service managers, tests) stops as cleanly as Ctrl-C does.
    signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        server(app)
    finally:
        _close_database()


class StartupRace(Exception):
    """Zope's own start-up lost a commit race against another instance."""


def _start_again() -> None:
    """Replace this process by a fresh goov-start (Zope starts once per process)."""
    attempt = int(os.environ.get("GOOV_START_ATTEMPT", "1"))
    if attempt >= START_ATTEMPTS:
        raise RuntimeError(f"start-up conflicted {attempt} times; giving up")
    os.environ["GOOV_START_ATTEMPT"] = str(attempt + 1)
    time.sleep(random.uniform(0.5, 3.0))  # noqa: S311 - jitter, not crypto
    print("goov: another instance initialised the database; starting again", flush=True)
    os.execv(sys.executable, [sys.executable, *sys.argv])  # noqa: S606


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _close_database() -> None:
    """Close the ZODB so FileStorage writes its index (fast next start)."""
    import Zope2

    db = getattr(Zope2, "DB", None)
    if db is not None:
        db.close()


def main(argv: list[str] | None = None) -> int:
    repo = Path(os.environ.get("GOOV_REPO_DIR") or Path.cwd())
    try:
        settings = Settings.from_env(dict(os.environ), repo)
    except SettingsError as exc:
        print(f"goov: {exc}", file=sys.stderr)
        return 2
    render(settings)
    # The audit log sits beside the database unless GOOV_AUDIT_DB says otherwise.
    os.environ.setdefault("GOOV_VAR_DIR", str(settings.var_dir))
    try:
        serve(settings)
    except KeyboardInterrupt:
        print("goov: stopped", file=sys.stderr)
    except StartupRace as exc:
        log.warning("start-up conflicted with another instance: %s", exc)
        _start_again()
    return 0


if __name__ == "__main__":
    sys.exit(main())
