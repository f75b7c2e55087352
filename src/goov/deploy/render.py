"""Render the checked-in instance templates into a var directory."""

from goov.deploy.settings import Db
from goov.deploy.settings import FileStorageDb
from goov.deploy.settings import RelStorageDb
from goov.deploy.settings import Settings
from goov.deploy.settings import ZeoDb
from pathlib import Path

import os
import re
import tempfile


PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
# Per process (settings.instance_etc_dir): they name the port and the blob cache.
TEMPLATES = {
    "zope.conf.in": "zope.conf",
    "zope.ini.in": "zope.ini",
}
# Shared by all processes on a var dir: Zope reads $instancehome/etc/site.zcml.
SHARED_TEMPLATES = {"site.zcml": "site.zcml"}


class TemplateError(KeyError):
    """A template names a placeholder we do not provide."""


def fill(template: str, values: dict[str, str]) -> str:
    """Replace {{name}} placeholders; an unknown name is an error, not ""."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise TemplateError(f"template placeholder {{{{{name}}}}} has no value")
        return values[name]

    return PLACEHOLDER.sub(replace, template)


def storage_block(db: Db, var_dir: Path, port: int) -> str:
    """The <zodb_db main> section for the configured engine."""
    if isinstance(db, FileStorageDb):
        # FileStorage's own blob support, not the <blobstorage> wrapper: the
        # wrapper (ZODB.blob.BlobStorage) deletes an aborted transaction's blob
        # files after releasing the commit lock, and so also the files another
        # thread has just stored for a transaction that then commits (photos of
        # acknowledged signals lost under parallel intake; see docs/reliability.md).
        # Same blob directory layout, so existing var dirs keep working.
        return (
            "<zodb_db main>\n"
            "    mount-point /\n"
            "    cache-size 30000\n"
            "    <filestorage>\n"
            f"        path {var_dir}/filestorage/Data.fs\n"
            f"        blob-dir {var_dir}/blobstorage\n"
            "    </filestorage>\n"
            "</zodb_db>\n"
        )
    # Client storages keep a private blob cache per instance (port), so that several
    # instances can share one var dir on a machine without sharing a cache.
    cache = f"{var_dir}/blobcache-{port}"
    if isinstance(db, RelStorageDb):
        return (
            "%import relstorage\n"
            "<zodb_db main>\n"
            "    mount-point /\n"
            "    cache-size 30000\n"
            "    <relstorage>\n"
            "        keep-history false\n"
            f"        blob-dir {cache}\n"
            "        shared-blob-dir false\n"
            "        blob-cache-size 512mb\n"
            "        <postgresql>\n"
            f"            dsn {db.dsn}\n"
            "        </postgresql>\n"
            "    </relstorage>\n"
            "</zodb_db>\n"
        )
    if isinstance(db, ZeoDb):
        return (
            "%import ZEO\n"
            "<zodb_db main>\n"
            "    mount-point /\n"
            "    cache-size 30000\n"
            "    <zeoclient>\n"
            f"        server {db.host}:{db.port}\n"
            "        storage 1\n"
            "        name zeostorage\n"
            f"        blob-dir {cache}\n"
            "        shared-blob-dir false\n"
            "        cache-size 256MB\n"
            "    </zeoclient>\n"
            "</zodb_db>\n"
        )
    raise TypeError(f"unknown database kind: {db!r}")


def template_values(settings: Settings) -> dict[str, str]:
    var = settings.var_dir
    return {
        "instance_dir": str(settings.instance_dir),
        "var_dir": str(var),
        "etc_dir": str(settings.instance_etc_dir),
        "log_dir": str(settings.log_dir),
        "host": settings.host,
        "port": str(settings.port),
        "storage": storage_block(settings.db, var, settings.port),
    }


def write_atomically(path: Path, text: str) -> None:
    """Replace path in one step: a process starting beside us never reads half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render(settings: Settings) -> list[Path]:
    """Write the rendered configuration into the var dir; return the files."""
    values = template_values(settings)
    for sub in ("etc", "log", "filestorage", "blobstorage", "cache"):
        (settings.var_dir / sub).mkdir(parents=True, exist_ok=True)
    for own in (settings.instance_etc_dir, settings.log_dir):
        own.mkdir(parents=True, exist_ok=True)
    written = []
    targets = [(s, settings.instance_etc_dir / t) for s, t in TEMPLATES.items()]
    targets += [(s, settings.etc_dir / t) for s, t in SHARED_TEMPLATES.items()]
    for source, path in targets:
        text = (settings.instance_dir / source).read_text(encoding="utf-8")
        write_atomically(path, fill(text, values))
        written.append(path)
    return written
