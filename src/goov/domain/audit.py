"""The audit trail's tamper evidence: every record carries the hash of the one
before it, so changing or deleting a stored record breaks the chain from there on."""

from collections.abc import Iterable

import hashlib
import json


FIELDS = (
    "time",
    "user",
    "partner",
    "action",
    "object",
    "path",
    "type",
    "dossier",
    "status",
)
GENESIS = "0" * 64
ACTIONS = (
    "view",
    "search",
    "create",
    "modify",
    "transition",
    "delete",
    "export",
    "link",
    "share",
    "denied",
)


def record_hash(previous: str, record: dict) -> str:
    payload = json.dumps([record.get(f) for f in FIELDS], sort_keys=True, default=str)
    return hashlib.sha256(f"{previous}|{payload}".encode()).hexdigest()


def first_broken(records: Iterable[dict]) -> int | None:
    """The id of the first record whose chain does not hold, else None."""
    previous = GENESIS
    for record in records:
        if record["prev_hash"] != previous or record["hash"] != record_hash(
            previous, record
        ):
            return record["id"]
        previous = record["hash"]
    return None
