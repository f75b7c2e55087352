"""all_partners() finds the partner groups by prefix, not by listing all groups."""

from goov.partners import all_partners
from plone import api


def test_all_partners_lists_only_partner_groups(integration):
    api.group.create(groupname="partner-brandweer", title="Brandweer")
    api.group.create(groupname="partnerschap-overleg", title="Geen partner")
    api.group.create(groupname="coordinators-extra", title="Geen partner")
    partners = all_partners()
    ids = [p["id"] for p in partners]
    assert {"partner-politie", "partner-gemeente", "partner-brandweer"} <= set(ids)
    assert "partnerschap-overleg" not in ids
    assert all(i.startswith("partner-") for i in ids)
    assert {"id": "partner-brandweer", "title": "Brandweer"} in partners
    titles = [p["title"].lower() for p in partners]
    assert titles == sorted(titles)
