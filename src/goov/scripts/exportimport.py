"""goov-export and goov-import: whole-site export and import through the running
portal (POST @@goov-export / @@goov-import as admin; see goov.exportimport).

    goov-export                  # writes $GOOV_VAR_DIR/exports/goov-<time>/, prints it
    goov-import goov-<time>      # into the (fresh) portal of this GOOV_VAR_DIR

For a move to a new server: goov-export on the old one, copy the directory into the
new server's $GOOV_VAR_DIR/exports/ (or GOOV_EXPORT_DIR), start the new portal with
GOOV_DEMO=0, then goov-import there. The export holds all personal data of all
cases and the users' password hashes: keep it like the database itself.
"""

from goov.scripts import portal_call

import argparse
import json
import sys


def call(command: str, view: str, body: dict) -> int:
    """POST to the export/import view; print its report; 1 when items were missing."""
    status, answer = portal_call.call(command, view, body, timeout=24 * 3600)
    if answer is None:
        return status
    result = json.loads(answer)
    print(json.dumps(result, indent=2, sort_keys=True))
    if result.get("missing"):
        print(
            f"{command}: {len(result['missing'])} item(s) not imported", file=sys.stderr
        )
        return 1
    return 0


def export_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="goov-export", description=__doc__)
    parser.parse_args(argv)
    return call("goov-export", "@@goov-export", {})


def import_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="goov-import", description=__doc__)
    parser.add_argument("directory", help="the export's name in the export directory")
    args = parser.parse_args(argv)
    return call("goov-import", "@@goov-import", {"directory": args.directory})
