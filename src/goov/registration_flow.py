"""One path for registering (REST and the HTML form): checks, then store."""

from datetime import datetime
from datetime import timezone
from goov.domain.registration import is_open
from goov.domain.registration import RateLimiter
from goov.domain.registration import SpamSuspected
from goov.domain.registration import validate_applicant
from goov.registrations import register

import time


# Per client address, per process: 5 attempts in 10 minutes.
LIMITER = RateLimiter(limit=5, window=600)


class RegistrationClosed(ValueError):
    pass


class TooManyAttempts(ValueError):
    pass


def client_address(request) -> str:
    return request.getClientAddr() or "unknown"


def registration_open(event) -> bool:
    closes = event.registration_closes
    if closes is not None and closes.tzinfo is None:
        closes = closes.replace(tzinfo=timezone.utc)
    return is_open(event.registration_open, closes, datetime.now(timezone.utc))


def attempt(event, request, data) -> tuple[dict | None, bool]:
    """(entry, created); entry None when the honeypot caught a bot.

    Raises RegistrationInvalid, RegistrationClosed or TooManyAttempts.
    """
    if not LIMITER.allow(client_address(request), time.monotonic()):
        raise TooManyAttempts()
    try:
        applicant = validate_applicant(data)
    except SpamSuspected:
        return None, True  # look like success, store nothing
    if not registration_open(event):
        raise RegistrationClosed()
    return register(event, applicant)
