"""Install and uninstall of the goov profile."""

from goov.interfaces import IBrowserLayer
from plone import api
from plone.browserlayer import utils as layer_utils

import pytest


GOOV_ROLES = ("Regisseur", "Professional", "Coordinator", "Analyst", "PrivacyOfficer")


class TestInstall:
    def test_product_installed(self, installer):
        assert installer.is_product_installed("goov")

    @pytest.mark.parametrize("dependency", ["plone.restapi", "collective.workspace"])
    def test_dependency_installed(self, installer, dependency):
        assert installer.is_product_installed(dependency)

    def test_browserlayer(self, portal):
        assert IBrowserLayer in layer_utils.registered_layers()

    def test_profile_version(self, setup_tool):
        assert setup_tool.getLastVersionForProfile("goov:default") == ("1000",)

    @pytest.mark.parametrize("role", (*GOOV_ROLES, "TeamMember"))
    def test_role_declared(self, portal, role):
        assert role in portal.validRoles()

    @pytest.mark.parametrize(
        "section_id,state",
        [
            ("signalen", "internal"),
            ("dossiers", "internal"),
            ("overleggen", "internal"),
            ("platform", "published"),
        ],
    )
    def test_sections(self, portal, section_id, state):
        assert section_id in portal.objectIds()
        assert api.content.get_state(portal[section_id]) == state

    def test_languages(self, portal):
        assert api.portal.get_registry_record("plone.available_languages") == [
            "nl",
            "en",
        ]


class TestUninstall:
    def test_uninstall_removes_layer_and_keeps_content(self, portal, installer):
        installer.uninstall_product("goov")
        assert not installer.is_product_installed("goov")
        assert IBrowserLayer not in layer_utils.registered_layers()
        # Case data is never removed as a side effect of uninstalling.
        assert "dossiers" in portal.objectIds()

    def test_reinstall(self, portal, installer):
        installer.uninstall_product("goov")
        installer.install_product("goov")
        assert installer.is_product_installed("goov")
        assert IBrowserLayer in layer_utils.registered_layers()


class TestChallenge:
    def test_anonymous_challenge_is_first(self, portal):
        from Products.PluggableAuthService.interfaces.plugins import IChallengePlugin

        plugins = portal.acl_users.plugins
        assert plugins.listPluginIds(IChallengePlugin)[0] == "goov_challenge"


class TestTranslations:
    @pytest.mark.parametrize(
        "lang,expected", [("nl", "Inloggen vereist"), ("en", "Login required")]
    )
    def test_goov_domain(self, portal, lang, expected):
        from goov.pas.challenge import HEADING
        from zope.i18n import translate

        assert translate(HEADING, target_language=lang) == expected
