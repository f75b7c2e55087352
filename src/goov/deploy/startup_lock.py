"""One instance at a time initialises a shared database.

On a fresh RelStorage database the first process creates RelStorage's schema, ZODB's
root, Zope's application object and the GOOV site. Processes started at the same
moment would race: PostgreSQL refuses the second `CREATE TYPE` (a crash, seen with
two `goov-start`s on an empty database) and the ZODB root and Zope's application
object give ConflictErrors that Zope's start-up does not retry.

`goov-start` therefore holds a PostgreSQL session-level advisory lock from before
Zope opens the database until the site is committed. It is released when the
instance starts serving; PostgreSQL releases it by itself if the process dies.
Instances on an existing database take it for a few seconds (Zope's start-up and an
`ensure_site` that finds everything present).

ZEO has no lock service; there a process that loses the start-up race gets a
ConflictError and `goov-start` starts again (see goov.scripts.start).
"""

from contextlib import contextmanager
from goov.deploy.settings import RelStorageDb
from goov.deploy.settings import Settings

import logging
import time


log = logging.getLogger("goov.start")

# A constant 64-bit key, distinct from the audit log's transaction lock (7307).
STARTUP_LOCK_KEY = int.from_bytes(b"goovinit", "big") >> 1


class StartupLockTimeout(RuntimeError):
    """Another instance held the start-up lock for too long."""


@contextmanager
def startup_lock(settings: Settings, timeout: float = 900.0, poll: float = 0.5):
    """Serialise database initialisation between instances (RelStorage only)."""
    if not isinstance(settings.db, RelStorageDb):
        yield False
        return
    import psycopg2

    connection = psycopg2.connect(settings.db.dsn)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            deadline = time.monotonic() + timeout
            waiting = False
            while True:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", (STARTUP_LOCK_KEY,))
                if cursor.fetchone()[0]:
                    break
                if not waiting:
                    log.info("another instance is starting on this database; waiting")
                    waiting = True
                if time.monotonic() > deadline:
                    raise StartupLockTimeout(
                        f"start-up lock on {settings.db.dbname} still held after "
                        f"{timeout:.0f} s"
                    )
                time.sleep(poll)
            try:
                yield True
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", (STARTUP_LOCK_KEY,))
    finally:
        connection.close()
