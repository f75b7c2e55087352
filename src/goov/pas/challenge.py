"""Challenge anonymous browsers with a real 401 instead of a 302 to the login form.

Plone's cookie challenge answers an anonymous request for protected content with a
302 redirect, which hides from clients and monitoring that access was refused. For
a case portal the refusal must be explicit: we answer 401 with a small Dutch page
that sends the browser on to the login form (meta refresh plus a link), so people
still land on the login form. REST requests (plone.rest) keep their JSON 401.
"""

from AccessControl.class_init import InitializeClass
from AccessControl.SecurityManagement import getSecurityManager
from goov import _
from html import escape
from plone.rest.interfaces import IAPIRequest
from Products.PluggableAuthService.interfaces.plugins import IChallengePlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from urllib.parse import urlencode
from zope.i18n import translate
from zope.interface import implementer


PLUGIN_ID = "goov_challenge"


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url={login}">
<title>{heading}</title></head>
<body><h1>{heading}</h1>
<p>{text} <a href="{login}">{link}</a></p></body></html>
"""
HEADING = _("heading_login_required", default="Inloggen vereist")
TEXT = _(
    "description_login_required",
    default="U moet inloggen om deze pagina te bekijken.",
)
LINK = _("link_login_form", default="Naar het inlogformulier")


def wants_json(request) -> bool:
    accept = request.getHeader("Accept") or ""
    return IAPIRequest.providedBy(request) or "application/json" in accept


@implementer(IChallengePlugin)
class AnonymousChallenge(BasePlugin):
    meta_type = "GOOV anonymous challenge"

    def __init__(self, plugin_id, title=None):
        self._setId(plugin_id)
        self.title = title

    def challenge(self, request, response, **kw):
        user = getSecurityManager().getUser()
        if user is not None and user.getUserName() != "Anonymous User":
            return False  # Plone shows "insufficient privileges" to members.
        if wants_json(request):
            return False
        came_from = request.get("ACTUAL_URL", "")
        query = request.get("QUERY_STRING")
        if query:
            came_from = f"{came_from}?{query}"
        portal_url = self._portal_url()
        login = f"{portal_url}/login?{urlencode({'came_from': came_from})}"
        response.setStatus(401)
        response.setHeader("Content-Type", "text/html; charset=utf-8")
        response.setHeader("Cache-Control", "no-store")
        page = PAGE.format(
            login=escape(login),
            heading=escape(translate(HEADING, context=request)),
            text=escape(translate(TEXT, context=request)),
            link=escape(translate(LINK, context=request)),
        )
        response.setBody(page, lock=True)
        return True

    def _portal_url(self) -> str:
        # The plugin lives in <site>/acl_users.
        return self.aq_parent.aq_parent.absolute_url()


InitializeClass(AnonymousChallenge)


def install(acl_users) -> None:
    """Add the plugin and make it the first challenger."""
    if PLUGIN_ID not in acl_users.objectIds():
        acl_users._setObject(PLUGIN_ID, AnonymousChallenge(PLUGIN_ID, "GOOV 401"))
    plugins = acl_users.plugins
    active = [pid for pid, _ in plugins.listPlugins(IChallengePlugin)]
    if PLUGIN_ID not in active:
        plugins.activatePlugin(IChallengePlugin, PLUGIN_ID)
    while plugins.listPluginIds(IChallengePlugin)[0] != PLUGIN_ID:
        plugins.movePluginsUp(IChallengePlugin, [PLUGIN_ID])


def uninstall(acl_users) -> None:
    if PLUGIN_ID in acl_users.objectIds():
        acl_users._delObject(PLUGIN_ID)
