"""Dutch (translated) titles of workflow states for pages."""

from plone import api
from zope.i18n import translate


def state_title(state: str | None, portal_type: str, request=None) -> str:
    if not state:
        return ""
    title = api.portal.get_tool("portal_workflow").getTitleForStateOnType(
        state, portal_type
    )
    return translate(title, domain="goov", context=request) if request else title
