"""Answer an access request (AVG art. 15): find every record that names a person.

Structured persons/subjects and free text are read from the objects themselves
(never from the catalog: names are kept out of it on purpose), so the search wakes
every signal, dossier, action and agenda item once. Access requests are rare; the
privacy officer waits seconds to a minute at a million signals (docs/privacy.md).
"""

from goov.audit.store import append
from goov.audit.store import by_objects as audit_by_objects
from goov.domain.access_request import matching_persons
from goov.domain.access_request import mentions
from goov.domain.access_request import Subject
from plone import api


# Which attributes hold structured persons and which free text, per type.
STRUCTURED = {"Signal": ("persons",), "Dossier": ("subjects",)}
TEXT = {
    "Signal": ("description", "address", "addresses"),
    "Dossier": ("title", "purpose", "plan", "result", "goals", "legal_hold_reason"),
    "Action": ("title", "text", "result", "assignee"),
    "AgendaItem": ("title", "notes", "decisions"),
}
ACCESS_COLUMNS = ("time", "user", "partner", "action")


def _text(value) -> str:
    if isinstance(value, list | tuple):
        return "\n".join(str(v) for v in value if v)
    return str(value) if value else ""


def examine(obj, subject: Subject) -> dict | None:
    """What `obj` holds about the subject, or None."""
    portal_type = obj.portal_type
    persons, matched_by, excerpts = [], [], {}
    for name in STRUCTURED.get(portal_type, ()):
        found = matching_persons(getattr(obj, name, None), subject)
        if found:
            persons.extend(found)
            matched_by.append(name)
    for name in TEXT.get(portal_type, ()):
        found = mentions(_text(getattr(obj, name, None)), subject)
        if found:
            excerpts[name] = found
            matched_by.append(f"text:{name}")
    if not matched_by:
        return None
    return {
        "UID": obj.UID(),
        "type": portal_type,
        "path": "/".join(obj.getPhysicalPath()),
        "url": obj.absolute_url(),
        "title": obj.Title(),
        "review_state": api.content.get_state(obj=obj, default=None),
        "created": obj.created().ISO8601(),
        "dossier": getattr(obj, "dossier", None)
        or (obj.UID() if portal_type == "Dossier" else None),
        "matched_by": matched_by,
        "persons": persons,
        "excerpts": excerpts,
    }


def accessed(uids: list[str]) -> dict[str, list[dict]]:
    """Who did what with each record, from the audit log (one query)."""
    return {
        uid: [{k: record[k] for k in ACCESS_COLUMNS} for record in records]
        for uid, records in audit_by_objects(uids).items()
    }


def search(subject: Subject) -> list[dict]:
    catalog = api.portal.get_tool("portal_catalog")
    found = []
    for brain in catalog.unrestrictedSearchResults(portal_type=list(TEXT)):
        obj = brain._unrestrictedGetObject()
        item = examine(obj, subject)
        if item is not None:
            found.append(item)
    log = accessed([item["UID"] for item in found])
    for item in found:
        item["accessed_by"] = log[item["UID"]]
    found.sort(key=lambda i: (i["type"] != "Dossier", i["created"]))
    return found


def log_access_request(user: str, items: list[dict]) -> None:
    """One `export` record for the request and one per record handed out.

    The searched name is personal data: it is not written to the log."""
    base = {"user": user, "partner": None, "action": "export", "status": 200}
    request = {"object": None, "path": "@access-request", "type": "AccessRequest"}
    append({**base, **request, "dossier": None})
    for item in items:
        append(
            {
                **base,
                "object": item["UID"],
                "path": item["path"],
                "type": item["type"],
                "dossier": item["dossier"],
            }
        )
