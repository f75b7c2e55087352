"""Small patches of Zope and PAS (patches.zcml): bad input that would otherwise be a
500, and the recursive groups look-up that grows with the dossiers."""


def authUserPW(self):
    """HTTPRequest._authUserPW: a malformed basic Authorization header (not base64,
    not UTF-8, no colon) counts as no credentials.

    Zope's basic_auth_decode raises ValueError (binascii.Error, UnicodeDecodeError)
    on such a header, and PAS asks for it outside its error handling (the emergency
    user check), so any request carrying one was a 500. Now it is anonymous: a 401
    where a login is needed, like any request without credentials.
    """
    try:
        return self._old__authUserPW()
    except ValueError:
        return None


def recursive_groups(self, user, request=None):
    """RecursiveGroupsPlugin.getGroupsForPrincipal: the same groups in the same
    order, with the group plugins listed once instead of once per group.

    collective.workspace nests a partner's group in the roster group of every
    dossier it works on, so a partner user's groups grow with the dossiers (over a
    thousand at 100k signals), and PAS computes them on every request. The
    original asks the plugin registry for the group plugins for each of those
    groups and keeps the groups it has seen in a list (bench: scale findings).
    """
    from Acquisition import aq_parent
    from collections import deque
    from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin
    from Products.PluggableAuthService.PropertiedUser import PropertiedUser

    parent = aq_parent(self)
    groupmakers = [
        plugin
        for plugin_id, plugin in parent._getOb("plugins").listPlugins(IGroupsPlugin)
        if plugin_id != self.getId()
    ]
    queue = deque(user.getGroups())
    seen = {}  # an ordered set
    while queue:
        group_id = queue.popleft()
        if group_id in seen:
            continue
        seen[group_id] = None
        principal = PropertiedUser(group_id).__of__(parent)
        found = {}
        for groupmaker in groupmakers:
            # As PAS's _getGroupsForPrincipal: request None, groups added as found.
            for group in groupmaker.getGroupsForPrincipal(principal, None):
                principal._addGroups([group])
                found[group] = None
        queue.extend(found)
    return tuple(seen)
