"""The ZEO server's configuration: instance/zeo.conf.in rendered into a var dir.

`goov-zeo` (`make zeo`) renders it and runs the server; instances then use
GOOV_DB=zeo://host:port. Plain Python (no Zope imports), so it is unit-testable.
"""

from dataclasses import dataclass
from goov.deploy.render import fill
from goov.deploy.render import write_atomically
from goov.deploy.settings import parse_port
from goov.deploy.settings import SettingsError
from pathlib import Path


DEFAULT_ZEO_PORT = 8100
DEFAULT_ZEO_HOST = "127.0.0.1"
TEMPLATE = "zeo.conf.in"


@dataclass(frozen=True)
class ZeoSettings:
    repo_dir: Path
    var_dir: Path
    host: str = DEFAULT_ZEO_HOST
    port: int = DEFAULT_ZEO_PORT

    @property
    def template(self) -> Path:
        return self.repo_dir / "instance" / TEMPLATE

    @property
    def zeo_dir(self) -> Path:
        """Data.fs, blobs and the pid file of the ZEO server."""
        return self.var_dir / "zeo"

    @property
    def conf(self) -> Path:
        return self.var_dir / "etc" / "zeo.conf"

    @property
    def log_dir(self) -> Path:
        return self.var_dir / "log"

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def client_url(self) -> str:
        """What instances put in GOOV_DB."""
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host  # noqa: S104
        return f"zeo://{host}:{self.port}"

    @classmethod
    def from_env(cls, env: dict[str, str], repo_dir: Path) -> "ZeoSettings":
        var = env.get("GOOV_VAR_DIR", "").strip()
        var_dir = Path(var) if var else repo_dir / "instance" / "var"
        if not var_dir.is_absolute():
            var_dir = repo_dir / var_dir
        port_value = env.get("GOOV_ZEO_PORT", "").strip() or str(DEFAULT_ZEO_PORT)
        host = env.get("GOOV_ZEO_HOST", "").strip() or DEFAULT_ZEO_HOST
        if any(c.isspace() for c in host) or ":" in host:
            raise SettingsError(f"GOOV_ZEO_HOST: not a host name or address: {host!r}")
        return cls(
            repo_dir=repo_dir,
            var_dir=var_dir.resolve(),
            host=host,
            port=parse_port(port_value, "GOOV_ZEO_PORT"),
        )


def zeo_values(settings: ZeoSettings) -> dict[str, str]:
    return {
        "address": settings.address,
        "var_dir": str(settings.var_dir),
        "zeo_dir": str(settings.zeo_dir),
        "log_dir": str(settings.log_dir),
    }


def render_zeo(settings: ZeoSettings) -> Path:
    """Write $GOOV_VAR_DIR/etc/zeo.conf (and the directories it names)."""
    for directory in (settings.conf.parent, settings.zeo_dir, settings.log_dir):
        directory.mkdir(parents=True, exist_ok=True)
    text = settings.template.read_text(encoding="utf-8")
    write_atomically(settings.conf, fill(text, zeo_values(settings)))
    return settings.conf
