"""Plone glue for partner organisations (groups partner-<slug>)."""

from goov.domain.partners import coordinators_group_id
from goov.domain.partners import is_partner_group_id
from goov.domain.partners import partner_group_id
from goov.domain.partners import PARTNER_PREFIX
from goov.domain.partners import partners_among
from plone import api


def ensure_partner(slug: str, title: str) -> str:
    """Create the partner group and its coordinators group; return the partner id.

    coordinators-<slug> carries the global Coordinator role and is nested in
    partner-<slug>: adding a person to it makes them a coordinator of that partner.
    """
    group_id = partner_group_id(slug)
    if api.group.get(groupname=group_id) is None:
        api.group.create(groupname=group_id, title=title)
    coordinators = coordinators_group_id(group_id)
    if api.group.get(groupname=coordinators) is None:
        api.group.create(
            groupname=coordinators,
            title=f"{title}: coördinatoren",
            roles=["Coordinator"],
        )
        portal_groups = api.portal.get_tool("portal_groups")
        portal_groups.addPrincipalToGroup(coordinators, group_id)
    return group_id


def all_partners() -> list[dict]:
    """Every partner organisation: [{"id", "title"}], sorted by title.

    Asks the ZODB group store for ids starting with "partner-" instead of listing
    every group: collective.workspace adds groups per dossier (thousands in a big
    city), and listing them all cost seconds per signal JSON (bench: intake).
    """
    source = api.portal.get_tool("acl_users").source_groups
    result = [
        {"id": info["id"], "title": info.get("title") or info["id"]}
        for info in source.enumerateGroups(id=PARTNER_PREFIX, exact_match=False)
        if is_partner_group_id(info["id"])
    ]
    return sorted(result, key=lambda p: p["title"].lower())


def partners_of(user) -> list[str]:
    """The partner group ids of a user object.

    Uses the groups PAS computed when it authenticated the user rather than looking
    the user up again by id: that look-up recomputes the recursive groups (one per
    dossier roster of the partner), which cost more than the rest of a signal
    intake in a big city (bench: intake). Special users (system) have no partner.
    """
    get_groups = getattr(user, "getGroups", None)
    return partners_among(get_groups()) if get_groups is not None else []


def is_police_sourced(signal) -> bool:
    from goov.domain.signal import police_sourced

    police = api.portal.get_registry_record("goov.police_partners", default=None)
    return police_sourced(
        getattr(signal, "source", None),
        getattr(signal, "reporting_partner", None),
        police if police is not None else ["partner-politie"],
    )
