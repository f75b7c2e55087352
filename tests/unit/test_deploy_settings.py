from goov.deploy.settings import FileStorageDb
from goov.deploy.settings import parse_db
from goov.deploy.settings import RelStorageDb
from goov.deploy.settings import Settings
from goov.deploy.settings import SettingsError
from goov.deploy.settings import ZeoDb
from pathlib import Path

import pytest


REPO = Path("/srv/goov")


def test_defaults():
    s = Settings.from_env({}, REPO)
    assert s.port == 8080
    assert s.host == "127.0.0.1"
    assert s.var_dir == REPO / "instance" / "var"
    assert s.db == FileStorageDb()
    assert s.admin_password == "admin"
    assert s.admin_password_is_default
    assert s.demo is True
    assert s.url == "http://localhost:8080/goov"


def test_environment_is_honoured(tmp_path):
    s = Settings.from_env(
        {
            "GOOV_PORT": "9090",
            "GOOV_HOST": "0.0.0.0",
            "GOOV_VAR_DIR": str(tmp_path),
            "GOOV_ADMIN_PASSWORD": "geheim-123",
            "GOOV_DEMO": "0",
        },
        REPO,
    )
    assert (s.port, s.host, s.var_dir) == (9090, "0.0.0.0", tmp_path)
    assert not s.admin_password_is_default
    assert s.demo is False
    assert s.zope_conf == tmp_path / "etc" / "zope.conf"


def test_relative_var_dir_is_under_repo():
    s = Settings.from_env({"GOOV_VAR_DIR": "var2"}, REPO)
    assert s.var_dir == REPO / "var2"


@pytest.mark.parametrize(
    "env,name",
    [
        ({"GOOV_PORT": "abc"}, "GOOV_PORT"),
        ({"GOOV_PORT": "70000"}, "GOOV_PORT"),
        ({"GOOV_PORT": "0"}, "GOOV_PORT"),
        ({"GOOV_DEMO": "maybe"}, "GOOV_DEMO"),
        ({"GOOV_ADMIN_PASSWORD": ""}, "GOOV_ADMIN_PASSWORD"),
        ({"GOOV_DB": "mysql://x@y/z"}, "GOOV_DB"),
        ({"GOOV_DB": "zeo://host"}, "GOOV_DB"),
        ({"GOOV_DB": "postgresql://user@host:5432/"}, "GOOV_DB"),
        ({"GOOV_DB": "postgresql://user@host:port/db"}, "GOOV_DB"),
    ],
)
def test_bad_values_name_the_variable(env, name):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env(env, REPO)


def test_parse_relstorage():
    db = parse_db("postgresql://goov:pw%40x@db.local:5433/goovdb")
    assert db == RelStorageDb(
        host="db.local", port=5433, dbname="goovdb", user="goov", password="pw@x"
    )
    assert db.dsn == (
        "dbname='goovdb' host='db.local' port='5433' user='goov' password='pw@x'"
    )


def test_parse_relstorage_default_port():
    assert parse_db("postgresql://root@127.0.0.1/goov").port == 5432


def test_parse_zeo():
    assert parse_db("zeo://127.0.0.1:8100") == ZeoDb(host="127.0.0.1", port=8100)


def test_empty_is_filestorage():
    assert parse_db("  ") == FileStorageDb()
