"""POST and GET /@signals over HTTP: intake, idempotency, photos, bad input."""

from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from photo_fixtures import jpeg_with_metadata
from photo_fixtures import photo
from photo_fixtures import png_bytes
from PIL import Image

import pytest
import uuid


def body(**overrides) -> dict:
    data = {
        "client_id": str(uuid.uuid4()),
        "category": "drugs",
        "description": "Hennepgeur bij de achterdeur",
        "location": {"lat": 52.383121, "lon": 4.63736},
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def total(as_user) -> int:
    response = as_user("regisseur").get("@signals", params={"b_size": 1})
    assert response.status_code == 200, response.text
    return response.json()["items_total"]


def test_create(portal, as_user):
    response = as_user("politie").post("@signals", json=body(urgent=True))
    assert response.status_code == 201, response.text
    signal = response.json()
    assert signal["review_state"] == "new"
    assert signal["wijk"] == {"token": "01", "title": "Oude Stad"}
    assert signal["urgent"] is True
    assert signal["photos"] == []
    assert signal["reporting_partner"]["token"] == "partner-politie"
    assert signal["source"]["token"] == "app"
    assert response.headers["Location"] == signal["@id"]
    # Stored in a month shard, the same shape as a GET.
    assert "/signalen/20" in signal["@id"]
    got = as_user("politie").get(signal["@id"].split("/++api++/")[-1]).json()
    assert got["UID"] == signal["UID"]
    assert got["client_id"] == signal["client_id"]


def test_address_instead_of_location(portal, as_user):
    response = as_user("politie").post(
        "@signals", json=body(location=None, address="Grote Markt 2, Haarlem")
    )
    assert response.status_code == 201, response.text
    assert response.json()["wijk"] is None


def test_photo_is_stripped_and_rotated(portal, as_user):
    original = jpeg_with_metadata()
    assert b"SpyCam" in original and b"Agent Jansen" in original
    response = as_user("politie").post("@signals", json=body(photos=[photo(original)]))
    assert response.status_code == 201, response.text
    stored = response.json()["photos"]
    assert len(stored) == 1
    assert stored[0]["content-type"] == "image/jpeg"
    download = as_user("politie").get(stored[0]["download"])
    assert download.status_code == 200
    data = download.content
    assert len(data) == stored[0]["size"]
    for marker in (
        b"Exif",
        b"SpyCam",
        b"X-1000",
        b"Agent Jansen",
        b"SN-123456",
        b"ICC_PROFILE",
    ):
        assert marker not in data
    image = Image.open(BytesIO(data))
    assert not image.getexif()
    assert "icc_profile" not in image.info
    assert image.size == (20, 40)  # orientation 6 applied before stripping


def test_photo_not_visible_to_other_partner(portal, as_user):
    response = as_user("politie").post(
        "@signals", json=body(photos=[photo(png_bytes(), "image/png", "a.png")])
    )
    download = response.json()["photos"][0]["download"]
    assert as_user("woning").get(download).status_code in (401, 403, 404)
    assert as_user(None).get(download).status_code in (401, 403, 404)


def test_retry_returns_the_same_signal(portal, as_user):
    data = body()
    first = as_user("politie").post("@signals", json=data)
    before = total(as_user)
    second = as_user("politie").post("@signals", json=data)
    assert first.status_code == 201
    assert second.status_code == 200
    assert second.json()["@id"] == first.json()["@id"]
    assert total(as_user) == before


def test_same_client_id_other_user_is_another_signal(portal, as_user):
    data = body()
    first = as_user("politie").post("@signals", json=data).json()
    second = as_user("woning").post("@signals", json=data)
    assert second.status_code == 201
    assert second.json()["@id"] != first["@id"]


def test_racing_retries_store_once(portal, as_user):
    data = body()
    before = total(as_user)

    def post(_):
        return as_user("politie").post("@signals", json=data)

    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(post, range(8)))
    assert {r.status_code for r in responses} <= {200, 201}
    assert len({r.json()["@id"] for r in responses}) == 1
    assert total(as_user) == before + 1


def test_anonymous_is_refused(portal, as_user):
    assert as_user(None).post("@signals", json=body()).status_code == 401
    assert as_user(None).get("@signals").status_code == 401


@pytest.mark.parametrize("userid", ["analist", "privacy", "redacteur"])
def test_roles_without_intake_are_refused(portal, as_user, userid):
    assert as_user(userid).post("@signals", json=body()).status_code == 403


BAD = [
    (body(category=None), "category"),
    (body(category=""), "category"),
    (body(description=None), "description"),
    (body(description="   "), "description"),
    (body(description="x" * 5001), "description"),
    (body(client_id=None), "client_id"),
    (body(client_id="short"), "client_id"),
    (body(category="fietsendiefstal"), "category"),
    (body(location={"lat": 91, "lon": 4.6}), "location.lat"),
    (body(location={"lat": 52.3, "lon": -181}), "location.lon"),
    (body(location={"lat": "52", "lon": 4.6}), "location.lat"),
    (body(location={"lat": 52.3, "lon": 4.6, "alt": 3}), "location"),
    (body(location=None), "location"),
    (body(observed_at="2999-01-01T00:00:00+01:00"), "observed_at"),
    (body(observed_at="gisteren"), "observed_at"),
    (body(urgent="ja"), "urgent"),
    (body(colour="red"), "colour"),
    (body(persons=[{"name": "A", "birthdate": "1980-13-40"}]), "persons[0].birthdate"),
    (body(persons=[{"naam": "A"}]), "persons[0]"),
    (body(persons="Jan"), "persons"),
    (
        body(
            photos=[{"filename": "a.jpg", "content-type": "image/jpeg", "data": "@@@"}]
        ),
        "photos[0]",
    ),
    (body(photos=[photo(b"GIF89a not an image at all", "image/jpeg")]), "photos[0]"),
    (body(photos=[photo(png_bytes(), "image/jpeg")]), "photos[0]"),
    (body(photos=[photo(png_bytes(), "image/gif")]), "photos[0]"),
    (body(photos=[photo(png_bytes())] * 6), "photos"),
]


@pytest.mark.parametrize("data,field", BAD)
def test_bad_input(portal, as_user, data, field):
    before = total(as_user)
    response = as_user("politie").post("@signals", json=data)
    assert response.status_code == 400, response.text
    error = response.json()
    assert error["type"] == "BadRequest"
    assert error["message"]
    assert field in {e["field"] for e in error["errors"]}, error
    assert all(e["message"] for e in error["errors"])
    assert total(as_user) == before


def test_decompression_bomb(portal, as_user):
    """A tiny PNG that claims 50 megapixels is refused before it is decoded."""
    out = BytesIO()
    Image.new("1", (10000, 5000)).save(out, "PNG")
    response = as_user("politie").post(
        "@signals", json=body(photos=[photo(out.getvalue(), "image/png", "b.png")])
    )
    assert response.status_code == 400
    assert "photos[0]" in {e["field"] for e in response.json()["errors"]}


def test_photo_over_10_mb(portal, as_user):
    data = b"\xff\xd8\xff" + b"\0" * (10 * 1024 * 1024 + 1)
    response = as_user("politie").post("@signals", json=body(photos=[photo(data)]))
    assert response.status_code == 400
    assert "10 MB" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("payload", ["{not json", "[1, 2]", ""])
def test_malformed_json(portal, as_user, payload):
    before = total(as_user)
    response = as_user("politie").post(
        "@signals", data=payload, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body"
    assert total(as_user) == before


def test_body_too_large(portal, as_user, monkeypatch):
    from goov.services.signals import post

    monkeypatch.setattr(post, "MAX_BODY", 1000)
    before = total(as_user)
    response = as_user("politie").post("@signals", json=body(description="x" * 2000))
    assert response.status_code == 413
    assert response.json()["type"] == "RequestEntityTooLarge"
    assert total(as_user) == before


def test_messages_in_english_and_dutch(portal, as_user):
    session = as_user("politie")
    nl = session.post(
        "@signals", json=body(category="x"), headers={"Accept-Language": "nl"}
    )
    en = session.post(
        "@signals",
        json=body(category="x"),
        headers={"Accept-Language": "en-GB,en;q=0.9"},
    )
    assert nl.json()["errors"][0]["message"] == "Onbekende categorie."
    assert en.json()["errors"][0]["message"] == "Unknown category."


def test_list_mine_and_filters(portal, as_user):
    politie, woning = as_user("politie"), as_user("woning")
    own = politie.post("@signals", json=body(category="woonoverlast")).json()
    other = woning.post("@signals", json=body()).json()
    mine = politie.get("@signals", params={"mine": 1}).json()
    uids = [i["UID"] for i in mine["items"]]
    assert own["UID"] in uids and other["UID"] not in uids
    assert "description" not in mine["items"][0]
    # Another partner's signal is never listed, filters or not.
    listed = politie.get("@signals", params={"b_size": 100}).json()
    assert other["UID"] not in {i["UID"] for i in listed["items"]}
    regisseur = as_user("regisseur")
    filtered = regisseur.get(
        "@signals", params={"category": "woonoverlast", "state": "new", "wijk": "01"}
    ).json()
    assert [i["UID"] for i in filtered["items"]] == [own["UID"]]
    newest_first = regisseur.get("@signals").json()["items"]
    assert newest_first[0]["UID"] == other["UID"]


def test_list_batching(portal, as_user):
    politie = as_user("politie")
    for _ in range(3):
        politie.post("@signals", json=body())
    page = politie.get("@signals", params={"mine": 1, "b_size": 2}).json()
    assert page["items_total"] == 3
    assert len(page["items"]) == 2
    assert "next" in page["batching"]


@pytest.mark.parametrize(
    "params,field",
    [
        ({"state": "open"}, "state"),
        ({"category": "x"}, "category"),
        ({"b_size": "0"}, "b_size"),
        ({"mine": "maybe"}, "mine"),
    ],
)
def test_list_bad_filters(portal, as_user, params, field):
    response = as_user("politie").get("@signals", params=params)
    assert response.status_code == 400
    assert field in {e["field"] for e in response.json()["errors"]}


def test_jwt_login(portal, as_user):
    """The app logs in through @login and sends a Bearer token."""
    token = (
        as_user(None)
        .post("@login", json={"login": "politie", "password": "goov-demo"})
        .json()["token"]
    )
    session = as_user(None)
    session.headers["Authorization"] = f"Bearer {token}"
    assert session.post("@signals", json=body()).status_code == 201
