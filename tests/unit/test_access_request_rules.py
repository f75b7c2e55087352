"""Access requests without Zope: who is named, who only looks alike."""

from goov.domain.access_request import matching_persons
from goov.domain.access_request import mentions
from goov.domain.access_request import parse
from goov.domain.access_request import RequestError
from hypothesis import given
from hypothesis import strategies as st

import pytest


JAN = parse("Jan Jansen", "1980-01-01")


def test_structured_record_matches_name_and_birthdate():
    records = [
        {"name": "jan  JANSEN", "birthdate": "1980-01-01"},
        {"name": "Jan Jansen", "birthdate": "1990-02-02"},  # a namesake
        {"name": "Jan Janssen", "birthdate": "1980-01-01"},
        {"name": "Jan Jansen"},  # birthdate unknown: may be him
    ]
    assert matching_persons(records, JAN) == [records[0], records[3]]


@pytest.mark.parametrize(
    "text,found",
    [
        ("Bewoner Jan Jansen opende de deur", True),
        ("bewoner JAN\nJANSEN, 2e verdieping", True),
        ("Melding over Jan Jansén", True),
        ("Jan Janssen woont hier", False),
        ("Jannie Jansen woont hier", False),
        ("Jan Jansenstraat 4", False),
        ("J. Jansen", False),
        ("", False),
    ],
)
def test_text_mentions_whole_name_only(text, found):
    assert bool(mentions(text, JAN)) is found


def test_excerpt_shows_the_context():
    text = "x" * 200 + " bewoner Jan Jansen opende " + "y" * 200
    (excerpt,) = mentions(text, JAN)
    assert "Jan Jansen" in excerpt
    assert len(excerpt) < 200


@pytest.mark.parametrize(
    "name,birthdate,field",
    [
        ("", None, "name"),
        ("Jansen", None, "name"),
        ("x" * 201, None, "name"),
        ("Jan Jansen", "01-01-1980", "birthdate"),
    ],
)
def test_bad_requests_name_the_field(name, birthdate, field):
    with pytest.raises(RequestError) as caught:
        parse(name, birthdate)
    assert caught.value.field == field


@given(
    first=st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True),
    last=st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True),
    suffix=st.from_regex(r"[a-z]{1,3}", fullmatch=True),
)
def test_a_longer_surname_is_never_a_mention(first, last, suffix):
    subject = parse(f"{first} {last}", None)
    assert mentions(f"Gezien: {first} {last}", subject)
    assert not mentions(f"Gezien: {first} {last}{suffix}", subject)
