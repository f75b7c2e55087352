"""Render the checked-in instance templates into a var directory."""

from goov.deploy.settings import Db
from goov.deploy.settings import FileStorageDb
from goov.deploy.settings import RelStorageDb
from goov.deploy.settings import Settings
from goov.deploy.settings import ZeoDb
from pathlib import Path

import re


PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
TEMPLATES = {
    "zope.conf.in": "zope.conf",
    "zope.ini.in": "zope.ini",
    "site.zcml": "site.zcml",
}


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
        return (
            "<zodb_db main>\n"
            "    mount-point /\n"
            "    cache-size 30000\n"
            "    <blobstorage>\n"
            f"        blob-dir {var_dir}/blobstorage\n"
            "        <filestorage>\n"
            f"            path {var_dir}/filestorage/Data.fs\n"
            "        </filestorage>\n"
            "    </blobstorage>\n"
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
        "etc_dir": str(settings.etc_dir),
        "log_dir": str(var / "log"),
        "host": settings.host,
        "port": str(settings.port),
        "storage": storage_block(settings.db, var, settings.port),
    }


def render(settings: Settings) -> list[Path]:
    """Write the rendered configuration into settings.etc_dir; return the files."""
    values = template_values(settings)
    for sub in ("etc", "log", "filestorage", "blobstorage", "cache"):
        (settings.var_dir / sub).mkdir(parents=True, exist_ok=True)
    written = []
    for source, target in TEMPLATES.items():
        text = (settings.instance_dir / source).read_text(encoding="utf-8")
        path = settings.etc_dir / target
        path.write_text(fill(text, values), encoding="utf-8")
        written.append(path)
    return written
