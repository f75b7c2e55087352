"""Read GOOV_* environment variables into validated settings.

Kept free of Zope imports so that it can be unit-tested and used before Zope starts.
"""

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from urllib.parse import unquote
from urllib.parse import urlsplit


DEFAULT_PORT = 8080
DEFAULT_HOST = "127.0.0.1"
DEFAULT_ADMIN_PASSWORD = "admin"  # noqa: S105 - documented default, warned about
SITE_ID = "goov"


class SettingsError(ValueError):
    """A GOOV_* variable has a value we cannot use; the message names it."""


@dataclass(frozen=True)
class FileStorageDb:
    """The embedded default: ZODB FileStorage plus a blob directory."""

    kind: str = "filestorage"


@dataclass(frozen=True)
class RelStorageDb:
    """RelStorage on PostgreSQL, history-free."""

    host: str
    port: int
    dbname: str
    user: str = ""
    password: str = ""
    kind: str = "relstorage"

    @property
    def dsn(self) -> str:
        parts = [
            f"dbname='{self.dbname}'",
            f"host='{self.host}'",
            f"port='{self.port}'",
        ]
        if self.user:
            parts.append(f"user='{self.user}'")
        if self.password:
            parts.append(f"password='{self.password}'")
        return " ".join(parts)


@dataclass(frozen=True)
class ZeoDb:
    """A ZEO client of a ZEO server at host:port."""

    host: str
    port: int
    kind: str = "zeo"


Db = FileStorageDb | RelStorageDb | ZeoDb


def parse_db(value: str) -> Db:
    """Parse GOOV_DB: empty, postgresql://user[:pw]@host:port/db or zeo://host:port."""
    value = (value or "").strip()
    if not value:
        return FileStorageDb()
    parts = urlsplit(value)
    try:
        port = parts.port
    except ValueError as exc:
        raise SettingsError(f"GOOV_DB: invalid port in {value!r}") from exc
    if parts.scheme in ("postgresql", "postgres"):
        dbname = parts.path.lstrip("/")
        if not parts.hostname or not dbname:
            raise SettingsError(
                f"GOOV_DB: expected postgresql://user@host:port/dbname, got {value!r}"
            )
        return RelStorageDb(
            host=parts.hostname,
            port=port or 5432,
            dbname=unquote(dbname),
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
        )
    if parts.scheme == "zeo":
        if not parts.hostname or not port:
            raise SettingsError(f"GOOV_DB: expected zeo://host:port, got {value!r}")
        return ZeoDb(host=parts.hostname, port=port)
    raise SettingsError(
        f"GOOV_DB: unsupported scheme {parts.scheme!r}; use empty (FileStorage), "
        "postgresql://… (RelStorage) or zeo://host:port"
    )


def parse_port(value: str | None, name: str = "GOOV_PORT") -> int:
    if value is None or value.strip() == "":
        return DEFAULT_PORT
    try:
        port = int(value)
    except ValueError as exc:
        raise SettingsError(f"{name}: not a number: {value!r}") from exc
    if not 0 < port < 65536:
        raise SettingsError(f"{name}: out of range 1-65535: {port}")
    return port


def parse_flag(name: str, value: str | None, default: bool) -> bool:
    if value is None or value.strip() == "":
        return default
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name}: expected 0 or 1, got {value!r}")


@dataclass(frozen=True)
class Settings:
    repo_dir: Path
    var_dir: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    db: Db = field(default_factory=FileStorageDb)
    admin_password: str = DEFAULT_ADMIN_PASSWORD
    demo: bool = True
    site_id: str = SITE_ID
    smtp_host: str = "localhost"
    smtp_port: int = 25
    mail_from: str = "goov@localhost"

    @property
    def instance_dir(self) -> Path:
        """The checked-in templates."""
        return self.repo_dir / "instance"

    @property
    def etc_dir(self) -> Path:
        """Where the rendered configuration goes (per var dir, so instances differ)."""
        return self.var_dir / "etc"

    @property
    def shares_database(self) -> bool:
        """RelStorage and ZEO: several processes may serve one portal."""
        return not isinstance(self.db, FileStorageDb)

    @property
    def instance_name(self) -> str:
        """Tells the processes on one var dir apart (files of their own)."""
        return f"instance-{self.port}"

    @property
    def instance_etc_dir(self) -> Path:
        """zope.conf and zope.ini of this process.

        A FileStorage var dir has one process (Data.fs is locked), so they sit in
        etc/. Client storages let several processes with different ports share a
        var dir; each renders and reads its own copy in etc/instance-<port>/.
        """
        if self.shares_database:
            return self.etc_dir / self.instance_name
        return self.etc_dir

    @property
    def log_dir(self) -> Path:
        """event.log and access.log; per process when the var dir can be shared."""
        if self.shares_database:
            return self.var_dir / "log" / self.instance_name
        return self.var_dir / "log"

    @property
    def zope_conf(self) -> Path:
        return self.instance_etc_dir / "zope.conf"

    @property
    def zope_ini(self) -> Path:
        return self.instance_etc_dir / "zope.ini"

    @property
    def admin_password_is_default(self) -> bool:
        return self.admin_password == DEFAULT_ADMIN_PASSWORD

    @property
    def url(self) -> str:
        host = "localhost" if self.host in ("127.0.0.1", "0.0.0.0") else self.host  # noqa: S104
        return f"http://{host}:{self.port}/{self.site_id}"

    @classmethod
    def from_env(cls, env: dict[str, str], repo_dir: Path) -> "Settings":
        var = env.get("GOOV_VAR_DIR", "").strip()
        var_dir = Path(var) if var else repo_dir / "instance" / "var"
        if not var_dir.is_absolute():
            var_dir = repo_dir / var_dir
        password = env.get("GOOV_ADMIN_PASSWORD")
        if password is not None and password == "":
            raise SettingsError("GOOV_ADMIN_PASSWORD: must not be empty")
        return cls(
            repo_dir=repo_dir,
            var_dir=var_dir.resolve(),
            host=env.get("GOOV_HOST", "").strip() or DEFAULT_HOST,
            port=parse_port(env.get("GOOV_PORT")),
            db=parse_db(env.get("GOOV_DB", "")),
            admin_password=password or DEFAULT_ADMIN_PASSWORD,
            demo=parse_flag("GOOV_DEMO", env.get("GOOV_DEMO"), default=True),
            smtp_host=env.get("GOOV_SMTP_HOST", "").strip() or "localhost",
            smtp_port=parse_port(env.get("GOOV_SMTP_PORT") or "25", "GOOV_SMTP_PORT"),
            mail_from=env.get("GOOV_MAIL_FROM", "").strip() or "goov@localhost",
        )
