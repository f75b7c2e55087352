"""Retried ZODB conflicts are logged (goov.conflicts) and wait a bounded time;
other failures are left alone."""

from goov.subscribers import conflicts
from goov.subscribers.conflicts import publication_failed
from ZODB.POSException import ConflictError
from ZODB.POSException import ReadConflictError
from ZPublisher.pubevents import PubFailure

import logging
import sys


class Request(dict):
    retry_count = 0
    retry_max_count = 10


def fail(error, retry, retry_count=0):
    request = Request(REQUEST_METHOD="POST", PATH_INFO="/goov/@signals")
    request.retry_count = retry_count
    try:
        raise error
    except Exception:
        publication_failed(PubFailure(request, sys.exc_info(), retry))
    return request


def test_retried_conflict_is_logged(caplog):
    with caplog.at_level(logging.INFO, logger="goov.conflicts"):
        fail(ConflictError("oid 0x01"), retry=True, retry_count=2)
    (record,) = caplog.records
    assert record.levelno == logging.INFO
    assert record.getMessage().startswith(
        "ConflictError retried (3 of 10) at POST /goov/@signals"
    )


def test_conflict_given_up_is_a_warning(caplog):
    with caplog.at_level(logging.INFO, logger="goov.conflicts"):
        fail(ReadConflictError("oid 0x02"), retry=False, retry_count=10)
    (record,) = caplog.records
    assert record.levelno == logging.WARNING
    assert "ReadConflictError not retried (11 tries)" in record.getMessage()


def test_other_errors_are_not_logged_here(caplog):
    with caplog.at_level(logging.INFO, logger="goov.conflicts"):
        fail(ValueError("nope"), retry=False)
    assert caplog.records == []


def test_wait_before_a_retry_is_bounded(monkeypatch):
    slept = []
    monkeypatch.setattr(conflicts.time, "sleep", slept.append)
    for retry_count in range(10):
        request = fail(ConflictError("oid 0x03"), retry=True, retry_count=retry_count)
        for _ in range(20):
            request.delay_retry()
    # Zope's own delay is uniform(0, 2**n): up to 512 s before the 10th try.
    assert max(slept) <= conflicts.MAX_RETRY_DELAY
    assert min(slept) >= 0
    assert len(set(slept)) > 100  # still random jitter


def test_first_retry_keeps_zopes_jitter():
    assert all(0 <= conflicts.bounded_delay(0) <= 1 for _ in range(200))
