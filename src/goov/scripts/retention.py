"""goov-retention: ask the running portal to carry out the retention periods.

For cron (daily or weekly): `make retention` or `goov-retention [--dry-run]`.
`--dry-run` lists what would be deleted or anonymised and changes nothing.
`--date YYYY-MM-DD` runs as if it were that day (rehearsals; tests).
`--no-pack` skips packing the database afterwards (deleted data then stays in the
storage's history until the next pack).
"""

from datetime import date
from goov.scripts.portal_call import post

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--date", type=date.fromisoformat, default=None)
    parser.add_argument("--no-pack", action="store_true")
    args = parser.parse_args(argv)
    body = {"dry_run": args.dry_run, "pack": not args.no_pack}
    if args.date:
        body["date"] = args.date.isoformat()
    return post("goov-retention", "@retention", body, timeout=3600)


if __name__ == "__main__":
    sys.exit(main())
