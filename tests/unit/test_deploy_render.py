from goov.deploy.render import fill
from goov.deploy.render import render
from goov.deploy.render import TemplateError
from goov.deploy.settings import Settings
from pathlib import Path

import configparser
import pytest


REPO = Path(__file__).resolve().parents[2]


def test_fill_replaces_and_refuses_unknown():
    assert fill("a {{x}} b", {"x": "1"}) == "a 1 b"
    with pytest.raises(TemplateError, match="missing"):
        fill("{{missing}}", {})


def rendered(tmp_path, **env) -> dict[str, str]:
    settings = Settings.from_env({"GOOV_VAR_DIR": str(tmp_path), **env}, REPO)
    return {p.name: p.read_text() for p in render(settings)}


def test_filestorage(tmp_path):
    files = rendered(tmp_path, GOOV_PORT="8123")
    conf = files["zope.conf"]
    assert f"path {tmp_path}/filestorage/Data.fs" in conf
    assert f"blob-dir {tmp_path}/blobstorage" in conf
    assert "{{" not in conf
    ini = configparser.ConfigParser(interpolation=None)
    ini.read_string(files["zope.ini"])
    assert ini["server:main"]["port"] == "8123"
    assert ini["server:main"]["host"] == "127.0.0.1"
    assert str(tmp_path / "log" / "event.log") in files["zope.ini"]
    assert "Products.Five" in files["site.zcml"]
    for sub in ("log", "filestorage", "blobstorage"):
        assert (tmp_path / sub).is_dir()


def test_relstorage(tmp_path):
    conf = rendered(tmp_path, GOOV_DB="postgresql://root@127.0.0.1:5432/goov")[
        "zope.conf"
    ]
    assert "%import relstorage" in conf
    assert "keep-history false" in conf
    assert "dsn dbname='goov' host='127.0.0.1' port='5432' user='root'" in conf
    assert "<filestorage>" not in conf


def test_zeo(tmp_path):
    conf = rendered(tmp_path, GOOV_DB="zeo://127.0.0.1:8100", GOOV_PORT="8081")[
        "zope.conf"
    ]
    assert "%import ZEO" in conf
    assert "server 127.0.0.1:8100" in conf
    assert f"blob-dir {tmp_path}/blobcache-8081" in conf


def test_rendered_zope_conf_is_valid_zconfig(tmp_path):
    """Zope's own schema accepts all three variants."""
    from Zope2.Startup.options import ZopeWSGIOptions

    for db in ("", "postgresql://root@127.0.0.1:5432/goov", "zeo://127.0.0.1:8100"):
        var = tmp_path / (db.split(":")[0] or "fs")
        rendered(var, GOOV_DB=db)
        settings = Settings.from_env({"GOOV_VAR_DIR": str(var), "GOOV_DB": db}, REPO)
        opts = ZopeWSGIOptions(configfile=str(settings.zope_conf))()
        assert opts.configroot.instancehome == str(var)
