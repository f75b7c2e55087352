"""Write audit records when a publication ends: after the commit for what
succeeded (a retried or failed request is logged once, as what it finally was),
and for refusals on case sections (denied attempts)."""

from goov import logger
from goov.audit import events
from goov.audit.store import append
from zope.component import adapter
from ZPublisher.interfaces import IPubFailure
from ZPublisher.interfaces import IPubSuccess

import os


DENIED = {"Unauthorized": 401, "Forbidden": 403, "NotFound": 404}
# Benchmarks only: the audit log is always on, except in a process whose own
# environment sets this to "1" (bench/publisher.py measures the log's cost by
# timing requests with it on and off). No request, setting or control panel can
# turn it off; never set it for a portal that serves users.
BENCHMARK_OFF = "GOOV_AUDIT_OFF_FOR_BENCHMARK"
_warned = []


def enabled() -> bool:
    if os.environ.get(BENCHMARK_OFF) != "1":
        return True
    if not _warned:
        _warned.append(True)
        logger.warning("audit log OFF (%s=1): benchmarks only", BENCHMARK_OFF)
    return False


def _write(record: dict) -> None:
    try:
        append(record)
    except Exception:
        logger.exception("audit: could not write %s", record)


def record_for(request, status: int) -> dict | None:
    user, partner = events.who(request)
    published = request.get("PUBLISHED")
    base = {"user": user, "partner": partner, "status": status}
    if status == 201:
        created = events.created_object(request)
        if created is not None:
            return {**base, "action": "create", **events.describe(created)}
    obj = events.case_object(request)
    if obj is not None:
        return {
            **base,
            "action": events.classify(request, status),
            **events.describe(obj),
        }
    if events.is_search(request, published):
        return {
            **base,
            "action": "search",
            "object": None,
            "path": request.get("ACTUAL_URL", "")[-1000:],
            "type": None,
            "dossier": None,
        }
    return None


def denied(request, status: int) -> dict:
    user, partner = events.who(request)
    if user is None:
        # A refused user is not authenticated for the object; record the login
        # the client claimed (basic auth), marked as such.
        claimed = (request._authUserPW() or (None,))[0]
        user = f"claimed:{claimed}" if claimed else None
    return {
        "user": user,
        "partner": partner,
        "action": "denied",
        "object": None,
        "path": request.get("PATH_INFO", "")[:1000],
        "type": None,
        "dossier": None,
        "status": status,
    }


@adapter(IPubSuccess)
def publication_succeeded(event):
    if not enabled():
        return
    request = event.request
    status = request.response.getStatus()
    if status in DENIED.values():
        # plone.rest renders refusals itself: "success" with 401/403/404.
        if events.in_case_section(request):
            _write(denied(request, status))
        return
    record = record_for(request, status)
    if record is not None:
        _write(record)


@adapter(IPubFailure)
def publication_failed(event):
    if not enabled():
        return
    request = event.request
    if event.retry:
        return  # the retry will be logged as what it finally is
    error = event.exc_info[1] if event.exc_info else None
    status = DENIED.get(type(error).__name__)
    if status is not None and events.in_case_section(request):
        _write(denied(request, status))
