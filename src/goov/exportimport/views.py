"""POST @@goov-export and @@goov-import on the site (site managers only).

Both take a JSON body (Content-Type application/json: a cross-site form cannot
send one, so this is the CSRF guard) and answer JSON:

- `@@goov-export` `{}` writes a new export directory under the export root
  (GOOV_EXPORT_DIR, default $GOOV_VAR_DIR/exports) and returns its name and counts.
- `@@goov-import` `{"directory": "<name>"}` imports such a directory (copied into
  the export root of the target) into this site, which must hold no case content.

Both are recorded in the audit log (the export holds every case's personal data).
"""

from datetime import datetime
from datetime import timezone
from goov import logger
from goov.exportimport.steps import export_site
from goov.exportimport.steps import import_site
from goov.exportimport.steps import ImportRefused
from goov.exportimport.steps import SITE_FILE
from goov.services.errors import error_body
from goov.services.errors import InputError
from goov.services.errors import read_json
from goov.services.errors import require_fields
from pathlib import Path
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five import BrowserView
from zope.interface import alsoProvides

import json
import os
import re
import transaction


NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def export_root() -> Path:
    explicit = os.environ.get("GOOV_EXPORT_DIR", "").strip()
    if explicit:
        return Path(explicit)
    var = os.environ.get("GOOV_VAR_DIR", "").strip()
    if var:
        return Path(var) / "exports"
    from App.config import getConfiguration

    return Path(getConfiguration().clienthome) / "exports"


def _audit(request, action: str, directory: str) -> None:
    from goov.audit.events import who
    from goov.audit.store import append

    user, partner = who(request)
    record = {
        "user": user,
        "partner": partner,
        "action": action,
        "object": None,
        "path": f"{export_root()}/{directory}"[-1000:],
        "type": None,
        "dossier": None,
        "status": 200,
    }

    def write(succeeded: bool) -> None:
        if not succeeded:
            return
        try:
            append(record)
        except Exception:
            logger.exception("audit: could not write %s", record)

    transaction.get().addAfterCommitHook(write)


class JsonPost(BrowserView):
    fields: set[str] = set()
    required: set[str] = set()

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        if self.request.method != "POST":
            response.setStatus(405)
            response.setHeader("Allow", "POST")
            return json.dumps(error_body("Use POST", kind="MethodNotAllowed"))
        content_type = self.request.getHeader("Content-Type") or ""
        if not content_type.startswith("application/json"):
            response.setStatus(415)
            return json.dumps(
                error_body(
                    "Send a JSON body (Content-Type: application/json)",
                    [{"field": "body", "message": "application/json expected"}],
                    kind="UnsupportedMediaType",
                )
            )
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            data = read_json(self.request)
            if not isinstance(data, dict):
                raise InputError(
                    "Invalid input", [{"field": "body", "message": "a JSON object"}]
                )
            require_fields(data, self.fields, self.required)
            result = self.run(data)
        except InputError as exc:
            response.setStatus(exc.status)
            return json.dumps(error_body(exc.message, exc.errors))
        return json.dumps(result)

    def run(self, data: dict) -> dict:
        raise NotImplementedError


class ExportView(JsonPost):
    def run(self, data: dict) -> dict:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d-%H-%M-%S")
        name = f"{self.context.getId()}-{stamp}"
        summary = export_site(self.context, self.request, export_root() / name)
        summary["directory"] = name
        _audit(self.request, "export", name)
        return summary


class ImportView(JsonPost):
    fields = {"directory"}
    required = {"directory"}

    def run(self, data: dict) -> dict:
        name = data["directory"]
        if not isinstance(name, str) or not NAME.match(name):
            raise InputError(
                "Invalid input",
                [{"field": "directory", "message": "the name of an export directory"}],
            )
        directory = export_root() / name
        if not (directory / SITE_FILE).is_file():
            raise InputError(
                "Invalid input",
                [
                    {
                        "field": "directory",
                        "message": f"no complete goov export named {name!r} in "
                        f"{export_root()}",
                    }
                ],
            )
        try:
            summary = import_site(self.context, self.request, directory)
        except ImportRefused as exc:
            raise InputError(
                str(exc), [{"field": "directory", "message": str(exc)}], status=409
            ) from exc
        summary["directory"] = name
        summary["complete"] = not summary["missing"]
        _audit(self.request, "import", name)
        return summary
