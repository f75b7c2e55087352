"""The ZEO server configuration (goov-zeo) and per-process files on a shared var dir."""

from goov.deploy.render import render
from goov.deploy.settings import Settings
from goov.deploy.settings import SettingsError
from goov.deploy.zeo import render_zeo
from goov.deploy.zeo import ZeoSettings
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parents[2]


def zeo_settings(tmp_path, **env) -> ZeoSettings:
    return ZeoSettings.from_env({"GOOV_VAR_DIR": str(tmp_path), **env}, REPO)


def test_defaults(tmp_path):
    settings = zeo_settings(tmp_path)
    assert (settings.host, settings.port) == ("127.0.0.1", 8100)
    assert settings.zeo_dir == tmp_path / "zeo"
    assert settings.conf == tmp_path / "etc" / "zeo.conf"
    assert settings.client_url == "zeo://127.0.0.1:8100"


def test_default_var_dir_is_the_instance_var():
    assert ZeoSettings.from_env({}, REPO).var_dir == REPO / "instance" / "var"


def test_listening_on_all_interfaces_gives_a_usable_client_url(tmp_path):
    settings = zeo_settings(tmp_path, GOOV_ZEO_HOST="0.0.0.0", GOOV_ZEO_PORT="9100")
    assert settings.address == "0.0.0.0:9100"
    assert settings.client_url == "zeo://127.0.0.1:9100"


@pytest.mark.parametrize(
    "env,name",
    [
        ({"GOOV_ZEO_PORT": "eighty"}, "GOOV_ZEO_PORT"),
        ({"GOOV_ZEO_PORT": "70000"}, "GOOV_ZEO_PORT"),
        ({"GOOV_ZEO_HOST": "a b"}, "GOOV_ZEO_HOST"),
        ({"GOOV_ZEO_HOST": "host:1"}, "GOOV_ZEO_HOST"),
    ],
)
def test_bad_values_name_the_variable(tmp_path, env, name):
    with pytest.raises(SettingsError, match=name):
        zeo_settings(tmp_path, **env)


def test_render(tmp_path):
    conf = render_zeo(zeo_settings(tmp_path, GOOV_ZEO_PORT="8123")).read_text()
    assert "address 127.0.0.1:8123" in conf
    assert f"path {tmp_path}/zeo/Data.fs" in conf
    assert f"blob-dir {tmp_path}/zeo/blobs" in conf
    assert f"pid-filename {tmp_path}/zeo/zeo.pid" in conf
    assert f"path {tmp_path}/log/zeo.log" in conf
    assert "{{" not in conf
    for sub in ("etc", "zeo", "log"):
        assert (tmp_path / sub).is_dir()


def test_rendered_zeo_conf_is_valid_for_runzeo(tmp_path):
    """ZEO's own option parser (what runzeo uses) accepts the file."""
    from ZEO.runzeo import ZEOOptions

    settings = zeo_settings(tmp_path, GOOV_ZEO_PORT="8124")
    conf = render_zeo(settings)
    options = ZEOOptions()
    options.realize(["-C", str(conf)])
    assert options.address == ("127.0.0.1", 8124)
    assert options.pid_file == str(tmp_path / "zeo" / "zeo.pid")
    (storage,) = options.storages
    assert storage.name == "1"
    assert storage.config.path == str(tmp_path / "zeo" / "Data.fs")
    assert storage.config.blob_dir == str(tmp_path / "zeo" / "blobs")


def test_instances_on_a_shared_var_dir_have_their_own_files(tmp_path):
    """Two ZEO/RelStorage clients on one var dir: own zope.conf, zope.ini, logs
    and blob cache; one site.zcml."""
    files = {}
    for port in ("8081", "8082"):
        settings = Settings.from_env(
            {
                "GOOV_VAR_DIR": str(tmp_path),
                "GOOV_PORT": port,
                "GOOV_DB": "zeo://127.0.0.1:8100",
            },
            REPO,
        )
        written = render(settings)
        files[port] = {p.name: p for p in written}
        assert settings.zope_conf == tmp_path / "etc" / f"instance-{port}" / "zope.conf"
        assert settings.log_dir == tmp_path / "log" / f"instance-{port}"
        assert settings.log_dir.is_dir()
    for port, other in (("8081", "8082"), ("8082", "8081")):
        ini = files[port]["zope.ini"].read_text()
        conf = files[port]["zope.conf"].read_text()
        assert f"port = {port}" in ini
        assert f"log/instance-{port}/event.log" in ini
        assert f"blobcache-{port}" in conf
        assert f"blobcache-{other}" not in conf
    assert files["8081"]["site.zcml"] == files["8082"]["site.zcml"]
    assert files["8081"]["site.zcml"] == tmp_path / "etc" / "site.zcml"
    assert not list((tmp_path / "etc").rglob(".*"))  # no temporary files left


def test_filestorage_keeps_one_configuration(tmp_path):
    settings = Settings.from_env({"GOOV_VAR_DIR": str(tmp_path)}, REPO)
    render(settings)
    assert settings.zope_conf == tmp_path / "etc" / "zope.conf"
    assert settings.log_dir == tmp_path / "log"
    assert not settings.shares_database
