"""docs/openapi.yaml against what goov really registers.

Both directions fail: a plone.rest service (or @controlpanels panel) of goov that the
document does not describe, and a documented operation that goov does not register.
The document itself must be a valid OpenAPI 3.1 description, and its error schema
must match what goov.services.errors produces.
"""

from goov.content.dossier import IDossier
from goov.services.errors import error_body
from jsonschema import Draft202012Validator
from jsonschema import ValidationError
from openapi_spec_validator import validate
from pathlib import Path
from plone.base.interfaces import IPloneSiteRoot
from plone.restapi.controlpanels.interfaces import IControlpanel
from zope.component import getGlobalSiteManager
from zope.dottedname.resolve import resolve

import pytest
import yaml


SPEC_PATH = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# Where goov's content lives (the path before the @service) and the interface the
# services are registered for: the document's x-goov-context must agree.
CONTEXT_PATHS = {
    "": "plone.base.interfaces.IPloneSiteRoot",
    "/dossiers/{dossier}": "goov.content.dossier.IDossier",
    "/signalen/{signal_path}": "goov.content.signal.ISignal",
    "/overleggen/{meeting}/{agenda_item}": "goov.content.agenda_item.IAgendaItem",
    "/platform/{event_path}": "goov.behaviors.registration.IEventRegistration",
}
SERVICE_VIEW = (
    "_application_json_"  # plone.rest names a service METHOD_type_subtype_@name
)


@pytest.fixture(scope="module")
def spec() -> dict:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def readable(operations) -> list[str]:
    return sorted(f"{m} {i.__identifier__} {n}" for i, n, m in operations)


def all_adapter_registrations():
    """Registrations of the global registry and the registries it is stacked on
    (test layers push registries)."""
    seen, todo = set(), [getGlobalSiteManager()]
    while todo:
        registry = todo.pop()
        if id(registry) in seen:
            continue
        seen.add(id(registry))
        yield from registry.registeredAdapters()
        todo.extend(getattr(registry, "__bases__", ()))


def original_factory(factory):
    """plone.rest wraps the factory in a new class whose first base is the original."""
    bases = getattr(factory, "__bases__", ())
    return bases[0] if bases else factory


def registered_services() -> set[tuple]:
    """(context interface, @name, METHOD) of every plone.rest service of goov."""
    found = set()
    for registration in all_adapter_registrations():
        if SERVICE_VIEW not in registration.name:
            continue
        if not original_factory(registration.factory).__module__.startswith("goov."):
            continue
        method, name = registration.name.split(SERVICE_VIEW, 1)
        found.add((registration.required[0], name, method))
    return found


def registered_controlpanels() -> set[tuple[str, str]]:
    """(panel name, METHOD): plone.restapi serves GET and PATCH for each panel."""
    names = {
        r.name
        for r in all_adapter_registrations()
        if r.provided.isOrExtends(IControlpanel)
        and r.name
        and getattr(r.factory, "__module__", "").startswith("goov.")
    }
    return {(name, method) for name in names for method in ("GET", "PATCH")}


def split_path(path: str) -> tuple[str, str]:
    """'/dossiers/{dossier}/@members/{principal}' -> ('/dossiers/{dossier}', '@members')."""
    segments = path.split("/")
    index = next(i for i, s in enumerate(segments) if s.startswith("@"))
    return "/".join(segments[:index]), segments[index]


def documented(spec) -> tuple[set, set]:
    services, panels = set(), set()
    for path, item in spec["paths"].items():
        methods = {m.upper() for m in item if m in HTTP_METHODS}
        if "x-goov-controlpanel" in item:
            assert path == f"/@controlpanels/{item['x-goov-controlpanel']}", path
            panels |= {(item["x-goov-controlpanel"], m) for m in methods}
            continue
        prefix, name = split_path(path)
        assert item.get("x-goov-context") == CONTEXT_PATHS.get(prefix), (
            f"{path}: x-goov-context {item.get('x-goov-context')} does not match "
            f"where the path says the service is ({CONTEXT_PATHS.get(prefix)})"
        )
        context = resolve(item["x-goov-context"])
        services |= {(context, name, m) for m in methods}
    return services, panels


def test_spec_is_valid_openapi_31(spec):
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_the_registry_is_read(portal):
    """Guard against a vacuous comparison: the scan finds known services."""
    services = registered_services()
    assert (IPloneSiteRoot, "@signals", "POST") in services
    assert (IDossier, "@members", "DELETE") in services
    assert ("goov-wijken", "PATCH") in registered_controlpanels()


def test_every_registered_service_is_documented(portal, spec):
    services, _ = documented(spec)
    missing = readable(registered_services() - services)
    assert not missing, f"goov services not in docs/openapi.yaml: {missing}"


def test_every_documented_operation_is_registered(portal, spec):
    services, _ = documented(spec)
    stale = readable(services - registered_services())
    assert not stale, f"documented in docs/openapi.yaml but not registered: {stale}"


def test_controlpanels_match(portal, spec):
    _, panels = documented(spec)
    assert panels == registered_controlpanels()


def test_operation_ids_are_unique_and_every_operation_answers_401(spec):
    ids = []
    for path, item in spec["paths"].items():
        for method in (m for m in item if m in HTTP_METHODS):
            operation = item[method]
            ids.append(operation["operationId"])
            if operation.get("security") == [] or {} in operation.get("security", ()):
                continue  # public
            assert "401" in operation["responses"], f"{method.upper()} {path}"
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "errors",
    [[], [{"field": "category", "message": "Onbekende categorie."}]],
)
def test_error_schema_matches_goov_errors(spec, errors):
    schema = {
        "$ref": "#/components/schemas/GoovError",
        "components": spec["components"],
    }
    body = error_body("De melding is niet geldig.", errors)
    Draft202012Validator(schema).validate(body)
    # A body of another shape must not pass: the schema has teeth.
    with pytest.raises(ValidationError, match="required"):
        Draft202012Validator(schema).validate({"message": "x"})
