"""Schemathesis against a live GOOV: every documented operation, fuzzed.

A real server (`goov-start`, demo data, its own var directory and SMTP sink) is
started once; docs/openapi.yaml is loaded with the demo's dossier, signal, agenda
item and a fresh event filled in for the context path parameters, and with the live
category and partner vocabularies as enums (so that valid requests are generated
too). Each operation is called as a user who may use it, with schema-valid and
schema-violating requests (parameters, bodies). The run fails on any 5xx and on any
answer that the document does not describe: status code, content type, headers and
the JSON body against its schema.

GOOV_FUZZ_EXAMPLES (default 8) is the number of generated requests per operation and
generation mode (valid/invalid), plus 2 anonymous ones per operation that needs a
login; GOOV_FUZZ_SEED makes a run reproducible.
"""

from aiosmtpd.controller import Controller
from collections import Counter
from goov.demo.data import DEMO_PASSWORD
from pathlib import Path
from schemathesis import GenerationMode
from test_start import free_port
from test_start import Instance

import copy
import hypothesis
import os
import pytest
import requests
import schemathesis
import time
import yaml


pytestmark = pytest.mark.slow

SPEC_PATH = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
SPEC = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
OPERATION_IDS = [
    operation["operationId"]
    for item in SPEC["paths"].values()
    for operation in item.values()
    if isinstance(operation, dict) and "operationId" in operation
]
EXAMPLES = int(os.environ.get("GOOV_FUZZ_EXAMPLES") or 8)
ANONYMOUS_EXAMPLES = 2
SEED = os.environ.get("GOOV_FUZZ_SEED")
ADMIN_PASSWORD = "oa-fuzz-admin"
ACCEPT = {"Accept": "application/json"}
# Who calls each operation: someone who may use it, so that the run reaches the
# service code (None: anonymous). A new operation without an entry fails the run.
USERS = {
    "listSignals": "regisseur",
    "reportSignal": "regisseur",
    "similarSignals": "regisseur",
    "listMembers": "regisseur",
    "addMember": "regisseur",
    "removeMember": "regisseur",
    "linkSignals": "regisseur",
    "unlinkSignals": "regisseur",
    "setLegalHold": "regisseur",
    "recordDecision": "regisseur",
    "myActions": "politie",
    "sendReminders": "admin",
    "register": None,
    "listRegistrations": "redacteur",
    "report": "analist",  # analysts see suppressed counts ("<5")
    "auditLog": "privacy",
    "listTombstones": "privacy",
    "runRetention": "admin",
    "accessRequest": "privacy",
    "getWijkenControlpanel": "admin",
    "updateWijkenControlpanel": "admin",
    "getRetentionControlpanel": "admin",
    "updateRetentionControlpanel": "admin",
}
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_headers_conformance,
    schemathesis.checks.response_schema_conformance,
]
EVENT = {
    "@type": "Event",
    "title": "Webinar fuzzing",
    "start": "2030-03-01T14:00:00+01:00",
    "end": "2030-03-01T15:30:00+01:00",
    "event_kind": "webinar",
    "capacity": 3,
    "registration_open": True,
}


class Sink:
    """Accepts every mail (registrations and reminders send some)."""

    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


def credentials(user: str | None):
    if user is None:
        return None
    return ("admin", ADMIN_PASSWORD) if user == "admin" else (user, DEMO_PASSWORD)


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    port = free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    var = tmp_path_factory.mktemp("oa-fuzz") / "var"
    env = {
        "GOOV_DB": "",
        "GOOV_AUDIT_DB": "",
        "GOOV_DEMO": "1",
        "GOOV_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "GOOV_SMTP_HOST": "127.0.0.1",
        "GOOV_SMTP_PORT": str(port),
    }
    try:
        with Instance(var, **env) as instance:
            yield instance
    finally:
        controller.stop()


def relative(instance, url: str) -> str:
    assert url.startswith(instance.url + "/"), url
    return url[len(instance.url) + 1 :]


def first_path(instance, user, **query) -> str:
    found = instance.get("/@search", auth=credentials(user), params=query).json()
    assert found["items"], query
    return relative(instance, found["items"][0]["@id"])


def tokens(instance, vocabulary: str) -> list[str]:
    response = instance.get(
        f"/@vocabularies/{vocabulary}",
        auth=credentials("regisseur"),
        params={"b_size": 1000},
    )
    assert response.status_code == 200, response.text
    return [term["token"] for term in response.json()["items"]]


def context_values(instance) -> dict[str, str]:
    """Real objects of the demo for the context path parameters."""
    dossier = first_path(instance, "regisseur", portal_type="Dossier")
    agenda_item = first_path(instance, "regisseur", portal_type="AgendaItem")
    signal = first_path(instance, "regisseur", portal_type="Signal")
    editor = credentials("redacteur")
    created = requests.post(
        f"{instance.url}/platform",
        json=EVENT,
        auth=editor,
        headers=ACCEPT,
        timeout=60,
    )
    assert created.status_code == 201, created.text
    event = relative(instance, created.json()["@id"])
    published = requests.post(
        f"{instance.url}/{event}/@workflow/publish",
        auth=editor,
        headers=ACCEPT,
        timeout=60,
    )
    assert published.status_code == 200, published.text
    _, meeting, item = agenda_item.split("/")
    return {
        "dossier": dossier.split("/", 1)[1],
        "meeting": meeting,
        "agenda_item": item,
        "signal_path": signal.split("/", 1)[1],
        "event_path": event.split("/", 1)[1],
    }


def parameter_name(spec: dict, parameter: dict) -> str:
    if "$ref" in parameter:
        return spec["components"]["parameters"][parameter["$ref"].split("/")[-1]][
            "name"
        ]
    return parameter["name"]


def concrete(spec: dict, values: dict[str, str]) -> dict:
    """The document with the context path parameters replaced by real objects."""
    spec = copy.deepcopy(spec)
    paths = {}
    for path, item in spec["paths"].items():
        for name, value in values.items():
            path = path.replace("{" + name + "}", value)
        for holder in [item, *(item[m] for m in item if isinstance(item[m], dict))]:
            if "parameters" in holder:
                holder["parameters"] = [
                    p
                    for p in holder["parameters"]
                    if parameter_name(spec, p) not in values
                ]
        paths[path] = item
    spec["paths"] = paths
    return spec


@pytest.fixture(scope="module")
def fuzz_schema(live):
    spec = concrete(SPEC, context_values(live))
    schemas = spec["components"]["schemas"]
    schemas["SignalIntake"]["properties"]["category"]["enum"] = tokens(
        live, "goov.signal_categories"
    )
    schemas["NewAction"]["properties"]["assigned_partner"]["enum"] = tokens(
        live, "goov.partners"
    )
    config = schemathesis.Config.from_dict({"base-url": live.url, "headers": ACCEPT})
    schema = schemathesis.openapi.from_dict(spec, config=config)
    return {
        schema.get_operation_id(operation): operation
        for operation in (result.ok() for result in schema.get_all_operations())
    }


@pytest.fixture(scope="module")
def calls():
    """(operation id, status) of every request the run made."""
    return []


def fuzz(operation, mode: GenerationMode, auth, calls: list, examples: int) -> None:
    operation_id = operation.schema.get_operation_id(operation)

    @hypothesis.settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        response = case.call(headers=ACCEPT, auth=auth, timeout=120)
        calls.append((operation_id, response.status_code))
        case.validate_response(
            response, checks=CHECKS, headers=ACCEPT, transport_kwargs={"auth": auth}
        )

    if SEED:
        run = hypothesis.seed(int(SEED))(run)
    run()


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_operation_answers_as_documented(operation_id, fuzz_schema, calls):
    operation = fuzz_schema[operation_id]
    auth = credentials(USERS[operation_id])
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        fuzz(operation, mode, auth, calls, EXAMPLES)
    if auth is not None:
        # Anonymous callers get a documented answer too (401).
        fuzz(operation, GenerationMode.POSITIVE, None, calls, ANONYMOUS_EXAMPLES)


def test_every_operation_has_a_user():
    assert set(OPERATION_IDS) == set(USERS)


def test_the_run_reached_every_operation(calls, live):
    """Not vacuous: every documented operation was called, valid requests got
    through, and the server still answers."""
    per_operation = Counter(op for op, _ in calls)
    statuses = Counter(status for _, status in calls)
    print(f"\n{len(calls)} requests; statuses {dict(sorted(statuses.items()))}")
    print(f"per operation {dict(sorted(per_operation.items()))}")
    assert set(per_operation) == set(OPERATION_IDS)
    assert not [s for s in statuses if s >= 500]
    # Valid requests reached the service code: not only 4xx.
    assert sum(n for s, n in statuses.items() if s < 300) >= len(OPERATION_IDS)
    started = time.monotonic()
    assert live.get("/@signals", auth=credentials("regisseur")).status_code == 200
    assert time.monotonic() - started < 30
