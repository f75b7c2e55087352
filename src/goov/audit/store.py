"""Append-only, hash-chained audit records in SQL (SQLAlchemy): SQLite in
GOOV_VAR_DIR by default; PostgreSQL when GOOV_AUDIT_DB points there, or, without
GOOV_AUDIT_DB, when GOOV_DB does (a table beside RelStorage's, so that several
instances keep one chain).

Reads must not write to the ZODB, so the log lives in its own database. Appends
are serialised (a process lock, plus BEGIN IMMEDIATE on SQLite or an advisory
lock on PostgreSQL) so that the chain has one order across threads and instances.
"""

from datetime import datetime
from datetime import timezone
from goov.domain.audit import GENESIS
from goov.domain.audit import record_hash

import os
import sqlalchemy as sa
import threading


metadata = sa.MetaData()
audit_log = sa.Table(
    "goov_audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("time", sa.String(32), nullable=False, index=True),
    sa.Column("user", sa.String(200)),
    sa.Column("partner", sa.String(200)),
    sa.Column("action", sa.String(20), nullable=False, index=True),
    sa.Column("object", sa.String(64), index=True),
    sa.Column("path", sa.String(1000)),
    sa.Column("type", sa.String(50)),
    sa.Column("dossier", sa.String(64)),
    sa.Column("status", sa.Integer),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)
# What retention deleted: no personal data, enough to answer "where did it go".
tombstones = sa.Table(
    "goov_tombstone",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("batch", sa.String(32), nullable=False, index=True),
    sa.Column("type", sa.String(50), nullable=False),
    sa.Column("object", sa.String(64), nullable=False, index=True),
    sa.Column("object_id", sa.String(200)),
    sa.Column("created", sa.String(32)),
    sa.Column("closed", sa.String(32)),
    sa.Column("deleted", sa.String(32), nullable=False),
    sa.Column("reason", sa.String(200)),
)
_engines: dict[str, sa.Engine] = {}
_lock = threading.Lock()


def database_url() -> str:
    url = os.environ.get("GOOV_AUDIT_DB", "").strip()
    portal_db = os.environ.get("GOOV_DB", "").strip()
    if not url and portal_db.startswith(("postgresql://", "postgres://")):
        url = "postgresql://" + portal_db.split("://", 1)[1]
    if url.startswith("postgresql://"):
        return url.replace("postgresql://", "postgresql+psycopg2://", 1)
    if url:
        return url
    var = os.environ.get("GOOV_VAR_DIR") or os.path.join(os.getcwd(), "instance", "var")
    return f"sqlite:///{os.path.join(var, 'audit.sqlite')}"


def engine(url: str | None = None) -> sa.Engine:
    url = url or database_url()
    if url not in _engines:
        created = sa.create_engine(url, future=True)
        if created.dialect.name == "sqlite":

            @sa.event.listens_for(created, "connect")
            def _pragmas(connection, _record):
                cursor = connection.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
                cursor.close()

            @sa.event.listens_for(created, "begin")
            def _immediate(connection):
                connection.exec_driver_sql("BEGIN IMMEDIATE")

        metadata.create_all(created)
        _engines[url] = created
    return _engines[url]


def append(record: dict, url: str | None = None) -> dict:
    """Store one record, chained to the last one."""
    record = {
        **record,
        "time": record.get("time") or datetime.now(timezone.utc).isoformat(),
    }
    db = engine(url)
    with _lock, db.begin() as connection:
        if db.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(7307)"))
        last = connection.execute(
            sa.select(audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)
        ).scalar()
        previous = last or GENESIS
        row = {**record, "prev_hash": previous, "hash": record_hash(previous, record)}
        connection.execute(audit_log.insert().values(**row))
    return row


def query(
    filters: dict, start: int = 0, size: int = 50, url: str | None = None
) -> tuple[list, int]:
    conditions = []
    for field in ("object", "user", "action", "partner"):
        if filters.get(field):
            conditions.append(audit_log.c[field] == filters[field])
    if filters.get("from"):
        conditions.append(audit_log.c.time >= filters["from"])
    if filters.get("to"):
        conditions.append(audit_log.c.time <= filters["to"] + "T23:59:59.999999+99:99")
    where = sa.and_(*conditions) if conditions else sa.true()
    with engine(url).connect() as connection:
        total = connection.execute(
            sa.select(sa.func.count()).select_from(audit_log).where(where)
        ).scalar()
        rows = connection.execute(
            sa.select(audit_log)
            .where(where)
            .order_by(audit_log.c.id.desc())
            .offset(start)
            .limit(size)
        ).mappings()
        return [dict(r) for r in rows], total


def by_objects(uids, url: str | None = None, chunk: int = 500) -> dict[str, list]:
    """Every record about each of `uids`, newest first: {uid: [record, ...]}.

    One query per `chunk` uids (SQLite limits the parameters of a statement)."""
    uids = list(dict.fromkeys(uids))
    found = {uid: [] for uid in uids}
    with engine(url).connect() as connection:
        for first in range(0, len(uids), chunk):
            rows = connection.execute(
                sa.select(audit_log)
                .where(audit_log.c.object.in_(uids[first : first + chunk]))
                .order_by(audit_log.c.id.desc())
            ).mappings()
            for row in rows:
                found[row["object"]].append(dict(row))
    return found


def all_records(url: str | None = None):
    with engine(url).connect() as connection:
        for row in connection.execute(
            sa.select(audit_log).order_by(audit_log.c.id)
        ).mappings():
            yield dict(row)


def add_tombstones(rows: list[dict], url: str | None = None) -> None:
    if not rows:
        return
    with engine(url).begin() as connection:
        connection.execute(tombstones.insert(), rows)


def list_tombstones(batch: str | None = None, url: str | None = None) -> list[dict]:
    statement = sa.select(tombstones).order_by(tombstones.c.id)
    if batch:
        statement = statement.where(tombstones.c.batch == batch)
    with engine(url).connect() as connection:
        return [dict(row._mapping) for row in connection.execute(statement)]
