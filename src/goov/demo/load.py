"""Load the demo municipality into a fresh site."""

from goov import logger
from goov.demo.data import DEMO_PASSWORD
from goov.demo.data import EDITORS_GROUP
from goov.demo.data import PARTNERS
from goov.demo.data import USERS
from goov.partners import ensure_partner
from plone import api


def load_demo(site, content: bool = True) -> dict:
    """Partners and users; with content, also demo cases (signals, dossier, meeting)."""
    for partner in PARTNERS:
        ensure_partner(partner.slug, partner.title)
    if api.group.get(groupname=EDITORS_GROUP) is None:
        api.group.create(groupname=EDITORS_GROUP, title="Redactie Platform OOV")
        # Editors work in the public section only.
        site["platform"].manage_setLocalRoles(
            EDITORS_GROUP, ["Editor", "Contributor", "Reviewer"]
        )
        site["platform"].reindexObjectSecurity()
    for user in USERS:
        if api.user.get(userid=user.userid) is None:
            api.user.create(
                email=f"{user.userid}@goov.example.org",
                username=user.userid,
                password=DEMO_PASSWORD,
                properties={"fullname": user.fullname},
            )
            if user.roles:
                api.user.grant_roles(username=user.userid, roles=list(user.roles))
        for slug in user.partners:
            api.group.add_user(groupname=f"partner-{slug}", username=user.userid)
        for group in user.groups:
            api.group.add_user(groupname=group, username=user.userid)
    report = {"partners": len(PARTNERS), "users": len(USERS)}
    if content:
        from goov.demo.content import load_cases

        report.update(load_cases(site))
    logger.info("demo data loaded: %s", report)
    return report
