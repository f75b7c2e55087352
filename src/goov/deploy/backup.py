"""Backup and restore plans: where backups go, which commands run, which backup set
a restore uses. Plain Python (no Zope imports), so that it is unit-testable; the
console scripts in goov.scripts.backup carry the plans out.

A backup run makes one *backup set*, named by its UTC time stamp in repozo's format
(``2026-11-28-14-05-09``) and described by ``sets/<id>.json`` in the backup
directory:

- FileStorage (and the FileStorage of a ZEO server): an incremental (or full)
  repozo backup of Data.fs into ``filestorage/``, then a snapshot of the blob
  directory into ``blobstorage/<id>/``, taken AFTER repozo so that it holds every
  blob the repozo state refers to. Blob files never change once written (their
  names carry the transaction id), so a snapshot hard-links the files that the
  previous snapshot already has and copies only new ones.
- RelStorage: ``pg_dump --format=custom`` of the database into
  ``postgresql/<id>.dump``; blobs live in the database (shared-blob-dir false) and
  are in the dump.
- The audit log: an SQLite file is copied with SQLite's online backup API into
  ``audit/<id>.sqlite``; in the portal's PostgreSQL database it is in the dump; in
  another PostgreSQL database it gets a dump of its own.
"""

from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timezone
from goov.deploy.settings import FileStorageDb
from goov.deploy.settings import parse_db
from goov.deploy.settings import RelStorageDb
from goov.deploy.settings import Settings
from goov.deploy.settings import SettingsError
from goov.deploy.settings import ZeoDb
from pathlib import Path

import json
import os
import re
import shutil


STAMP_FORMAT = "%Y-%m-%d-%H-%M-%S"  # repozo's file names (UTC)
STAMP = re.compile(r"^\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d$")
REPOZO_FILE = re.compile(r"^(\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d)\.(fsz?|deltafsz?)$")
PARTIAL = ".partial"
ASIDE_DIR = "restore-aside"


class BackupError(RuntimeError):
    """Backup or restore cannot go on; the message says why and what to do."""


# --- where things are -------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """The backup directory (GOOV_BACKUP_DIR, default $GOOV_VAR_DIR/backups)."""

    root: Path

    @property
    def repozo_dir(self) -> Path:
        return self.root / "filestorage"

    @property
    def blobs_dir(self) -> Path:
        return self.root / "blobstorage"

    @property
    def audit_dir(self) -> Path:
        return self.root / "audit"

    @property
    def dumps_dir(self) -> Path:
        return self.root / "postgresql"

    @property
    def sets_dir(self) -> Path:
        return self.root / "sets"

    def set_file(self, set_id: str) -> Path:
        return self.sets_dir / f"{set_id}.json"


def backup_layout(env: dict[str, str], settings: Settings) -> Layout:
    value = env.get("GOOV_BACKUP_DIR", "").strip()
    if not value:
        return Layout(settings.var_dir / "backups")
    root = Path(value)
    if not root.is_absolute():
        root = settings.repo_dir / root
    return Layout(root.resolve())


@dataclass(frozen=True)
class FileStoragePaths:
    """A FileStorage with its blob directory (the portal's or a ZEO server's)."""

    data_fs: Path
    blob_dir: Path

    @property
    def lock_file(self) -> Path:
        return self.data_fs.with_name(self.data_fs.name + ".lock")

    @property
    def companions(self) -> list[Path]:
        """Files that belong to Data.fs and go aside with it on a restore."""
        name = self.data_fs.name
        return [
            self.data_fs.with_name(name + suffix)
            for suffix in ("", ".index", ".tmp", ".old")
        ]


def filestorage_paths(
    settings: Settings, zeo_dir: Path | None = None
) -> FileStoragePaths:
    """Where the FileStorage is: as render.py writes it, or on the ZEO server.

    A ZEO client has no storage of its own: goov-backup then works on the ZEO
    server's FileStorage (instance/zeo.conf.in: $GOOV_VAR_DIR/zeo/Data.fs and
    blobs), so it runs on the ZEO server's machine with the server's var dir.
    """
    if isinstance(settings.db, FileStorageDb):
        return FileStoragePaths(
            data_fs=settings.var_dir / "filestorage" / "Data.fs",
            blob_dir=settings.var_dir / "blobstorage",
        )
    if isinstance(settings.db, ZeoDb):
        zeo_dir = zeo_dir or settings.var_dir / "zeo"
        return FileStoragePaths(data_fs=zeo_dir / "Data.fs", blob_dir=zeo_dir / "blobs")
    raise BackupError(f"not a FileStorage: {settings.db.kind}")


# --- the audit log --------------------------------------------------------------


@dataclass(frozen=True)
class AuditLocation:
    """Where the audit log lives, as far as a backup is concerned."""

    kind: str  # "sqlite" | "in-database" | "postgresql"
    path: Path | None = None
    db: RelStorageDb | None = None


def audit_location(url: str, portal_db, cwd: Path | None = None) -> AuditLocation:
    """Classify the audit log's SQLAlchemy URL (goov.audit.store.database_url())."""
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        if not path.is_absolute():
            path = (cwd or Path.cwd()) / path
        return AuditLocation("sqlite", path=path)
    scheme, _, rest = url.partition("://")
    if scheme.split("+")[0] in ("postgresql", "postgres") and rest:
        try:
            db = parse_db(f"postgresql://{rest}")
        except SettingsError as exc:
            raise BackupError(f"GOOV_AUDIT_DB: {exc}") from exc
        if isinstance(portal_db, RelStorageDb) and same_database(db, portal_db):
            return AuditLocation("in-database", db=portal_db)
        return AuditLocation("postgresql", db=db)
    raise BackupError(
        f"GOOV_AUDIT_DB: goov-backup handles SQLite and PostgreSQL audit logs, "
        f"not {scheme!r}; back it up with that database's own tools"
    )


def same_database(a: RelStorageDb, b: RelStorageDb) -> bool:
    local = {"localhost", "127.0.0.1", "::1"}

    def host(h: str) -> str:
        return "localhost" if h in local else h

    return (host(a.host), a.port, a.dbname) == (host(b.host), b.port, b.dbname)


# --- time stamps and --date -------------------------------------------------


def stamp(moment: datetime) -> str:
    """A backup set id: the UTC time in repozo's format."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime(STAMP_FORMAT)


def parse_date(value: str) -> str:
    """--date: YYYY-MM-DD[-HH[-MM[-SS]]] (repozo's form) or YYYY-MM-DD[THH:MM[:SS]]
    (UTC). Missing parts count as 0, as in repozo. Returns a full stamp."""
    text = value.strip().replace("T", "-").replace(" ", "-").replace(":", "-")
    text = text.removesuffix("Z")
    parts = text.split("-")
    if not 3 <= len(parts) <= 6 or not all(p.isdigit() for p in parts):
        raise BackupError(
            f"--date: expected YYYY-MM-DD[-HH[-MM[-SS]]] (UTC), got {value!r}"
        )
    numbers = [int(p) for p in parts] + [0] * (6 - len(parts))
    try:
        moment = datetime(*numbers, tzinfo=timezone.utc)
    except ValueError as exc:
        raise BackupError(f"--date: {exc}: {value!r}") from exc
    return moment.strftime(STAMP_FORMAT)


def parse_keep_days(value: str | None) -> int | None:
    """--keep-days / GOOV_BACKUP_KEEP_DAYS: None (keep all) or at least 1."""
    if value is None or not str(value).strip():
        return None
    name = "--keep-days/GOOV_BACKUP_KEEP_DAYS"
    try:
        days = int(value)
    except ValueError as exc:
        raise BackupError(f"{name}: not a number: {value!r}") from exc
    if days < 1:
        raise BackupError(f"{name}: at least 1, got {days}")
    return days


def repozo_stamps(names) -> list[tuple[str, bool]]:
    """(stamp, is_full) of the repozo backup files among names, oldest first."""
    found = []
    for name in names:
        match = REPOZO_FILE.match(name)
        if match:
            found.append((match.group(1), match.group(2).startswith("fs")))
    return sorted(found)


def latest_repozo_stamp(names) -> str | None:
    stamps = repozo_stamps(names)
    return stamps[-1][0] if stamps else None


# --- commands -----------------------------------------------------------------


def repozo_backup_command(
    repozo: str, repository: Path, data_fs: Path, full: bool = False
) -> list[str]:
    """Incremental unless full (repozo itself goes full after a pack).

    --quick checks only the last increment's checksum instead of re-reading the
    whole repository; --gzip compresses the backup files.
    """
    command = [
        repozo,
        "--backup",
        "--repository",
        str(repository),
        "--file",
        str(data_fs),
        "--gzip",
        "--quick",
    ]
    if full:
        command.append("--full")
    return command


def repozo_restore_command(
    repozo: str, repository: Path, output: Path, at: str | None = None
) -> list[str]:
    """Recover Data.fs (and its index) as of `at`, verifying while reading."""
    command = [
        repozo,
        "--recover",
        "--with-verify",
        "--repository",
        str(repository),
        "--output",
        str(output),
    ]
    if at:
        command += ["--date", at]
    return command


def pg_connection_args(db: RelStorageDb) -> list[str]:
    args = ["--host", db.host, "--port", str(db.port)]
    if db.user:
        args += ["--username", db.user]
    return args


def pg_env(db: RelStorageDb, env: dict[str, str]) -> dict[str, str]:
    """Environment for pg_dump/pg_restore: the password never on the command line."""
    result = dict(env)
    if db.password:
        result["PGPASSWORD"] = db.password
    return result


def pg_dump_command(pg_dump: str, db: RelStorageDb, output: Path) -> list[str]:
    """The whole database, large objects (RelStorage's blobs) included."""
    return [
        pg_dump,
        *pg_connection_args(db),
        "--format=custom",
        "--file",
        str(output),
        "--dbname",
        db.dbname,
    ]


def pg_restore_command(
    pg_restore: str, db: RelStorageDb, dump: Path, dbname: str | None = None
) -> list[str]:
    """Into an empty database; objects owned by the connecting (portal) user."""
    return [
        pg_restore,
        *pg_connection_args(db),
        "--no-owner",
        "--exit-on-error",
        "--dbname",
        dbname or db.dbname,
        str(dump),
    ]


def aside_name(dbname: str, set_stamp: str) -> str:
    """The name the current database gets while a restore replaces it."""
    suffix = "_pre_restore_" + set_stamp.replace("-", "")
    return dbname[: 63 - len(suffix)] + suffix


# --- backup sets --------------------------------------------------------------


@dataclass
class BackupSet:
    """One backup run: what it wrote (paths relative to the backup dir)."""

    id: str
    kind: str  # "filestorage" | "relstorage"
    repozo: str | None = None  # the repozo stamp this set restores to
    blobs: str | None = None
    dump: str | None = None
    audit: str | None = None  # a file, or "in-dump"
    audit_kind: str | None = None
    durations: dict = field(default_factory=dict)
    sizes: dict = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "BackupSet":
        data = json.loads(text)
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def read_sets(layout: Layout) -> list[BackupSet]:
    """The complete backup sets, oldest first (a crashed run leaves none)."""
    if not layout.sets_dir.is_dir():
        return []
    sets = []
    for path in sorted(layout.sets_dir.glob("*.json")):
        if STAMP.match(path.stem):
            sets.append(BackupSet.from_json(path.read_text(encoding="utf-8")))
    return sorted(sets, key=lambda s: s.id)


def choose_set(sets: list[BackupSet], at: str | None = None) -> BackupSet:
    """The newest set made at or before `at` (a full stamp); the newest without."""
    candidates = [s for s in sets if at is None or s.id <= at]
    if not candidates:
        if not sets:
            raise BackupError("no backup sets found: run goov-backup (make backup)")
        raise BackupError(
            f"no backup set at or before {at}; the oldest is {min(s.id for s in sets)}"
        )
    return max(candidates, key=lambda s: s.id)


def write_set(layout: Layout, backup_set: BackupSet) -> Path:
    """Written last and atomically: a set file means the set is complete."""
    layout.sets_dir.mkdir(parents=True, exist_ok=True)
    path = layout.set_file(backup_set.id)
    partial = path.with_name(path.name + PARTIAL)
    partial.write_text(backup_set.to_json(), encoding="utf-8")
    os.replace(partial, path)
    return path


# --- pruning ------------------------------------------------------------------


@dataclass
class PrunePlan:
    sets: list[BackupSet]  # to delete
    repozo_files: list[str]  # names in the repozo repository to delete


def prune_plan(
    sets: list[BackupSet], repozo_names: list[str], cutoff: str
) -> PrunePlan:
    """Delete the sets made before `cutoff` (a stamp), never the newest set, and
    the repozo files that no remaining set needs.

    A remaining set needs the full repozo backup at or before its stamp and every
    increment after that, so files older than the full backup under the oldest
    remaining set can go. (Data older than the cutoff therefore stays until the
    next full backup: make one regularly, e.g. weekly with --full.)
    """
    ordered = sorted(sets, key=lambda s: s.id)
    if not ordered:
        return PrunePlan([], [])
    doomed = [s for s in ordered[:-1] if s.id < cutoff]
    kept = [s for s in ordered if s not in doomed]
    stamps = [r for r in (s.repozo for s in kept) if r]
    if not stamps:
        return PrunePlan(doomed, [])
    fulls = [
        st for st, full in repozo_stamps(repozo_names) if full and st <= min(stamps)
    ]
    if not fulls:
        return PrunePlan(doomed, [])
    base = max(fulls)
    old_files = sorted(
        name for name in repozo_names if STAMP.match(name[:19]) and name[:19] < base
    )
    return PrunePlan(doomed, old_files)


# --- files --------------------------------------------------------------------


@dataclass
class SnapshotResult:
    files: int = 0
    copied: int = 0
    linked: int = 0
    bytes: int = 0


def latest_snapshot(blobs_dir: Path) -> Path | None:
    if not blobs_dir.is_dir():
        return None
    done = sorted(p for p in blobs_dir.iterdir() if p.is_dir() and STAMP.match(p.name))
    return done[-1] if done else None


def snapshot_tree(
    source: Path, target: Path, previous: Path | None = None
) -> SnapshotResult:
    """Copy a blob directory; hard-link files the previous snapshot already has.

    ZODB never rewrites a blob file (a new revision is a new file), so a file with
    the same relative path and size in the previous snapshot is the same blob.
    Temporary uploads (tmp/) are skipped. The snapshot appears under its final name
    only when complete.
    """
    result = SnapshotResult()
    partial = target.with_name(target.name + PARTIAL)
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    for dirpath, dirnames, filenames in os.walk(source):
        here = Path(dirpath)
        rel_dir = here.relative_to(source)
        if rel_dir == Path("."):
            dirnames[:] = [d for d in dirnames if d != "tmp"]
        (partial / rel_dir).mkdir(parents=True, exist_ok=True)
        for name in filenames:
            src = here / name
            dst = partial / rel_dir / name
            size = src.stat().st_size
            old = previous / rel_dir / name if previous else None
            result.files += 1
            result.bytes += size
            if old is not None and old.is_file() and old.stat().st_size == size:
                try:
                    os.link(old, dst)
                    result.linked += 1
                    continue
                except OSError:
                    pass  # another file system, or no hard links: copy instead
            shutil.copy2(src, dst)
            result.copied += 1
    os.replace(partial, target)
    return result


def tree_size(path: Path) -> int:
    """Bytes on disk; a file hard-linked into several snapshots counts once."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    seen = set()
    for dirpath, _dirnames, filenames in os.walk(path):
        for name in filenames:
            stat = (Path(dirpath) / name).stat()
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                total += stat.st_size
    return total


def move_aside(paths: list[Path], aside: Path) -> list[Path]:
    """Rename existing paths into `aside` (same file system: instant, nothing lost)."""
    moved = []
    for path in paths:
        if path.exists() or path.is_symlink():
            aside.mkdir(parents=True, exist_ok=True)
            target = aside / path.name
            os.replace(path, target)
            moved.append(target)
    return moved


def sqlite_companions(path: Path) -> list[Path]:
    """An SQLite database in WAL mode is three files."""
    return [
        path,
        path.with_name(path.name + "-wal"),
        path.with_name(path.name + "-shm"),
    ]


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"  # pragma: no cover - the loop returns
