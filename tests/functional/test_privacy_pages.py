"""The privacy officer's pages over HTTP: @@audit-log with its filters, CSV link
and chain check; @@inzageverzoek; nobody else gets either."""

from test_access_request import JAN
from test_access_request import signal
from test_need_to_know import relative
from test_regie_pages import html

import pytest


def test_audit_log_page_filters_by_object(portal, as_user):
    created = signal(as_user("politie"), "Hennepgeur", [JAN])
    as_user("regisseur").get(relative(created["@id"]))
    page = html(portal, "privacy", f"@@audit-log?object={created['UID']}")
    assert page.status_code == 200
    assert 'id="audit-log"' in page.text
    assert "regisseur" in page.text and "politie" in page.text
    assert page.text.count(f'data-object="{created["UID"]}"') >= 2
    assert "++api++/@audit-log?object=" in page.text  # the CSV link keeps the filter
    only_views = html(
        portal, "privacy", f"@@audit-log?object={created['UID']}&action=create"
    )
    assert only_views.text.count(f'data-object="{created["UID"]}"') == 1


def test_audit_log_page_checks_the_chain_and_shows_bad_filters(portal, as_user):
    signal(as_user("politie"), "Iets")
    checked = html(portal, "privacy", "@@audit-log?verify=1")
    assert 'id="audit-log-chain"' in checked.text
    assert "alert-success" in checked.text
    bad = html(portal, "privacy", "@@audit-log?action=peek")
    assert bad.status_code == 200
    assert 'id="audit-log-error"' in bad.text


def test_access_request_page(portal, as_user):
    found = signal(as_user("politie"), "Hennepgeur", [JAN])
    signal(as_user("politie"), "Jan Janssen op de galerij")
    page = html(
        portal,
        "privacy",
        "@@inzageverzoek?submitted=1&name=Jan+Jansen&birthdate=1980-01-01",
    )
    assert page.status_code == 200
    assert f'data-uid="{found["UID"]}"' in page.text
    assert page.text.count("data-uid=") == 1
    assert "format=zip" in page.text
    log = as_user("privacy").get(
        "@audit-log", params={"action": "export", "object": found["UID"]}
    )
    assert log.json()["items_total"] == 1
    bad = html(portal, "privacy", "@@inzageverzoek?submitted=1&name=Jansen")
    assert 'id="access-request-error"' in bad.text


@pytest.mark.parametrize("page", ["@@audit-log", "@@inzageverzoek"])
@pytest.mark.parametrize("userid", [None, "regisseur", "politie", "analist", "woning"])
def test_pages_refused_to_others(portal, userid, page):
    response = html(portal, userid, page)
    assert response.status_code in (401, 403, 404)
