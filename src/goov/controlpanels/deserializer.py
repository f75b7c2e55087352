"""Bad input to goov's control panels (PATCH @controlpanels/goov-…) is a 400.

plone.restapi's control panel deserializer answers a 500 when the body is not a JSON
object (malformed JSON, `null`, a list) or when a value has a shape its field
deserializer does not expect (a list for a dict field: AttributeError/TypeError).
This deserializer refuses those first, naming `body` or the field, in
plone.restapi's error format for control panels, and then leaves the rest to
plone.restapi (field validation, invariants, storing).
"""

from goov.services.signals.messages import message
from plone.restapi.controlpanels.interfaces import IControlpanel
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.controlpanels import ControlpanelDeserializeFromJson
from plone.restapi.deserializer.controlpanels import FakeDXContext
from plone.restapi.exceptions import DeserializationError
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.interfaces import IFieldDeserializer
from zExceptions import BadRequest
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Invalid
from zope.schema import getFields
from zope.schema.interfaces import ValidationError
from zope.schema.interfaces import WrongType


class IGoovControlpanel(IControlpanel):
    """A control panel of goov (its PATCH input is checked by goov)."""


def _error(field: str, text: str) -> dict:
    return {"message": text, "field": field, "error": "ValidationError"}


@implementer(IDeserializeFromJson)
@adapter(IGoovControlpanel)
class GoovControlpanelDeserializer(ControlpanelDeserializeFromJson):
    def __call__(self, mask_validation_errors=True):
        errors = self.shape_errors()
        if errors:
            raise BadRequest(errors)
        return super().__call__(mask_validation_errors=mask_validation_errors)

    def shape_errors(self) -> list[dict]:
        """Errors that plone.restapi would turn into a 500."""
        try:
            data = json_body(self.request)
        except DeserializationError as exc:
            code = "not_object" if "Malformed" in str(exc) else "malformed_json"
            return [_error("body", message(code, self.request))]
        errors = []
        context = FakeDXContext()
        for name, field in getFields(self.schema).items():
            if name not in data or field.readonly:
                continue
            deserializer = queryMultiAdapter(
                (field, context, self.request), IFieldDeserializer
            )
            try:
                deserializer(data[name])
            except (ValidationError, ValueError, Invalid):
                continue  # plone.restapi reports these itself
            except (TypeError, AttributeError, KeyError):
                text = translate(WrongType.__doc__, context=self.request)
                errors.append(_error(name, text))
        return errors
