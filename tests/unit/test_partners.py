from goov.domain.partners import InvalidPartnerSlug
from goov.domain.partners import is_partner_group_id
from goov.domain.partners import partner_group_id
from goov.domain.partners import partner_slug
from goov.domain.partners import partners_among

import pytest


def test_group_id_round_trip():
    assert partner_group_id("politie") == "partner-politie"
    assert partner_slug("partner-politie") == "politie"


@pytest.mark.parametrize("slug", ["", "Politie", "po litie", "-x", "x-", "a--b", "é"])
def test_invalid_slugs(slug):
    with pytest.raises(InvalidPartnerSlug):
        partner_group_id(slug)


def test_partner_detection():
    assert is_partner_group_id("partner-ggd")
    assert not is_partner_group_id("Members:abc")
    assert not is_partner_group_id("partner-")
    assert partners_among(["AuthenticatedUsers", "partner-b", "partner-a"]) == [
        "partner-a",
        "partner-b",
    ]
