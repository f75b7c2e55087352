"""goov-backup and goov-restore (make backup, make restore).

goov-backup makes one backup set in GOOV_BACKUP_DIR (default $GOOV_VAR_DIR/backups)
of what GOOV_DB names: repozo plus a blob snapshot for FileStorage (and for the
FileStorage of a ZEO server, on its machine), pg_dump for RelStorage, plus the audit
log. It may run while the portal serves: repozo, pg_dump and SQLite's backup API
all read a consistent state. Do not pack the database while a backup runs.

goov-restore puts a backup set back: the newest, or the newest at or before
--date (UTC). STOP ALL INSTANCES FIRST (and the ZEO server); goov-restore refuses
while the FileStorage is locked or other sessions use the PostgreSQL database.
What it replaces is moved aside, never deleted: files into
$GOOV_VAR_DIR/restore-aside/<time>/, a PostgreSQL database to <db>_pre_restore_<time>.

The plans (paths, commands, choosing a set) are in goov.deploy.backup.
"""

from contextlib import contextmanager
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from goov.deploy.backup import ASIDE_DIR
from goov.deploy.backup import aside_name
from goov.deploy.backup import audit_location
from goov.deploy.backup import AuditLocation
from goov.deploy.backup import backup_layout
from goov.deploy.backup import BackupError
from goov.deploy.backup import BackupSet
from goov.deploy.backup import choose_set
from goov.deploy.backup import filestorage_paths
from goov.deploy.backup import human_size
from goov.deploy.backup import latest_repozo_stamp
from goov.deploy.backup import latest_snapshot
from goov.deploy.backup import Layout
from goov.deploy.backup import move_aside
from goov.deploy.backup import parse_date
from goov.deploy.backup import parse_keep_days
from goov.deploy.backup import PARTIAL
from goov.deploy.backup import pg_dump_command
from goov.deploy.backup import pg_env
from goov.deploy.backup import pg_restore_command
from goov.deploy.backup import prune_plan
from goov.deploy.backup import PrunePlan
from goov.deploy.backup import read_sets
from goov.deploy.backup import repozo_backup_command
from goov.deploy.backup import repozo_restore_command
from goov.deploy.backup import snapshot_tree
from goov.deploy.backup import sqlite_companions
from goov.deploy.backup import stamp
from goov.deploy.backup import tree_size
from goov.deploy.backup import write_set
from goov.deploy.settings import RelStorageDb
from goov.deploy.settings import Settings
from goov.deploy.settings import SettingsError
from pathlib import Path

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import time


MAINTENANCE_DB = "postgres"


def _now() -> str:
    return stamp(datetime.now(timezone.utc))


def _say(command: str, message: str) -> None:
    print(f"{command}: {message}", flush=True)


def _load(env: dict[str, str]) -> tuple[Settings, Layout]:
    repo = Path(env.get("GOOV_REPO_DIR") or Path.cwd())
    settings = Settings.from_env(env, repo)
    return settings, backup_layout(env, settings)


def _audit(settings: Settings) -> AuditLocation:
    # As goov-start: the audit log sits beside the database unless told otherwise.
    os.environ.setdefault("GOOV_VAR_DIR", str(settings.var_dir))
    from goov.audit.store import database_url

    return audit_location(database_url(), settings.db)


def _tool(name: str) -> str:
    """A command-line tool: the venv's (repozo), the PATH's (pg_dump)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found on the PATH")
    return found


def _run(command: list[str], env: dict[str, str] | None = None) -> str:
    result = subprocess.run(  # noqa: S603 - our own argument lists, no shell
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(
            f"{Path(command[0]).name} failed ({result.returncode}):\n"
            f"{result.stderr.strip() or result.stdout.strip()}"
        )
    return result.stdout


class Clock:
    """Durations per step, for the report and the set file."""

    def __init__(self):
        self.durations: dict[str, float] = {}
        self.started = time.monotonic()

    @contextmanager
    def step(self, name: str):
        start = time.monotonic()
        try:
            yield
        finally:
            self.durations[name] = round(time.monotonic() - start, 3)

    @property
    def total(self) -> float:
        return round(time.monotonic() - self.started, 3)


# --- backup ---------------------------------------------------------------------


def _new_set_id(layout: Layout) -> str:
    """A fresh stamp (repozo names its files by the second: never reuse one)."""
    set_id = _now()
    while layout.set_file(set_id).exists() or set_id == latest_repozo_stamp(
        os.listdir(layout.repozo_dir) if layout.repozo_dir.is_dir() else []
    ):
        time.sleep(0.2)
        set_id = _now()
    return set_id


def _backup_filestorage(
    settings: Settings, layout: Layout, backup: BackupSet, clock: Clock, full: bool
) -> None:
    paths = filestorage_paths(settings)
    if not paths.data_fs.exists():
        raise BackupError(f"no database to back up: {paths.data_fs} does not exist")
    layout.repozo_dir.mkdir(parents=True, exist_ok=True)
    layout.blobs_dir.mkdir(parents=True, exist_ok=True)
    before = set(os.listdir(layout.repozo_dir))
    command = repozo_backup_command(
        _tool("repozo"), layout.repozo_dir, paths.data_fs, full=full
    )
    with clock.step("repozo"):
        _run(command)
    new = sorted(set(os.listdir(layout.repozo_dir)) - before)
    backup.repozo = latest_repozo_stamp(os.listdir(layout.repozo_dir))
    if backup.repozo is None:
        raise BackupError("repozo wrote no backup file")
    written = [n for n in new if n.startswith(backup.repozo)]
    size = sum((layout.repozo_dir / n).stat().st_size for n in written)
    backup.sizes["repozo"] = size
    backup.sizes["data_fs"] = paths.data_fs.stat().st_size
    kind = (
        "full" if any(n.endswith((".fs", ".fsz")) for n in written) else "incremental"
    )
    if not written:
        kind = "no changes since the last backup"
    _say(
        "goov-backup",
        f"repozo ({kind}) of {paths.data_fs} ({human_size(backup.sizes['data_fs'])}) "
        f"in {clock.durations['repozo']:.2f} s: {human_size(size)} written",
    )
    # After repozo: the snapshot then holds every blob the repozo state refers to.
    target = layout.blobs_dir / backup.id
    for stale in layout.blobs_dir.glob(f"*{PARTIAL}"):
        shutil.rmtree(stale)  # left by an interrupted run
    if paths.blob_dir.is_dir():
        with clock.step("blobs"):
            result = snapshot_tree(
                paths.blob_dir, target, latest_snapshot(layout.blobs_dir)
            )
        backup.blobs = str(target.relative_to(layout.root))
        backup.sizes["blobs"] = result.bytes
        _say(
            "goov-backup",
            f"blobs: {result.files} files ({human_size(result.bytes)}; "
            f"{result.copied} copied, {result.linked} unchanged and hard-linked) "
            f"in {clock.durations['blobs']:.2f} s",
        )


def _pg_dump(db: RelStorageDb, output: Path, env: dict[str, str]) -> int:
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + PARTIAL)
    try:
        _run(pg_dump_command(_tool("pg_dump"), db, partial), env=pg_env(db, env))
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, output)
    return output.stat().st_size


def _backup_relstorage(
    settings: Settings, layout: Layout, backup: BackupSet, clock: Clock, env
) -> None:
    db = settings.db
    output = layout.dumps_dir / f"{backup.id}.dump"
    with clock.step("pg_dump"):
        size = _pg_dump(db, output, env)
    backup.dump = str(output.relative_to(layout.root))
    backup.sizes["dump"] = size
    _say(
        "goov-backup",
        f"pg_dump of {db.dbname} on {db.host}:{db.port} (objects and blobs) "
        f"in {clock.durations['pg_dump']:.2f} s: {human_size(size)}",
    )


def _backup_audit(
    audit: AuditLocation, layout: Layout, backup: BackupSet, clock: Clock, env
) -> None:
    backup.audit_kind = audit.kind
    if audit.kind == "in-database":
        backup.audit = "in-dump"
        _say("goov-backup", "audit log: in the database dump")
        return
    if audit.kind == "postgresql":
        output = layout.dumps_dir / f"{backup.id}-audit.dump"
        with clock.step("audit"):
            size = _pg_dump(audit.db, output, env)
    else:
        if not audit.path.exists():
            _say("goov-backup", f"audit log: {audit.path} does not exist yet")
            return
        output = layout.audit_dir / f"{backup.id}.sqlite"
        with clock.step("audit"):
            size = sqlite_backup(audit.path, output)
    backup.audit = str(output.relative_to(layout.root))
    backup.sizes["audit"] = size
    _say(
        "goov-backup",
        f"audit log ({audit.kind}) in {clock.durations['audit']:.2f} s: "
        f"{human_size(size)}",
    )


def sqlite_backup(source: Path, output: Path) -> int:
    """SQLite's online backup API: consistent while the portal appends."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + PARTIAL)
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(partial)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.replace(partial, output)
    return output.stat().st_size


def backup(env: dict[str, str], full: bool = False) -> BackupSet:
    settings, layout = _load(env)
    audit = _audit(settings)
    layout.root.mkdir(parents=True, exist_ok=True)
    kind = "relstorage" if isinstance(settings.db, RelStorageDb) else "filestorage"
    backup_set = BackupSet(id=_new_set_id(layout), kind=kind)
    clock = Clock()
    _say("goov-backup", f"backup set {backup_set.id} into {layout.root}")
    if isinstance(settings.db, RelStorageDb):
        _backup_relstorage(settings, layout, backup_set, clock, env)
    else:
        _backup_filestorage(settings, layout, backup_set, clock, full)
    _backup_audit(audit, layout, backup_set, clock, env)
    backup_set.durations = {**clock.durations, "total": clock.total}
    write_set(layout, backup_set)
    _say(
        "goov-backup",
        f"backup set {backup_set.id} complete in {clock.total:.2f} s; "
        f"the backup directory holds {human_size(tree_size(layout.root))}",
    )
    return backup_set


def prune(env: dict[str, str], keep_days: int) -> PrunePlan:
    """Delete backup sets older than keep_days (and what only they needed)."""
    _settings, layout = _load(env)
    cutoff = stamp(datetime.now(timezone.utc) - timedelta(days=keep_days))
    names = os.listdir(layout.repozo_dir) if layout.repozo_dir.is_dir() else []
    plan = prune_plan(read_sets(layout), names, cutoff)
    freed = 0
    for backup_set in plan.sets:
        for relative in (backup_set.blobs, backup_set.dump, backup_set.audit):
            if not relative or relative == "in-dump":
                continue
            path = layout.root / relative
            if path.is_dir():
                freed += tree_size(path)
                shutil.rmtree(path)
            elif path.exists():
                freed += path.stat().st_size
                path.unlink()
        audit_dump = layout.dumps_dir / f"{backup_set.id}-audit.dump"
        if audit_dump.exists():
            freed += audit_dump.stat().st_size
            audit_dump.unlink()
        layout.set_file(backup_set.id).unlink()
    for name in plan.repozo_files:
        path = layout.repozo_dir / name
        freed += path.stat().st_size
        path.unlink()
    if plan.sets or plan.repozo_files:
        _say(
            "goov-backup",
            f"pruned {len(plan.sets)} backup set(s) older than {keep_days} days and "
            f"{len(plan.repozo_files)} repozo file(s): {human_size(freed)} freed "
            "(hard-linked blobs stay while a newer snapshot has them)",
        )
    return plan


def backup_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="goov-backup", description=__doc__.split("\n\n")[1]
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="FileStorage: a full repozo backup instead of an incremental one",
    )
    parser.add_argument(
        "--keep-days",
        default=os.environ.get("GOOV_BACKUP_KEEP_DAYS"),
        help="after the backup, delete sets older than this many days "
        "(default GOOV_BACKUP_KEEP_DAYS; unset: keep all)",
    )
    args = parser.parse_args(argv)
    env = dict(os.environ)
    try:
        keep_days = parse_keep_days(args.keep_days)
        backup(env, full=args.full)
        if keep_days:
            prune(env, keep_days)
    except (BackupError, SettingsError) as exc:
        print(f"goov-backup: {exc}", file=sys.stderr)
        return 2
    return 0


# --- restore ----------------------------------------------------------------------


@contextmanager
def filestorage_locked(lock_file: Path):
    """Hold the FileStorage's own lock: refuse while an instance (or ZEO) has it."""
    import zc.lockfile

    lock_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        lock = zc.lockfile.LockFile(str(lock_file))
    except zc.lockfile.LockError as exc:
        raise BackupError(
            f"{lock_file.parent / lock_file.stem} is in use: stop every instance "
            "(and the ZEO server) before restoring"
        ) from exc
    try:
        yield
    finally:
        lock.close()


def _connect(db: RelStorageDb, dbname: str):
    import psycopg2

    kwargs = {"host": db.host, "port": db.port, "dbname": dbname}
    if db.user:
        kwargs["user"] = db.user
    if db.password:
        kwargs["password"] = db.password
    connection = psycopg2.connect(**kwargs)
    connection.autocommit = True
    return connection


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _restore_database(db: RelStorageDb, dump: Path, env: dict[str, str]) -> str | None:
    """Rename the current database aside, restore into a new one; roll back on error.

    Returns the name the old database was moved to (None when there was none).
    """
    import psycopg2

    try:
        return _replace_database(db, dump, env)
    except psycopg2.Error as exc:
        where = f"{db.host}:{db.port}/{db.dbname}"
        raise BackupError(f"PostgreSQL ({where}): {exc}") from exc


def _replace_database(db: RelStorageDb, dump: Path, env: dict[str, str]) -> str | None:
    connection = _connect(db, env.get("GOOV_PG_MAINTENANCE_DB") or MAINTENANCE_DB)
    aside = aside_name(db.dbname, _now())
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_encoding_to_char(encoding), datcollate, datctype "
                "FROM pg_database WHERE datname = %s",
                (db.dbname,),
            )
            existing = cursor.fetchone()
            if existing:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s",
                    (db.dbname,),
                )
                sessions = cursor.fetchone()[0]
                if sessions:
                    raise BackupError(
                        f"database {db.dbname} has {sessions} open session(s): stop "
                        "every instance before restoring"
                    )
                cursor.execute(
                    f"ALTER DATABASE {_quote(db.dbname)} RENAME TO {_quote(aside)}"
                )
                encoding, collate, ctype = existing
                try:
                    cursor.execute(
                        f"CREATE DATABASE {_quote(db.dbname)} TEMPLATE template0 "
                        "ENCODING %s LC_COLLATE %s LC_CTYPE %s",
                        (encoding, collate, ctype),
                    )
                except Exception:
                    cursor.execute(
                        f"ALTER DATABASE {_quote(aside)} RENAME TO {_quote(db.dbname)}"
                    )
                    raise
            else:
                cursor.execute(
                    f"CREATE DATABASE {_quote(db.dbname)} TEMPLATE template0"
                )
        try:
            _run(pg_restore_command(_tool("pg_restore"), db, dump), env=pg_env(db, env))
        except BackupError:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP DATABASE {_quote(db.dbname)}")
                if existing:
                    cursor.execute(
                        f"ALTER DATABASE {_quote(aside)} RENAME TO {_quote(db.dbname)}"
                    )
            raise
    finally:
        connection.close()
    return aside if existing else None


def _check_set(layout: Layout, chosen: BackupSet, audit: AuditLocation, skip_audit):
    needed = [layout.root / p for p in (chosen.blobs, chosen.dump) if p]
    if chosen.audit and chosen.audit != "in-dump" and not skip_audit:
        needed.append(layout.root / chosen.audit)
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        raise BackupError(f"backup set {chosen.id} is incomplete: {', '.join(missing)}")
    if chosen.kind == "filestorage" and not chosen.repozo:
        raise BackupError(f"backup set {chosen.id} names no repozo backup")
    if not skip_audit and chosen.audit_kind and chosen.audit_kind != audit.kind:
        raise BackupError(
            f"backup set {chosen.id} holds a {chosen.audit_kind} audit log, but the "
            f"audit log is now configured as {audit.kind} (GOOV_AUDIT_DB)"
        )


def _restore_filestorage(
    settings: Settings, layout: Layout, chosen: BackupSet, aside: Path, clock: Clock
) -> list[Path]:
    paths = filestorage_paths(settings)
    moved = move_aside(paths.companions, aside / "filestorage")
    moved += move_aside([paths.blob_dir], aside)
    paths.data_fs.parent.mkdir(parents=True, exist_ok=True)
    command = repozo_restore_command(
        _tool("repozo"), layout.repozo_dir, paths.data_fs, at=chosen.repozo
    )
    with clock.step("repozo"):
        _run(command)
    _say(
        "goov-restore",
        f"repozo: {paths.data_fs} as of {chosen.repozo} "
        f"({human_size(paths.data_fs.stat().st_size)}) "
        f"in {clock.durations['repozo']:.2f} s",
    )
    if chosen.blobs:
        with clock.step("blobs"):
            shutil.copytree(layout.root / chosen.blobs, paths.blob_dir)
        _say(
            "goov-restore",
            f"blobs: {human_size(tree_size(paths.blob_dir))} into {paths.blob_dir} "
            f"in {clock.durations['blobs']:.2f} s",
        )
    else:
        paths.blob_dir.mkdir(parents=True, exist_ok=True)
    return moved


def _restore_audit(
    audit: AuditLocation,
    layout: Layout,
    chosen: BackupSet,
    aside: Path,
    clock: Clock,
    env: dict[str, str],
) -> list[Path]:
    if chosen.audit in (None, "in-dump"):
        return []
    source = layout.root / chosen.audit
    with clock.step("audit"):
        if audit.kind == "postgresql":
            old = _restore_database(audit.db, source, env)
            moved = [Path(f"postgresql:{old}")] if old else []
        else:
            moved = move_aside(sqlite_companions(audit.path), aside / "audit")
            audit.path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, audit.path)
    _say(
        "goov-restore",
        f"audit log ({audit.kind}) from {chosen.audit} "
        f"in {clock.durations['audit']:.2f} s",
    )
    return moved


def restore(
    env: dict[str, str], at: str | None = None, skip_audit: bool = False
) -> BackupSet:
    settings, layout = _load(env)
    audit = _audit(settings)
    chosen = choose_set(read_sets(layout), at)
    _check_set(layout, chosen, audit, skip_audit)
    expected = "relstorage" if isinstance(settings.db, RelStorageDb) else "filestorage"
    if chosen.kind != expected:
        raise BackupError(
            f"backup set {chosen.id} is a {chosen.kind} backup; GOOV_DB is {expected}"
        )
    clock = Clock()
    aside = settings.var_dir / ASIDE_DIR / _now()
    _say("goov-restore", f"restoring backup set {chosen.id} from {layout.root}")
    moved: list[Path] = []
    if isinstance(settings.db, RelStorageDb):
        with clock.step("pg_restore"):
            old = _restore_database(settings.db, layout.root / chosen.dump, env)
        _say(
            "goov-restore",
            f"pg_restore into {settings.db.dbname} "
            f"({human_size((layout.root / chosen.dump).stat().st_size)} dump) "
            f"in {clock.durations['pg_restore']:.2f} s"
            + (f"; the previous database is now {old}" if old else ""),
        )
        # Instances' blob caches may hold blobs of transactions the restore undid.
        moved += move_aside(sorted(settings.var_dir.glob("blobcache-*")), aside)
        if not skip_audit:
            moved += _restore_audit(audit, layout, chosen, aside, clock, env)
    else:
        with filestorage_locked(filestorage_paths(settings).lock_file):
            try:
                moved += _restore_filestorage(settings, layout, chosen, aside, clock)
                if not skip_audit:
                    moved += _restore_audit(audit, layout, chosen, aside, clock, env)
            except (BackupError, OSError) as exc:
                if aside.exists():
                    raise BackupError(
                        f"{exc}\nThe files that were in place are in {aside}: move "
                        "them back to undo."
                    ) from exc
                raise
    for path in moved:
        _say("goov-restore", f"moved aside: {path}")
    _say(
        "goov-restore",
        f"restored backup set {chosen.id} in {clock.total:.2f} s; start the "
        "instances again",
    )
    return chosen


def _confirm(chosen: str, settings_text: str) -> bool:
    answer = input(
        f"Restore backup set {chosen} over {settings_text}? The current data is moved "
        "aside. Type 'yes': "
    )
    return answer.strip().lower() == "yes"


def restore_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="goov-restore", description=__doc__.split("\n\n")[2]
    )
    parser.add_argument(
        "--date",
        help="restore the newest set at or before this UTC time "
        "(YYYY-MM-DD[-HH[-MM[-SS]]]); default: the newest set",
    )
    parser.add_argument("--list", action="store_true", help="list the backup sets")
    parser.add_argument(
        "--yes", action="store_true", help="do not ask for confirmation"
    )
    parser.add_argument(
        "--skip-audit",
        action="store_true",
        help="keep the current audit log (restore only the portal's database)",
    )
    args = parser.parse_args(argv)
    env = dict(os.environ)
    try:
        settings, layout = _load(env)
        sets = read_sets(layout)
        if args.list:
            for backup_set in sets:
                size = sum(backup_set.sizes.get(k, 0) for k in ("repozo", "dump"))
                print(
                    f"{backup_set.id}  {backup_set.kind:<11}  "
                    f"{human_size(size):>9}  audit: {backup_set.audit or '-'}"
                )
            return 0
        at = parse_date(args.date) if args.date else None
        chosen = choose_set(sets, at)
        if not args.yes:
            if not sys.stdin.isatty():
                raise BackupError("not a terminal: pass --yes to restore")
            target = (
                settings.db.dbname
                if isinstance(settings.db, RelStorageDb)
                else str(settings.var_dir)
            )
            if not _confirm(chosen.id, target):
                print("goov-restore: nothing changed", file=sys.stderr)
                return 1
        restore(env, at=at, skip_audit=args.skip_audit)
    except (BackupError, SettingsError) as exc:
        print(f"goov-restore: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(backup_main())
