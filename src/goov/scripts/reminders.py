"""goov-reminders: ask the running portal to send today's reminder digests.

For cron: `make reminders` or `goov-reminders [--dry-run] [--days 3]`.
"""

from goov.scripts.portal_call import post

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    body = {"days": args.days, "dry_run": args.dry_run, "force": args.force}
    return post("goov-reminders", "@reminders", body)


if __name__ == "__main__":
    sys.exit(main())
