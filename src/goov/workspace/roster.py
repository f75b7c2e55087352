"""The only place that changes dossier rosters (wraps collective.workspace)."""

from collective.workspace.interfaces import IWorkspace
from goov.domain.partners import is_partner_group_id
from plone import api


class RosterError(ValueError):
    """The principal cannot be put on (or taken off) the roster."""


def workspace_grants(dossier_uid: str) -> list[tuple[str, tuple[str, ...]]]:
    """(group id, roles) that a dossier's roster groups receive: Members:<UID> etc.

    Only the UID is needed, so providers of signals and agenda items do not have to
    wake up (or be allowed to see) the dossier itself.
    """
    groups = api.portal.get_registry_record("collective.workspace.available_groups")
    return [(f"{name}:{dossier_uid}", tuple(roles)) for name, roles in groups.items()]


def roster_group_ids(dossier_uid: str) -> set[str]:
    return {principal for principal, _ in workspace_grants(dossier_uid)}


def principal_kind(principal: str) -> str:
    """'user' or 'group'; RosterError for unknown or non-partner groups."""
    if api.user.get(userid=principal) is not None:
        return "user"
    if api.group.get(groupname=principal) is not None:
        if not is_partner_group_id(principal):
            raise RosterError(
                f"only partner groups (partner-…) can join a dossier: {principal}"
            )
        return "group"
    raise RosterError(f"unknown user or group: {principal}")


def members(dossier) -> list[dict]:
    result = []
    for membership in IWorkspace(dossier):
        principal = membership.user
        try:
            kind = principal_kind(principal)
        except RosterError:
            kind = "unknown"
        if kind == "group":
            title = api.group.get(groupname=principal).getProperty("title") or principal
        elif kind == "user":
            user = api.user.get(userid=principal)
            title = user.getProperty("fullname") or principal
        else:
            title = principal
        result.append(
            {
                "principal": principal,
                "type": kind,
                "title": title,
                "groups": sorted(membership.groups),
            }
        )
    return sorted(result, key=lambda m: (m["type"], m["title"].lower()))


def add_member(dossier, principal: str, manager: bool = False) -> bool:
    """Put a user or partner group on the roster; False when already there."""
    principal_kind(principal)
    workspace = IWorkspace(dossier)
    if principal in workspace.members:
        return False
    groups = {"Admins"} if manager else set()
    workspace.add_to_team(user=principal, groups=groups)
    return True


def remove_member(dossier, principal: str) -> bool:
    workspace = IWorkspace(dossier)
    if principal not in workspace.members:
        return False
    workspace.remove_from_team(principal)
    return True
