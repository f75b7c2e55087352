"""Helpers for HTTP tests against the functional layer's WSGI server."""

from goov.demo.data import DEMO_PASSWORD

import pytest
import transaction


@pytest.fixture
def portal(functional_portal):
    """The functional portal; commit after seeding so the server sees it."""
    return functional_portal


@pytest.fixture
def as_user(request_factory):
    """as_user("politie") -> a requests session on ++api++ as that demo user."""

    def factory(userid: str | None):
        if userid is None:
            return request_factory()
        return request_factory(basic_auth=(userid, DEMO_PASSWORD))

    return factory


@pytest.fixture
def commit():
    return transaction.commit
