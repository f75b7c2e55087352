"""Partner organisations are Plone groups named partner-<slug>."""

import re


PARTNER_PREFIX = "partner-"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class InvalidPartnerSlug(ValueError):
    """A partner slug must be lowercase letters, digits and single hyphens."""


def partner_group_id(slug: str) -> str:
    if not SLUG.match(slug or ""):
        raise InvalidPartnerSlug(f"invalid partner slug: {slug!r}")
    return PARTNER_PREFIX + slug


def is_partner_group_id(group_id: str) -> bool:
    return group_id.startswith(PARTNER_PREFIX) and bool(
        SLUG.match(group_id[len(PARTNER_PREFIX) :])
    )


def partner_slug(group_id: str) -> str:
    if not is_partner_group_id(group_id):
        raise InvalidPartnerSlug(f"not a partner group id: {group_id!r}")
    return group_id[len(PARTNER_PREFIX) :]


def partners_among(group_ids) -> list[str]:
    """The partner group ids in a user's groups, sorted for stable output."""
    return sorted(g for g in group_ids if is_partner_group_id(g))


COORDINATORS_PREFIX = "coordinators-"


def coordinators_group_id(partner_group: str) -> str:
    """The group of a partner's coordinators (nested in the partner group)."""
    return COORDINATORS_PREFIX + partner_slug(partner_group)
