"""borg.localrole providers: who gets which local role on goov content.

Roles are granted to groups wherever possible (roster groups Members:<UID>, partner
and coordinator groups) so that the catalog's allowedRolesAndUsers stays correct
when people join or leave: group membership changes, the index does not.
"""

from AccessControl.SecurityManagement import getSecurityManager
from Acquisition import aq_inner
from Acquisition import aq_parent
from borg.localrole.interfaces import ILocalRoleProvider
from goov.content.action import IAction
from goov.content.agenda_item import IAgendaItem
from goov.content.meeting import IMeeting
from goov.content.signal import ISignal
from goov.domain.partners import coordinators_group_id
from goov.domain.partners import is_partner_group_id
from goov.workspace.roster import roster_group_ids
from goov.workspace.roster import workspace_grants
from plone import api
from zope.component import adapter
from zope.interface import implementer


class GrantsProvider:
    def __init__(self, context):
        self.context = context

    def grants(self) -> dict[str, tuple[str, ...]]:
        raise NotImplementedError

    def getRoles(self, principal_id):
        return self.grants().get(principal_id, ())

    def getAllRoles(self):
        return self.grants().items()


def coordinator_grant(partner: str | None) -> dict[str, tuple[str, ...]]:
    if partner and is_partner_group_id(partner):
        return {coordinators_group_id(partner): ("PartnerCoordinator",)}
    return {}


@implementer(ILocalRoleProvider)
@adapter(ISignal)
class SignalRoles(GrantsProvider):
    """The linked dossier's roster; the coordinators of the reporting partner."""

    def grants(self):
        grants = coordinator_grant(self.context.reporting_partner)
        if self.context.dossier:
            grants.update(workspace_grants(self.context.dossier))
        return grants


@implementer(ILocalRoleProvider)
@adapter(IAgendaItem)
class AgendaItemRoles(GrantsProvider):
    """The roster of the dossier on the agenda sees the item and its minutes."""

    def grants(self):
        return (
            dict(workspace_grants(self.context.dossier)) if self.context.dossier else {}
        )


@implementer(ILocalRoleProvider)
@adapter(IMeeting)
class MeetingRoles(GrantsProvider):
    """Invited partners see the meeting and its agenda item titles."""

    def grants(self):
        return {
            partner: ("Invitee",)
            for partner in self.context.invited_partners or ()
            if is_partner_group_id(partner)
        }


@implementer(ILocalRoleProvider)
@adapter(IAction)
class ActionRoles(GrantsProvider):
    """Coordinators of the assigned partner see the action.

    AssignedPartner (may work on the action) needs two things at once: membership
    of the assigned partner AND of the dossier's roster. Roles are a union, so this
    intersection is computed per user and never enters the catalog (View does not
    depend on it).
    """

    def grants(self):
        return coordinator_grant(self.context.assigned_partner)

    def getRoles(self, principal_id):
        roles = list(super().getRoles(principal_id))
        if self._works_on(principal_id):
            roles.append("AssignedPartner")
        return tuple(roles)

    def _works_on(self, principal_id) -> bool:
        partner = self.context.assigned_partner
        if not partner:
            return False
        current = getSecurityManager().getUser()
        if current is not None and current.getId() == principal_id:
            groups = set(current.getGroups())
        else:
            user = api.user.get(userid=principal_id)
            if user is None:
                return False
            groups = set(user.getGroups())
        dossier = aq_parent(aq_inner(self.context))
        uid = getattr(dossier, "UID", lambda: None)()
        return partner in groups and bool(uid) and bool(groups & roster_group_ids(uid))
