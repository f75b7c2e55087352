"""DELETE {dossier}/@members/<principal>: take someone off the roster."""

from goov.services.errors import InputError
from goov.services.errors import reply_error
from goov.traversal import SubPath
from goov.workspace.roster import remove_member
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


class MembersDelete(SubPath, Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        if len(self.names) != 1:
            return reply_error(
                self,
                InputError(
                    "Name one principal: DELETE @members/<principal>",
                    [{"field": "principal", "message": "Required"}],
                ),
            )
        if not remove_member(self.context, self.names[0]):
            return reply_error(
                self,
                InputError(
                    f"Not on the roster: {self.names[0]}",
                    [{"field": "principal", "message": "Not on the roster"}],
                    status=404,
                ),
            )
        return self.reply_no_content()
