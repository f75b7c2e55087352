"""The configured neighbourhoods: bundled by default, replaceable by administrators."""

from goov.controlpanels.wijken import IWijkenSettings
from goov.geo import wijk_for
from goov.geo import wijken
from plone import api
from zope.component import getUtility
from zope.interface import Invalid
from zope.schema.interfaces import IVocabularyFactory

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


def test_bundled_default(portal):
    assert len(wijken()) == 21
    assert wijk_for(52.383121, 4.63736) == "01"
    vocabulary = getUtility(IVocabularyFactory, "goov.wijken")(portal)
    assert vocabulary.getTerm("01").title == "Oude Stad"


def test_replace_with_own_municipality(portal):
    api.portal.set_registry_record("goov.wijken_geojson", json.dumps(SQUARE))
    assert [w.code for w in wijken()] == ["A1"]
    assert wijk_for(52.05, 5.05) == "A1"
    assert wijk_for(52.383121, 4.63736) is None
    api.portal.set_registry_record("goov.wijken_geojson", "")
    assert wijk_for(52.383121, 4.63736) == "01"


@pytest.mark.parametrize("text", ["{", '{"type": "FeatureCollection", "features": []}'])
def test_invalid_geojson_is_refused(portal, text):
    field = IWijkenSettings["wijken_geojson"]
    with pytest.raises(Invalid):
        field.validate(text)


def test_controlpanel_view(portal):
    with api.env.adopt_roles(["Manager"]):
        view = api.content.get_view("goov-wijken-settings", portal, portal.REQUEST)
        assert "Wijken" in view()
