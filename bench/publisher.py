"""Workloads through the real Zope publisher, each against a stock baseline.

Requests are WSGI calls, in process, to the application that goov-start serves
(the zope.ini pipeline: httpexceptions, translogger, Zope's publisher with
plone.rest/plone.restapi, PAS, transactions, events and the audit log) on the
benchmark database. No socket and no waitress: what is timed is the portal's own
work, and the client does not compete with the server for the two cores.
Users authenticate with a JWT from POST @login (as REST clients do).

Each workload runs GOOV (A) and its baseline (B) alternately, A B A B ..., after a
warm-up; every response status is checked. Objects the POSTs made are deleted
afterwards, so the database keeps its scale.
"""

from bench.generate import phone_jpeg
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from io import BytesIO
from urllib.parse import urlencode
from urllib.parse import urlparse

import base64
import json
import os
import sys
import time
import uuid


SITE = "/goov"
HOST = "localhost:8080"
PASSWORD = "goov-demo"  # noqa: S105 - the demo users of the benchmark database
AUDIT_OFF = "GOOV_AUDIT_OFF_FOR_BENCHMARK"
BASELINE = "bench-baseline"
REPORTER = "politie"  # a professional of partner-politie
COORDINATOR = "wijkteam"  # coordinator of partner-wijkteam: sees its partner's signals
DOSSIER_SIGNALS = 20
DOSSIER_ACTIONS = 10

GOALS = {
    "intake": 1.5,
    "photo intake": 1.3,
    "dossier GET": 2.0,
    "search": 2.0,
    "audit": 1.10,
}


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


class Client:
    """Calls a WSGI application as a browser or REST client would over HTTP."""

    def __init__(self, app):
        self.app = app
        self.tokens = {}

    def login(self, user: str, password: str = PASSWORD) -> str:
        if user not in self.tokens:
            body = json.dumps({"login": user, "password": password}).encode()
            response = self.call("POST", f"{SITE}/@login", body=body)
            assert response.status == 200, (user, response.status, response.body)
            self.tokens[user] = response.json()["token"]
        return self.tokens[user]

    def call(self, method, path, user=None, body=b"", params=None) -> Response:
        environ = {
            "REQUEST_METHOD": method,
            "SCRIPT_NAME": "",
            "PATH_INFO": path,
            "QUERY_STRING": urlencode(params or {}, doseq=True),
            "SERVER_NAME": HOST.split(":")[0],
            "SERVER_PORT": HOST.split(":")[1],
            "HTTP_HOST": HOST,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_ACCEPT": "application/json",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        if user:
            environ["HTTP_AUTHORIZATION"] = f"Bearer {self.login(user)}"
        started = []

        def start_response(status, headers, exc_info=None):
            started.append((int(status.split()[0]), dict(headers)))

        result = self.app(environ, start_response)
        try:
            data = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        status, headers = started[-1]
        return Response(status, headers, data)


def expect(response: Response, status: int) -> Response:
    if response.status != status:
        raise AssertionError(
            f"HTTP {response.status}, not {status}: {response.body[:500]}"
        )
    return response


def path_of(url: str) -> str:
    return urlparse(url).path


# ---- set-up in process (system user, one transaction) ----------------------------
def prepare(site) -> dict:
    """The baseline folder, a dossier with 20 signals and 10 actions, a member
    who may read it, and the filters of the partner search."""
    from bench.generate import PARTNERS
    from plone.dexterity.utils import createContentInContainer

    import transaction

    users = [REPORTER, COORDINATOR, "woning", "handhaver", "regisseur"]
    if BASELINE not in site.objectIds():
        folder = createContentInContainer(
            site, "Folder", checkConstraints=False, id=BASELINE, title="Baseline"
        )
        for user in users:
            folder.manage_setLocalRoles(user, ["Contributor", "Editor", "Reader"])
        folder.reindexObjectSecurity()
    folder = site[BASELINE]
    if "document" not in folder.objectIds():
        createContentInContainer(
            folder,
            "Document",
            checkConstraints=False,
            id="document",
            title="Werkafspraken casusoverleg",
            description="Een gewone Plone-pagina als maatstaf.",
            text=_richtext(3000),
        )
    dossier, member = dossier_and_member(site, users[:4])
    wijk = busiest_wijk(site, COORDINATOR)
    transaction.commit()
    return {
        "dossier": "/".join(dossier.getPhysicalPath()),
        "member": member,
        "document": "/".join(folder["document"].getPhysicalPath()),
        "search_wijk": wijk,
        "partners": len(PARTNERS) + 1,
    }


def dossier_and_member(site, users: list[str]) -> tuple:
    """The first dossier with 20 signals and 10 actions, and a demo user whose
    partner is on its roster."""
    from collective.workspace.interfaces import IWorkspace
    from goov.domain.partners import partners_among
    from plone import api

    partner_of = {
        user: set(partners_among(api.user.get(userid=user).getGroups()))
        for user in users
    }
    for brain in site.portal_catalog.unrestrictedSearchResults(
        portal_type="Dossier", sort_on="created"
    ):
        dossier = brain._unrestrictedGetObject()
        actions = [o for o in dossier.objectValues() if o.portal_type == "Action"]
        if (len(dossier.signal_uids), len(actions)) != (
            DOSSIER_SIGNALS,
            DOSSIER_ACTIONS,
        ):
            continue
        roster = set(IWorkspace(dossier).members)
        for user in users:
            if roster & partner_of[user]:
                return dossier, user
    raise RuntimeError("no dossier with 20 signals and 10 actions: regenerate")


def busiest_wijk(site, user: str) -> str:
    from collections import Counter
    from plone import api

    with api.env.adopt_user(username=user):
        brains = api.content.find(portal_type="Signal", review_state=SEARCH_STATES)
        counts = Counter(b.wijk for b in brains if b.wijk)
    return counts.most_common(1)[0][0]


def cleanup(site, paths: list[str]) -> int:
    """Delete what the POST workloads made (the database keeps its scale)."""
    import transaction

    removed = 0
    for path in paths:
        obj = site.unrestrictedTraverse(path.split("/", 2)[-1], None)
        if obj is None:
            continue
        obj.aq_parent.manage_delObjects([obj.getId()])
        removed += 1
        if removed % 200 == 0:
            transaction.commit()
    transaction.commit()
    return removed


def _richtext(size: int) -> dict:
    words = "Afspraken over signalen, dossiers en acties in de wijk. "
    text = (words * (size // len(words) + 1))[:size]
    return _rich(f"<p>{text}</p>")


def _rich(html: str):
    from plone.app.textfield.value import RichTextValue

    return RichTextValue(html, "text/html", "text/x-html-safe")


# ---- request bodies ----------------------------------------------------------------
def intake_body(photo: bytes | None = None) -> bytes:
    observed = datetime.now() - timedelta(hours=1)
    data = {
        "client_id": uuid.uuid4().hex,
        "category": "woonoverlast",
        "description": "Bewoners klagen over harde muziek en ruzie op de galerij, "
        "al drie avonden achter elkaar. Buren durven niets te zeggen. " * 3,
        "location": {"lat": 52.3817, "lon": 4.6370},
        "address": "Kruisstraat 12, 2011 PW Haarlem",
        "observed_at": observed.replace(microsecond=0).isoformat(),
        "urgent": False,
        "persons": [
            {"name": "J. Jansen", "birthdate": "1980-04-01", "role": "bewoner"}
        ],
    }
    if photo is not None:
        data["photos"] = [
            {
                "filename": "straat.jpg",
                "content-type": "image/jpeg",
                "data": base64.b64encode(photo).decode(),
            }
        ]
    return json.dumps(data).encode()


def document_body(size: int) -> bytes:
    """A stock Document whose JSON body is exactly `size` bytes."""
    data = {
        "@type": "Document",
        "title": "Verslag wijkschouw",
        "description": "Een gewone pagina van dezelfde omvang.",
        "text": {"data": "", "content-type": "text/html", "encoding": "utf-8"},
    }
    empty = len(json.dumps(data).encode())
    data["text"]["data"] = "x" * max(0, size - empty)
    return json.dumps(data).encode()


def image_body(photo: bytes) -> bytes:
    return json.dumps(
        {
            "@type": "Image",
            "title": "Foto straat",
            "image": {
                "data": base64.b64encode(photo).decode(),
                "encoding": "base64",
                "filename": "straat.jpg",
                "content-type": "image/jpeg",
            },
        }
    ).encode()


# ---- the workloads --------------------------------------------------------------
SEARCH_STATES = ["new", "triaged", "closed"]


def interleave(a, b, repeat: int, warmup: int) -> tuple[list, list]:
    """Time a() and b() alternately, A B A B ..., after `warmup` untimed pairs."""
    for _ in range(warmup):
        a()
        b()
    times_a, times_b = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        a()
        times_a.append(time.perf_counter() - t)
        t = time.perf_counter()
        b()
        times_b.append(time.perf_counter() - t)
    return times_a, times_b


class Workloads:
    def __init__(self, client: Client, setup: dict):
        self.client = client
        self.setup = setup
        self.created: list[str] = []

    def _post(self, path: str, user: str, body: bytes) -> dict:
        response = expect(self.client.call("POST", path, user, body), 201)
        self.created.append(path_of(response.headers["Location"]))
        return response.json()

    def intake(self, repeat: int, warmup: int) -> dict:
        size = len(intake_body())
        folder = f"{SITE}/{BASELINE}"
        times = interleave(
            lambda: self._post(f"{SITE}/@signals", REPORTER, intake_body()),
            lambda: self._post(folder, REPORTER, document_body(size)),
            repeat,
            warmup,
        )
        return {"times": times, "body_bytes": size, "user": REPORTER}

    def photo_intake(self, repeat: int, warmup: int) -> dict:
        photo = phone_jpeg()
        folder = f"{SITE}/{BASELINE}"
        stored = self._post(f"{SITE}/@signals", REPORTER, intake_body(photo))
        assert len(stored["photos"]) == 1, stored.get("photos")
        assert stored["photos"][0]["size"] != len(photo)  # re-encoded
        image = self._post(folder, REPORTER, image_body(photo))
        assert image["image"]["size"] == len(photo), image["image"]
        times = interleave(
            lambda: self._post(f"{SITE}/@signals", REPORTER, intake_body(photo)),
            lambda: self._post(folder, REPORTER, image_body(photo)),
            repeat,
            warmup,
        )
        return {"times": times, "jpeg_bytes": len(photo), "user": REPORTER}

    def _dossier(self) -> Response:
        response = expect(
            self.client.call("GET", self.setup["dossier"], self.setup["member"]), 200
        )
        return response

    def dossier_get(self, repeat: int, warmup: int) -> dict:
        found = self._dossier().json()
        assert len(found["signals"]) == DOSSIER_SIGNALS, len(found["signals"])
        actions = [i for i in found["items"] if i["@type"] == "Action"]
        assert len(actions) == DOSSIER_ACTIONS, len(actions)
        document = self.setup["document"]
        member = self.setup["member"]
        times = interleave(
            self._dossier,
            lambda: expect(self.client.call("GET", document, member), 200),
            repeat,
            warmup,
        )
        return {"times": times, "user": member}

    def search(self, repeat: int, warmup: int) -> dict:
        ours = {"state": SEARCH_STATES, "wijk": self.setup["search_wijk"], "b_size": 25}
        plain = {
            "portal_type": "Signal",
            "sort_on": "created_at",
            "sort_order": "reverse",
            "b_size": 25,
        }
        found = self._search("@signals", ours)
        baseline = self._search("@search", plain)
        assert len(found["items"]) == 25, found["items_total"]
        assert len(baseline["items"]) == 25, baseline["items_total"]
        times = interleave(
            lambda: self._search("@signals", ours),
            lambda: self._search("@search", plain),
            repeat,
            warmup,
        )
        return {
            "times": times,
            "user": COORDINATOR,
            "query": ours,
            "items_total": found["items_total"],
            "baseline_items_total": baseline["items_total"],
        }

    def _search(self, service: str, params: dict) -> dict:
        response = self.client.call(
            "GET", f"{SITE}/{service}", COORDINATOR, b"", params
        )
        return expect(response, 200).json()

    def audit(self, repeat: int, warmup: int) -> dict:
        def off():
            os.environ[AUDIT_OFF] = "1"
            try:
                self._dossier()
            finally:
                del os.environ[AUDIT_OFF]

        times = interleave(self._dossier, off, repeat, warmup)
        return {"times": times, "user": self.setup["member"]}
