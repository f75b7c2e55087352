"""JSON for the goov data that is not a schema field.

Dates, bytes and sets are tagged ({"@goov": "datetime", "value": ...}) so that they
come back as the same types; persistent lists and mappings (PersistentList,
OOBTree) become plain lists and dicts, which the importer wraps again.
"""

from collections.abc import Mapping
from DateTime import DateTime

import base64
import datetime


TAG = "@goov"


class NotExportable(TypeError):
    """A value we do not know how to write as JSON."""


def encode(value):  # noqa: C901 - one branch per type
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime):
        return {TAG: "datetime", "value": value.isoformat()}
    if isinstance(value, datetime.date):
        return {TAG: "date", "value": value.isoformat()}
    if isinstance(value, DateTime):
        return {TAG: "DateTime", "value": value.ISO8601()}
    if isinstance(value, bytes):
        return {TAG: "bytes", "value": base64.b64encode(value).decode("ascii")}
    if isinstance(value, set | frozenset):
        return {TAG: "set", "value": sorted((encode(v) for v in value), key=repr)}
    if isinstance(value, Mapping) or hasattr(value, "items"):
        result = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise NotExportable(f"mapping key {key!r} is not a string")
            result[key] = encode(item)
        if TAG in result:
            raise NotExportable(f"mapping uses the reserved key {TAG!r}")
        return result
    if isinstance(value, list | tuple) or hasattr(value, "__iter__"):
        return [encode(v) for v in value]
    raise NotExportable(f"cannot export {type(value).__name__}")


DECODERS = {
    "datetime": datetime.datetime.fromisoformat,
    "date": datetime.date.fromisoformat,
    "DateTime": DateTime,
    "bytes": lambda text: base64.b64decode(text.encode("ascii")),
    "set": lambda items: {decode(v) for v in items},
}


def decode(value):
    if isinstance(value, dict):
        if TAG in value:
            return DECODERS[value[TAG]](value["value"])
        return {key: decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value
