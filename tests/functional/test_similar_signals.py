"""@similar-signals over HTTP: near ones with distance and reasons, far ones not,
and never a signal the user may not see."""

import uuid


OUDE_STAD = {"lat": 52.383121, "lon": 4.63736}


def report(session, **overrides) -> dict:
    data = {
        "client_id": str(uuid.uuid4()),
        "category": "drugs",
        "description": "Hennepgeur",
        "location": OUDE_STAD,
    }
    data.update(overrides)
    response = session.post(
        "@signals", json={k: v for k, v in data.items() if v is not None}
    )
    assert response.status_code == 201, response.text
    return response.json()


def path(signal) -> str:
    return signal["@id"].split("/++api++/")[-1]


def similar(session, signal) -> dict:
    response = session.get(f"{path(signal)}/@similar-signals")
    assert response.status_code == 200, response.text
    return {item["UID"]: item for item in response.json()["items"]}


def test_near_suggested_far_not(portal, as_user):
    politie = as_user("politie")
    base = report(politie)
    near = report(politie, location={"lat": 52.3833, "lon": 4.6377})  # ~30 m
    other_category = report(
        politie, category="woonoverlast", location={"lat": 52.3839, "lon": 4.6380}
    )
    far = report(politie, location={"lat": 52.3900, "lon": 4.6500})  # > 1 km
    old = report(politie, observed_at="2025-01-01T10:00:00+01:00")
    found = similar(politie, base)
    assert base["UID"] not in found
    assert near["UID"] in found and other_category["UID"] in found
    assert far["UID"] not in found and old["UID"] not in found
    item = found[near["UID"]]
    assert 20 < item["distance_m"] < 40
    assert "zelfde categorie" in item["reasons"]
    assert any(r.startswith("binnen") and r.endswith(" m") for r in item["reasons"])
    assert "binnen 14 dagen" in item["reasons"]
    assert 0 < item["score"] <= 1
    assert item["score"] > found[other_category["UID"]]["score"]
    assert {"@id", "UID", "title", "review_state"} <= set(item)


def test_same_person_or_address_anywhere(portal, as_user):
    politie = as_user("politie")
    person = {"name": "Jan de Vries", "birthdate": "1970-05-05"}
    base = report(politie, persons=[person], address="Grote Markt 1, 2011 RD Haarlem")
    same_person = report(
        politie,
        location={"lat": 52.40, "lon": 4.66},
        persons=[{"name": "JAN DE VRIES", "birthdate": "1970-05-05"}],
    )
    namesake = report(
        politie,
        location={"lat": 52.40, "lon": 4.66},
        persons=[{"name": "Jan de Vries", "birthdate": "1971-05-05"}],
    )
    same_address = report(
        politie,
        location=None,
        address="grote markt 1, 2011rd haarlem",
        category="overig",
    )
    found = similar(politie, base)
    assert "zelfde persoon" in found[same_person["UID"]]["reasons"]
    assert namesake["UID"] not in found
    assert "zelfde adres" in found[same_address["UID"]]["reasons"]
    assert found[same_address["UID"]]["distance_m"] is None


def test_other_partners_signal_never_suggested(portal, as_user):
    politie, woning = as_user("politie"), as_user("woning")
    base = report(politie)
    hidden = report(woning, location={"lat": 52.3832, "lon": 4.6374})
    assert hidden["UID"] not in similar(politie, base)
    assert hidden["UID"] in similar(as_user("regisseur"), base)


def test_no_access_to_the_signal_itself(portal, as_user):
    base = report(as_user("politie"))
    assert as_user("woning").get(f"{path(base)}/@similar-signals").status_code in (
        401,
        403,
        404,
    )
    assert as_user(None).get(f"{path(base)}/@similar-signals").status_code in (
        401,
        403,
        404,
    )


def test_signal_json_lists_similar(portal, as_user):
    politie = as_user("politie")
    base = report(politie)
    near = report(politie, location={"lat": 52.3833, "lon": 4.6377})
    body = politie.get(path(near)).json()
    assert base["UID"] in [s["UID"] for s in body["similar"]]
