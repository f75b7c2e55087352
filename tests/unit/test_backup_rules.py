"""Backup and restore plans (goov.deploy.backup): paths, commands, choosing a set."""

from goov.deploy.backup import aside_name
from goov.deploy.backup import audit_location
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
from goov.deploy.backup import pg_dump_command
from goov.deploy.backup import pg_env
from goov.deploy.backup import pg_restore_command
from goov.deploy.backup import prune_plan
from goov.deploy.backup import read_sets
from goov.deploy.backup import repozo_backup_command
from goov.deploy.backup import repozo_restore_command
from goov.deploy.backup import repozo_stamps
from goov.deploy.backup import snapshot_tree
from goov.deploy.backup import sqlite_companions
from goov.deploy.backup import stamp
from goov.deploy.backup import write_set
from goov.deploy.settings import parse_db
from goov.deploy.settings import Settings
from pathlib import Path

import datetime
import os
import pytest


REPO = Path("/srv/goov")
PG = "postgresql://goov:s3cret@db.example.org:5433/goov"


def settings(**env) -> Settings:
    return Settings.from_env(env, REPO)


def test_backup_dir_defaults_to_var_backups():
    s = settings(GOOV_VAR_DIR="/data/var")
    assert backup_layout({}, s).root == Path("/data/var/backups")
    layout = backup_layout({"GOOV_BACKUP_DIR": "/mnt/backup/goov"}, s)
    assert layout.root == Path("/mnt/backup/goov")
    assert layout.repozo_dir == Path("/mnt/backup/goov/filestorage")
    assert layout.set_file("2026-01-02-03-04-05") == Path(
        "/mnt/backup/goov/sets/2026-01-02-03-04-05.json"
    )
    relative = backup_layout({"GOOV_BACKUP_DIR": "backups"}, s)
    assert relative.root == REPO / "backups"


def test_filestorage_paths_follow_render():
    s = settings(GOOV_VAR_DIR="/data/var")
    paths = filestorage_paths(s)
    assert paths.data_fs == Path("/data/var/filestorage/Data.fs")
    assert paths.blob_dir == Path("/data/var/blobstorage")
    assert paths.lock_file == Path("/data/var/filestorage/Data.fs.lock")
    assert Path("/data/var/filestorage/Data.fs.index") in paths.companions
    assert paths.lock_file not in paths.companions


def test_zeo_backs_up_the_servers_filestorage():
    s = settings(GOOV_VAR_DIR="/data/var", GOOV_DB="zeo://127.0.0.1:8100")
    paths = filestorage_paths(s)
    assert paths.data_fs == Path("/data/var/zeo/Data.fs")
    assert paths.blob_dir == Path("/data/var/zeo/blobs")


def test_relstorage_has_no_filestorage():
    with pytest.raises(BackupError):
        filestorage_paths(settings(GOOV_DB=PG))


def test_audit_location_sqlite():
    found = audit_location("sqlite:////data/var/audit.sqlite", parse_db(""))
    assert (found.kind, found.path) == ("sqlite", Path("/data/var/audit.sqlite"))
    rel = audit_location("sqlite:///audit.sqlite", parse_db(""), cwd=Path("/w"))
    assert rel.path == Path("/w/audit.sqlite")


def test_audit_location_postgresql():
    portal = parse_db("postgresql://goov@localhost:5432/goov")
    same = audit_location("postgresql+psycopg2://goov@127.0.0.1:5432/goov", portal)
    assert same.kind == "in-database"
    other = audit_location("postgresql+psycopg2://goov@localhost/audit", portal)
    assert (other.kind, other.db.dbname) == ("postgresql", "audit")
    # With a FileStorage portal a PostgreSQL audit log is a database of its own.
    assert audit_location(PG, parse_db("")).kind == "postgresql"
    with pytest.raises(BackupError, match="GOOV_AUDIT_DB"):
        audit_location("mysql://x@y/z", portal)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2026-11-28", "2026-11-28-00-00-00"),
        ("2026-11-28-14", "2026-11-28-14-00-00"),
        ("2026-11-28-14-05-09", "2026-11-28-14-05-09"),
        ("2026-11-28T14:05", "2026-11-28-14-05-00"),
        ("2026-11-28T14:05:09Z", "2026-11-28-14-05-09"),
        ("2026-11-28 14:05:09", "2026-11-28-14-05-09"),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value", ["gisteren", "2026-11", "2026-13-01", "2026-11-28-25"]
)
def test_parse_date_refuses(value):
    with pytest.raises(BackupError, match="--date"):
        parse_date(value)


def test_stamp_is_utc():
    cet = datetime.timezone(datetime.timedelta(hours=1))
    moment = datetime.datetime(2026, 11, 28, 15, 5, 9, tzinfo=cet)
    assert stamp(moment) == "2026-11-28-14-05-09"


def test_repozo_stamps():
    names = [
        "2026-11-28-14-05-09.fsz",
        "2026-11-28-15-00-00.deltafsz",
        "2026-11-28-15-00-00.dat",
        "2026-11-28-14-05-09.index",
        "2026-11-27-10-00-00.fs",
        "notes.txt",
    ]
    assert repozo_stamps(names) == [
        ("2026-11-27-10-00-00", True),
        ("2026-11-28-14-05-09", True),
        ("2026-11-28-15-00-00", False),
    ]
    assert latest_repozo_stamp(names) == "2026-11-28-15-00-00"
    assert latest_repozo_stamp(["x.dat"]) is None


def test_repozo_commands():
    backup = repozo_backup_command("repozo", Path("/b/fs"), Path("/v/Data.fs"))
    assert backup[:2] == ["repozo", "--backup"]
    assert {"--gzip", "--quick"} <= set(backup)
    assert "--full" not in backup
    assert "--full" in repozo_backup_command(
        "repozo", Path("/b"), Path("/v"), full=True
    )
    restore = repozo_restore_command(
        "repozo", Path("/b/fs"), Path("/v/Data.fs"), at="2026-11-28-14-05-09"
    )
    assert restore[:3] == ["repozo", "--recover", "--with-verify"]
    assert restore[-2:] == ["--date", "2026-11-28-14-05-09"]
    assert restore[restore.index("--output") + 1] == "/v/Data.fs"
    assert "--date" not in repozo_restore_command("r", Path("/b"), Path("/o"))


def test_pg_commands_keep_the_password_off_the_command_line():
    db = parse_db(PG)
    dump = pg_dump_command("pg_dump", db, Path("/b/x.dump"))
    assert "--format=custom" in dump
    assert dump[-2:] == ["--dbname", "goov"]
    assert (dump[1:7]) == [
        "--host",
        "db.example.org",
        "--port",
        "5433",
        "--username",
        "goov",
    ]
    restore = pg_restore_command("pg_restore", db, Path("/b/x.dump"))
    assert {"--no-owner", "--exit-on-error"} <= set(restore)
    assert restore[-1] == "/b/x.dump"
    assert "s3cret" not in " ".join(dump + restore)
    assert pg_env(db, {"PATH": "/bin"}) == {"PATH": "/bin", "PGPASSWORD": "s3cret"}
    assert "PGPASSWORD" not in pg_env(parse_db("postgresql://u@h/d"), {})


def test_aside_name_fits_postgresql_identifiers():
    assert (
        aside_name("goov", "2026-11-28-14-05-09") == "goov_pre_restore_20261128140509"
    )
    assert len(aside_name("g" * 80, "2026-11-28-14-05-09")) == 63


def sets(*ids) -> list[BackupSet]:
    return [BackupSet(id=i, kind="filestorage", repozo=i) for i in ids]


def test_choose_set():
    available = sets(
        "2026-11-01-02-00-00", "2026-11-02-02-00-00", "2026-11-03-02-00-00"
    )
    assert choose_set(available).id == "2026-11-03-02-00-00"
    assert choose_set(available, "2026-11-02-12-00-00").id == "2026-11-02-02-00-00"
    assert choose_set(available, "2026-11-02-02-00-00").id == "2026-11-02-02-00-00"
    with pytest.raises(BackupError, match="oldest is 2026-11-01"):
        choose_set(available, "2026-10-01-00-00-00")
    with pytest.raises(BackupError, match="no backup sets"):
        choose_set([])


def test_sets_round_trip_and_partial_files_are_ignored(tmp_path):
    layout = Layout(tmp_path)
    written = BackupSet(
        id="2026-11-28-14-05-09",
        kind="relstorage",
        dump="postgresql/2026-11-28-14-05-09.dump",
        audit="in-dump",
        durations={"pg_dump": 1.5},
        sizes={"dump": 1234},
    )
    write_set(layout, written)
    (layout.sets_dir / "2026-11-29-00-00-00.json.partial").write_text("{")
    assert read_sets(layout) == [written]
    assert read_sets(Layout(tmp_path / "none")) == []


FIRST, SECOND = "2026-11-28-02-00-00", "2026-11-29-02-00-00"


def test_snapshot_links_unchanged_blobs_and_skips_tmp(tmp_path):
    blobs = tmp_path / "blobstorage"
    (blobs / "0x00" / "0x01").mkdir(parents=True)
    (blobs / "tmp").mkdir()
    (blobs / ".layout").write_text("bushy")
    (blobs / "0x00" / "0x01" / "0x03a1.blob").write_bytes(b"photo one")
    (blobs / "tmp" / "upload").write_bytes(b"half an upload")
    first = snapshot_tree(blobs, tmp_path / "snap" / FIRST)
    assert (first.files, first.copied, first.linked) == (2, 2, 0)
    assert not (tmp_path / "snap" / FIRST / "tmp").exists()

    (blobs / "0x00" / "0x01" / "0x03b2.blob").write_bytes(b"photo two")
    previous = latest_snapshot(tmp_path / "snap")
    second = snapshot_tree(blobs, tmp_path / "snap" / SECOND, previous)
    assert (second.files, second.copied, second.linked) == (3, 1, 2)
    old = tmp_path / "snap" / FIRST / "0x00" / "0x01" / "0x03a1.blob"
    new = tmp_path / "snap" / SECOND / "0x00" / "0x01" / "0x03a1.blob"
    assert os.path.samefile(old, new)
    assert (
        tmp_path / "snap" / SECOND / "0x00" / "0x01" / "0x03b2.blob"
    ).read_bytes() == (b"photo two")
    assert latest_snapshot(tmp_path / "snap").name == SECOND
    assert not list((tmp_path / "snap").glob("*.partial"))


def test_move_aside_keeps_everything(tmp_path):
    data = tmp_path / "audit.sqlite"
    data.write_text("db")
    (tmp_path / "audit.sqlite-wal").write_text("wal")
    moved = move_aside(sqlite_companions(data), tmp_path / "aside")
    assert sorted(p.name for p in moved) == ["audit.sqlite", "audit.sqlite-wal"]
    assert (tmp_path / "aside" / "audit.sqlite").read_text() == "db"
    assert not data.exists()


def test_human_size():
    assert human_size(999) == "999 B"
    assert human_size(1500) == "1.5 kB"
    assert human_size(2_500_000) == "2.5 MB"
    assert human_size(7_000_000_000_000) == "7000.0 GB"


def test_keep_days():
    assert parse_keep_days(None) is None
    assert parse_keep_days(" ") is None
    assert parse_keep_days("28") == 28
    for bad in ("0", "-3", "vier"):
        with pytest.raises(BackupError, match="GOOV_BACKUP_KEEP_DAYS"):
            parse_keep_days(bad)


def test_prune_keeps_what_the_remaining_sets_need():
    # Full on the 1st and the 8th, increments in between, one set per day.
    days = [f"2026-11-{d:02d}-02-00-00" for d in range(1, 11)]
    names = []
    for day in days:
        full = day[8:10] in ("01", "08")
        names += [f"{day}.fsz" if full else f"{day}.deltafsz", f"{day}.index"]
        if full:
            names.append(f"{day}.dat")
    available = sets(*days)
    # Keep from the 9th: the full of the 8th is needed, everything before can go.
    plan = prune_plan(available, names, "2026-11-09-00-00-00")
    assert [s.id for s in plan.sets] == days[:8]
    assert plan.repozo_files == sorted(n for n in names if n < "2026-11-08")
    assert "2026-11-08-02-00-00.fsz" not in plan.repozo_files
    # Keep from the 5th: the full of the 1st is still needed: no repozo file goes.
    plan = prune_plan(available, names, "2026-11-05-00-00-00")
    assert [s.id for s in plan.sets] == days[:4]
    assert plan.repozo_files == []
    # Everything too old: the newest set stays.
    plan = prune_plan(available, names, "2027-01-01-00-00-00")
    assert [s.id for s in plan.sets] == days[:-1]
    assert prune_plan([], names, "2027-01-01-00-00-00").sets == []


def test_prune_postgresql_sets():
    dumps = [
        BackupSet(id=f"2026-11-0{d}-02-00-00", kind="relstorage", dump="x")
        for d in (1, 2, 3)
    ]
    plan = prune_plan(dumps, [], "2026-11-02-12-00-00")
    assert [s.id for s in plan.sets] == ["2026-11-01-02-00-00", "2026-11-02-02-00-00"]
    assert plan.repozo_files == []


def test_prune_deletes_old_sets_from_disk(tmp_path):
    from goov.scripts.backup import prune

    layout = Layout(tmp_path / "backups")
    layout.repozo_dir.mkdir(parents=True)
    old, new = "2020-01-01-02-00-00", "2020-01-02-02-00-00"
    for set_id, suffix in ((old, "fsz"), (new, "fsz")):
        (layout.repozo_dir / f"{set_id}.{suffix}").write_bytes(b"x" * 10)
        (layout.blobs_dir / set_id).mkdir(parents=True)
        (layout.blobs_dir / set_id / "blob").write_bytes(b"blob")
        layout.audit_dir.mkdir(exist_ok=True)
        (layout.audit_dir / f"{set_id}.sqlite").write_bytes(b"audit")
        write_set(
            layout,
            BackupSet(
                id=set_id,
                kind="filestorage",
                repozo=set_id,
                blobs=f"blobstorage/{set_id}",
                audit=f"audit/{set_id}.sqlite",
            ),
        )
    env = {"GOOV_VAR_DIR": str(tmp_path / "var"), "GOOV_BACKUP_DIR": str(layout.root)}
    plan = prune(env, keep_days=30)
    assert [s.id for s in plan.sets] == [old]
    assert [s.id for s in read_sets(layout)] == [new]
    assert sorted(os.listdir(layout.repozo_dir)) == [f"{new}.fsz"]
    assert sorted(os.listdir(layout.blobs_dir)) == [new]
    assert sorted(os.listdir(layout.audit_dir)) == [f"{new}.sqlite"]


def test_tree_size_counts_hard_links_once(tmp_path):
    from goov.deploy.backup import tree_size

    (tmp_path / "a").write_bytes(b"x" * 100)
    os.link(tmp_path / "a", tmp_path / "b")
    (tmp_path / "c").write_bytes(b"y" * 10)
    assert tree_size(tmp_path) == 110
    assert tree_size(tmp_path / "a") == 100
