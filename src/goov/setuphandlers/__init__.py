"""Install and uninstall handlers of the goov profiles."""

from goov import logger
from goov.pas import challenge
from goov.sections import ensure_sections
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall profile from the add-ons control panel."""
        return ["goov:uninstall"]

    def getNonInstallableProducts(self):
        return []


def post_install(context):
    """Create the site sections after the default profile is imported."""
    challenge.install(api.portal.get_tool("acl_users"))
    created = ensure_sections()
    if created:
        logger.info("created sections: %s", ", ".join(created))


def uninstall(context):
    """Content is left in place: removing case data is a privacy decision, not ours."""
    challenge.uninstall(api.portal.get_tool("acl_users"))
    logger.info("goov uninstalled; sections and content kept")
