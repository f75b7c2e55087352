"""goov.similar.visible filters candidates exactly as portal_catalog.searchResults
would (allowedRolesAndUsers and effectiveRange), without its O(n) set operations."""

from DateTime import DateTime
from goov.linking import link_signals
from goov.similar import visible
from goov.workspace.roster import add_member
from plone import api
from plone.dexterity.utils import createContentInContainer

import pytest


USERS = ("politie", "woning", "handhaver", "wijkteam", "regisseur", "analist")


@pytest.fixture
def signals(portal):
    made = []
    for user in ("politie", "woning", "handhaver", "wijkteam"):
        with api.env.adopt_user(username=user):
            for _ in range(2):
                made.append(
                    createContentInContainer(
                        portal["signalen"],
                        "Signal",
                        category="drugs",
                        description="Signaal",
                        latitude=52.38,
                        longitude=4.63,
                    )
                )
    with api.env.adopt_user(username="regisseur"):
        dossier = api.content.create(
            container=portal["dossiers"],
            type="Dossier",
            title="Hotspot",
            kind="location",
            legal_basis="wgs",
            purpose="Veiligheid",
        )
        add_member(dossier, "partner-politie")
        link_signals(
            dossier, [made[2].UID()]
        )  # woning's signal, now on politie's roster
    made[4].setEffectiveDate(DateTime() + 10)  # not yet effective
    made[5].setExpirationDate(DateTime() - 10)  # expired
    for signal in made:
        signal.reindexObject()
    return made


@pytest.mark.parametrize("user", USERS)
def test_same_signals_as_the_catalog(portal, signals, user):
    catalog = portal.portal_catalog
    with api.env.adopt_user(username=user):
        expected = {b.UID for b in api.content.find(portal_type="Signal")}
        candidates = catalog.unrestrictedSearchResults(portal_type="Signal")
        found = {b.UID for b in visible(catalog, candidates)}
    assert found == expected
    assert len(candidates) == len(signals)


def test_inactive_signals_for_those_who_may_see_them(portal, signals):
    catalog = portal.portal_catalog
    candidates = catalog.unrestrictedSearchResults(portal_type="Signal")
    with api.env.adopt_user(username="regisseur"):
        seen = {b.UID for b in visible(catalog, candidates)}
    assert signals[4].UID() not in seen
    assert signals[5].UID() not in seen
    with api.env.adopt_user(username="admin"):
        seen = {b.UID for b in visible(catalog, candidates)}
    assert {s.UID() for s in signals} <= seen
