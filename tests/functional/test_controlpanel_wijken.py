"""@controlpanels/goov-wijken: only site administrators; bad GeoJSON is refused."""

import json
import pytest


SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"code": "A1", "name": "Centrum"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [[5.0, 52.0], [5.1, 52.0], [5.1, 52.1], [5.0, 52.1], [5.0, 52.0]]
                ],
            },
        }
    ],
}


def test_manager_reads_and_changes(portal, manager_request, as_user):
    assert manager_request.get("@controlpanels/goov-wijken").status_code == 200
    response = manager_request.patch(
        "@controlpanels/goov-wijken", json={"wijken_geojson": json.dumps(SQUARE)}
    )
    assert response.status_code == 204, response.text
    signal = as_user("politie").post(
        "@signals",
        json={
            "client_id": "controlpanel-test-1",
            "category": "drugs",
            "description": "x",
            "location": {"lat": 52.05, "lon": 5.05},
        },
    )
    assert signal.json()["wijk"] == {"token": "A1", "title": "Centrum"}


def test_invalid_geojson_changes_nothing(portal, manager_request):
    response = manager_request.patch(
        "@controlpanels/goov-wijken", json={"wijken_geojson": '{"type": "Feature"}'}
    )
    assert response.status_code == 400
    data = manager_request.get("@controlpanels/goov-wijken").json()["data"]
    assert not data.get("wijken_geojson")


@pytest.mark.parametrize("userid", ["regisseur", "politie", "analist"])
def test_others_are_refused(portal, as_user, userid):
    session = as_user(userid)
    assert session.get("@controlpanels/goov-wijken").status_code in (401, 403)
    assert session.patch(
        "@controlpanels/goov-wijken", json={"wijken_geojson": ""}
    ).status_code in (401, 403)
