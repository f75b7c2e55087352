"""Event registrations: validation and the capacity / waiting-list rules."""

from dataclasses import dataclass
from datetime import datetime
from goov.domain.intake import FieldError

import re


FIELDS = {"name", "email", "organisation", "remarks", "website"}  # website: honeypot
EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")
LIMITS = {"name": 200, "email": 254, "organisation": 200, "remarks": 2000}


@dataclass(frozen=True)
class Applicant:
    name: str
    email: str
    organisation: str = ""
    remarks: str = ""


class RegistrationInvalid(ValueError):
    def __init__(self, errors: list[FieldError]):
        super().__init__(", ".join(f"{e.field}: {e.code}" for e in errors))
        self.errors = errors


class SpamSuspected(ValueError):
    """The honeypot field was filled in."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _texts(data: dict, errors: list) -> dict:
    values = {}
    for name, limit in LIMITS.items():
        value = data.get(name) or ""
        if not isinstance(value, str):
            errors.append(FieldError(name, "not_text"))
            continue
        value = value.strip()
        if len(value) > limit:
            errors.append(FieldError(name, "too_long"))
        values[name] = value
    return values


def validate_applicant(data) -> Applicant:
    if not isinstance(data, dict):
        raise RegistrationInvalid([FieldError("body", "not_object")])
    if data.get("website"):
        raise SpamSuspected("honeypot")
    errors = [FieldError(k, "unknown_field") for k in sorted(set(data) - FIELDS)]
    values = _texts(data, errors)
    named = {e.field for e in errors}
    errors += [
        FieldError(f, "required")
        for f in ("name", "email")
        if not values.get(f) and f not in named
    ]
    if values.get("email") and not EMAIL.match(values["email"]):
        errors.append(FieldError("email", "invalid_email"))
    if errors:
        raise RegistrationInvalid(errors)
    return Applicant(
        values["name"],
        normalise_email(values["email"]),
        values["organisation"],
        values["remarks"],
    )


def is_open(open_flag: bool, closes: datetime | None, now: datetime) -> bool:
    return bool(open_flag) and (closes is None or now < closes)


def status_for(registered: int, capacity: int) -> str:
    """'registered' while there is room (capacity 0 = unlimited), else 'waitlist'."""
    return "registered" if capacity == 0 or registered < capacity else "waitlist"


def first_on_waitlist(entries: list[dict]) -> dict | None:
    waiting = [e for e in entries if e["status"] == "waitlist"]
    return min(waiting, key=lambda e: e["time"]) if waiting else None


class RateLimiter:
    """At most `limit` attempts per key per `window` seconds (kept in memory)."""

    def __init__(self, limit: int, window: float):
        self.limit, self.window = limit, window
        self.hits: dict[str, list[float]] = {}

    def allow(self, key: str, now: float) -> bool:
        recent = [t for t in self.hits.get(key, []) if now - t < self.window]
        if len(recent) >= self.limit:
            self.hits[key] = recent
            return False
        recent.append(now)
        self.hits[key] = recent
        if len(self.hits) > 10000:  # keep memory bounded
            self.hits = {
                k: v for k, v in self.hits.items() if v and now - v[-1] < self.window
            }
        return True
