"""Control panel "Wijken": the municipality's neighbourhood polygons (GeoJSON)."""

from goov import _
from goov.controlpanels.deserializer import IGoovControlpanel
from goov.domain.geo import InvalidNeighbourhoods
from goov.domain.geo import parse_wijken
from goov.interfaces import IBrowserLayer
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope import schema
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid


def valid_geojson(value: str) -> bool:
    if not value:
        return True  # empty: the bundled demo neighbourhoods
    try:
        parse_wijken(value)
    except InvalidNeighbourhoods as exc:
        raise Invalid(str(exc)) from exc
    return True


class IWijkenSettings(Interface):
    wijken_geojson = schema.Text(
        title=_("label_wijken_geojson", default="Wijken (GeoJSON)"),
        description=_(
            "help_wijken_geojson",
            default="FeatureCollection met (Multi)Polygonen in WGS84 en de "
            "eigenschappen 'code' en 'name'. Leeg: de demowijken (Haarlem).",
        ),
        required=False,
        constraint=valid_geojson,
    )


class WijkenEditForm(RegistryEditForm):
    schema = IWijkenSettings
    schema_prefix = "goov"
    label = _("label_wijken_settings", default="Wijken")


class WijkenControlPanel(ControlPanelFormWrapper):
    form = WijkenEditForm


@adapter(Interface, IBrowserLayer)
@implementer(IGoovControlpanel)
class WijkenConfigletPanel(RegistryConfigletPanel):
    schema = IWijkenSettings
    schema_prefix = "goov"
    configlet_id = "goov-wijken"
    configlet_category_id = "Products"
