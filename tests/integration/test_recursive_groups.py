"""The patched recursive groups look-up (goov.patches.recursive_groups) gives every
user exactly the groups, in the same order, that PAS's own implementation gives,
including groups nested two levels deep through dossier rosters."""

from goov.workspace.roster import add_member
from plone import api
from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin
from Products.PluggableAuthService.plugins.RecursiveGroupsPlugin import (
    RecursiveGroupsPlugin,
)
from Products.PluggableAuthService.PropertiedUser import PropertiedUser

import pytest


USERS = ("politie", "woning", "handhaver", "wijkteam", "regisseur", "analist")


@pytest.fixture
def rosters(portal):
    dossiers = []
    with api.env.adopt_user(username="regisseur"):
        for title in ("Hotspot A", "Hotspot B"):
            dossier = api.content.create(
                container=portal["dossiers"],
                type="Dossier",
                title=title,
                kind="location",
                legal_basis="wgs",
                purpose="Veiligheid",
            )
            dossiers.append(dossier)
    add_member(dossiers[0], "partner-politie")
    add_member(dossiers[0], "partner-wijkteam")
    add_member(dossiers[1], "partner-politie")
    # A group in a group in a partner: three levels for its members.
    api.group.create(groupname="politie-jeugd", title="Jeugdagenten")
    portal.portal_groups.addPrincipalToGroup("politie-jeugd", "partner-politie")
    portal.portal_groups.addPrincipalToGroup("analist", "politie-jeugd")
    return dossiers


def direct(acl, userid):
    """A user with only the groups the non-recursive plugins give."""
    user = PropertiedUser(userid).__of__(acl)
    for plugin_id, plugin in acl.plugins.listPlugins(IGroupsPlugin):
        if plugin_id != "recursive_groups":
            user._addGroups(plugin.getGroupsForPrincipal(user, None))
    return user


def test_patch_is_active():
    assert RecursiveGroupsPlugin.getGroupsForPrincipal.__module__ == "goov.patches"


@pytest.mark.parametrize("userid", USERS)
def test_same_groups_in_the_same_order(portal, rosters, userid):
    acl = portal.acl_users
    plugin = acl.recursive_groups
    ours = plugin.getGroupsForPrincipal(direct(acl, userid))
    theirs = plugin._old_getGroupsForPrincipal(direct(acl, userid))
    assert ours == theirs
    assert len(set(ours)) == len(ours)


def test_roster_and_nested_groups_are_found(portal, rosters):
    groups = set(api.user.get(userid="analist").getGroups())
    assert {"politie-jeugd", "partner-politie"} <= groups
    politie = set(api.user.get(userid="politie").getGroups())
    for dossier in rosters:  # politie is on both rosters through its partner
        assert any(dossier.UID() in g for g in politie), dossier
