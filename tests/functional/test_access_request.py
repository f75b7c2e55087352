"""Access requests over HTTP: the privacy officer finds a person by structured
field and by text, not people with a similar name; who accessed each record comes
from the audit log; the request is logged; nobody else may ask."""

from io import BytesIO
from test_need_to_know import create
from test_need_to_know import DENIED
from test_need_to_know import DOSSIER
from test_need_to_know import relative
from test_need_to_know import SIGNAL

import json
import pytest
import zipfile


JAN = {"name": "Jan Jansen", "birthdate": "1980-01-01"}


def signal(session, description, persons=()):
    return create(
        session,
        "signalen",
        {**SIGNAL, "description": description, "persons": list(persons)},
    )


@pytest.fixture
def people(portal, as_user):
    politie, woning = as_user("politie"), as_user("woning")
    structured = signal(politie, "Hennepgeur op zolder", [JAN])
    in_text = signal(woning, "Gesprek met jan jansen over de overlast op nr. 3")
    similar = signal(
        politie,
        "Jan Janssen en Jannie Jansen op de galerij",
        [{"name": "Jan Janssen", "birthdate": "1980-01-01"}],
    )
    namesake = signal(
        politie, "Andere man", [{"name": "Jan Jansen", "birthdate": "1990-02-02"}]
    )
    dossier = create(
        as_user("regisseur"),
        "dossiers",
        {**DOSSIER, "title": "Gezin J.", "subjects": [JAN]},
    )
    as_user("regisseur").get(relative(structured["@id"]))
    return {
        "structured": structured,
        "in_text": in_text,
        "similar": similar,
        "namesake": namesake,
        "dossier": dossier,
    }


def ask(session, **params):
    return session.get("@access-request", params={**JAN, **params})


def test_finds_by_structured_field_and_text_not_similar_names(people, as_user):
    response = ask(as_user("privacy"))
    assert response.status_code == 200, response.text
    body = response.json()
    found = {item["UID"]: item for item in body["items"]}
    assert set(found) == {
        people["structured"]["UID"],
        people["in_text"]["UID"],
        people["dossier"]["UID"],
    }
    structured = found[people["structured"]["UID"]]
    assert structured["matched_by"] == ["persons"]
    assert structured["persons"] == [JAN]
    accessors = {(a["user"], a["action"]) for a in structured["accessed_by"]}
    assert {("politie", "create"), ("regisseur", "view")} <= accessors
    text_hit = found[people["in_text"]["UID"]]
    assert text_hit["matched_by"] == ["text:description"]
    assert "jan jansen" in text_hit["excerpts"]["description"][0]
    assert found[people["dossier"]["UID"]]["matched_by"] == ["subjects"]


def test_without_birthdate_the_namesake_is_found_too(people, as_user):
    response = as_user("privacy").get("@access-request", params={"name": "Jan Jansen"})
    uids = {item["UID"] for item in response.json()["items"]}
    assert people["namesake"]["UID"] in uids
    assert people["similar"]["UID"] not in uids


def test_the_request_is_logged(people, as_user):
    ask(as_user("privacy"))
    log = (
        as_user("privacy")
        .get(
            "@audit-log", params={"action": "export", "user": "privacy", "b_size": 100}
        )
        .json()
    )
    types = [item["type"] for item in log["items"]]
    assert "AccessRequest" in types
    exported = {item["object"] for item in log["items"]}
    assert people["structured"]["UID"] in exported
    assert "Jansen" not in json.dumps(log)  # the searched name is not logged


def test_zip_and_pdf_reports(people, as_user):
    archive = ask(as_user("privacy"), format="zip")
    assert archive.status_code == 200
    assert archive.headers["Content-Type"] == "application/zip"
    with zipfile.ZipFile(BytesIO(archive.content)) as zipped:
        assert set(zipped.namelist()) == {"inzage.json", "inzage.pdf"}
        report = json.loads(zipped.read("inzage.json"))
        assert report["items_total"] == 3
        assert zipped.read("inzage.pdf").startswith(b"%PDF")
    pdf = ask(as_user("privacy"), format="pdf")
    assert pdf.headers["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    "userid", [None, "regisseur", "politie", "analist", "wijkteam"]
)
def test_only_the_privacy_officer_asks(people, as_user, userid):
    assert ask(as_user(userid)).status_code in DENIED


@pytest.mark.parametrize(
    "params,field",
    [
        ({"name": ""}, "name"),
        ({"name": "Jansen"}, "name"),
        ({"birthdate": "1-1-1980"}, "birthdate"),
        ({"format": "doc"}, "format"),
    ],
)
def test_bad_requests(portal, as_user, params, field):
    response = ask(as_user("privacy"), **params)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field
