"""One shape for every goov 400: {"error": {"type", "message", "errors": [...]}}."""

from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError


class InputError(Exception):
    """Bad input: the message, plus per-field errors."""

    def __init__(self, message: str, errors: list[dict] | None = None, status=400):
        super().__init__(message)
        self.message = message
        self.errors = errors or []
        self.status = status


def error_body(message: str, errors: list[dict] | None = None, kind="BadRequest"):
    body = {"type": kind, "message": message, "errors": errors or []}
    # plone.restapi nests errors under "error"; mirror at the top level so that
    # clients of either convention find type/message/errors.
    return {"error": body, **body}


def read_json(request) -> dict:
    try:
        return json_body(request)
    except DeserializationError as exc:
        raise InputError(
            "Malformed JSON body", [{"field": "body", "message": str(exc)}]
        ) from exc


def reply_error(service, exc: InputError) -> dict:
    service.request.response.setStatus(exc.status)
    return error_body(exc.message, exc.errors)


def require_fields(data: dict, allowed: set[str], required: set[str]) -> None:
    errors = [
        {"field": name, "message": "Unknown field"}
        for name in sorted(set(data) - allowed)
    ]
    errors += [
        {"field": name, "message": "Required"}
        for name in sorted(required)
        if data.get(name) in (None, "", [])
    ]
    if errors:
        raise InputError("Invalid input", errors)


def reply_coded(
    service, http_status: int, kind: str, summary, field_errors=(), **extra
) -> dict:
    """Set the status and answer with translated messages (nl/en by Accept-Language).

    `summary` is a message code or msgid; `field_errors` are domain FieldErrors
    (field, code) or (field, code) tuples.
    """
    from goov.services.signals.messages import message

    request = service.request
    request.response.setStatus(http_status)
    errors = [
        {"field": e[0], "message": message(e[1], request)}
        if isinstance(e, tuple)
        else {"field": e.field, "message": message(e.code, request)}
        for e in field_errors
    ]
    body = error_body(message(summary, request), errors, kind)
    body.update(extra)
    body["error"].update(extra)
    return body
