"""Roster roles reach users through groups; nothing personal enters the catalog."""

from goov.workspace.roster import add_member
from goov.workspace.roster import remove_member
from goov.workspace.roster import RosterError
from plone import api
from plone.dexterity.utils import createContentInContainer

import pytest


PERSONAL_FIELDS = {"description", "persons", "addresses", "subjects", "plan", "notes"}


@pytest.fixture
def dossier(portal):
    with api.env.adopt_user(username="regisseur"):
        return api.content.create(
            container=portal["dossiers"],
            type="Dossier",
            title="Familie X",
            kind="family",
            legal_basis="wgs",
            purpose="Veiligheid",
        )


def roles_of(userid, obj):
    return set(api.user.get_roles(username=userid, obj=obj))


def test_partner_group_on_roster_gives_team_member(dossier):
    assert "TeamMember" not in roles_of("woning", dossier)
    with api.env.adopt_user(username="regisseur"):
        add_member(dossier, "partner-woningcorporatie")
    assert "TeamMember" in roles_of("woning", dossier)
    assert "TeamMember" not in roles_of("politie", dossier)
    with api.env.adopt_user(username="regisseur"):
        remove_member(dossier, "partner-woningcorporatie")
    assert "TeamMember" not in roles_of("woning", dossier)


def test_user_on_roster_as_manager(dossier):
    with api.env.adopt_user(username="regisseur"):
        add_member(dossier, "politie", manager=True)
    assert {"TeamMember", "TeamManager"} <= roles_of("politie", dossier)


@pytest.mark.parametrize("principal", ["Administrators", "redactie", "nobody"])
def test_only_users_and_partner_groups(dossier, principal):
    with pytest.raises(RosterError):
        add_member(dossier, principal)


def test_catalog_has_no_personal_data(portal):
    columns = set(portal.portal_catalog.schema())
    indexes = set(portal.portal_catalog.indexes())
    assert not (PERSONAL_FIELDS & columns)
    assert not ({"persons", "addresses", "subjects"} & indexes)
    with api.env.adopt_user(username="politie"):
        signal = createContentInContainer(
            portal["signalen"],
            "Signal",
            category="drugs",
            description="Jan Jansen kweekt hennep",
            address="Grote Markt 1",
            persons=[{"name": "Jan Jansen"}],
        )
    catalog = portal.portal_catalog
    brain = catalog.unrestrictedSearchResults(UID=signal.UID())[0]
    assert brain.Description == ""
    assert "Jansen" not in repr(catalog.getMetadataForUID(brain.getPath()))
    assert not catalog.unrestrictedSearchResults(SearchableText="Jansen")
    assert catalog.unrestrictedSearchResults(SearchableText="hennep")


def test_challenge_plugin_removed_on_uninstall(portal, installer):
    installer.uninstall_product("goov")
    assert "goov_challenge" not in portal.acl_users.objectIds()
