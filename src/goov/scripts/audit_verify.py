"""goov-audit-verify: check the audit log's hash chain (make audit-verify).

Reads the audit database directly (GOOV_AUDIT_DB, or GOOV_VAR_DIR/audit.sqlite);
no Zope needed, so it runs while the portal serves. Exit 0 when intact, 1 with the
first broken record otherwise.
"""

from goov.audit.store import all_records
from goov.audit.store import database_url
from goov.domain.audit import first_broken

import sys


def main(argv: list[str] | None = None) -> int:
    records = list(all_records())
    broken = first_broken(records)
    if broken is None:
        print(f"audit log intact: {len(records)} records ({database_url()})")
        return 0
    print(f"audit log BROKEN at record {broken} ({database_url()})", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
