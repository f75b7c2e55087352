"""@@regie: the regisseur's workbench (inbox, map, open dossiers)."""

from datetime import date
from datetime import datetime
from goov.browser.states import state_title
from goov.domain.regie import count_by
from goov.domain.regie import propose_dossier
from goov.domain.regie import SignalSummary
from goov.domain.vocab import title_of
from goov.geo import configured_geojson
from goov.geo import wijk_name
from goov.geo import wijken
from goov.partners import all_partners
from goov.vocabularies import category_terms
from plone import api
from plone.restapi.serializer.converters import json_compatible
from Products.Five.browser import BrowserView

import json


OPEN_SIGNAL_STATES = ("new", "triaged")
SIGNAL_STATES = ("new", "triaged", "linked", "closed", "rejected")
MAX_INBOX = 500


def script_json(data) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(data, default=json_compatible)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class RegieView(BrowserView):
    def filters(self) -> dict:
        form = self.request.form
        states = form.get("state") or list(OPEN_SIGNAL_STATES)
        states = [states] if isinstance(states, str) else states
        return {
            "state": [s for s in states if s in SIGNAL_STATES]
            or list(OPEN_SIGNAL_STATES),
            "wijk": form.get("wijk") or "",
            "category": form.get("category") or "",
            "partner": form.get("partner") or "",
            "from": form.get("from") or "",
            "to": form.get("to") or "",
            "urgent": form.get("urgent") == "1",
        }

    def _query(self, with_state: bool = True) -> dict:
        f = self.filters()
        query = {"portal_type": "Signal"}
        if with_state:
            query["review_state"] = f["state"]
        for key, index in (
            ("wijk", "wijk"),
            ("category", "category"),
            ("partner", "reporting_partner"),
        ):
            if f[key]:
                query[index] = f[key]
        start, end = _date(f["from"]), _date(f["to"])
        if start or end:
            low = datetime.combine(start or date(1900, 1, 1), datetime.min.time())
            high = datetime.combine(end or date(2999, 1, 1), datetime.max.time())
            query["observed_at"] = {"query": (low, high), "range": "min:max"}
        if f["urgent"]:
            query["urgent"] = True
        return query

    def signals(self):
        brains = api.content.find(
            sort_on="created_at", sort_order="reverse", **self._query()
        )
        return brains[:MAX_INBOX]

    def total(self) -> int:
        return len(api.content.find(**self._query()))

    def state_counts(self) -> dict:
        return count_by(
            b.review_state for b in api.content.find(**self._query(with_state=False))
        )

    def category_counts(self) -> list[tuple[str, int]]:
        terms = category_terms()
        counts = count_by(b.category for b in api.content.find(**self._query()))
        return [(title_of(terms, token) or token, n) for token, n in counts.items()]

    def categories(self):
        return category_terms()

    def wijken(self):
        return wijken()

    def partners(self):
        return all_partners()

    def category_title(self, token):
        return title_of(category_terms(), token) or token

    def wijk_title(self, code):
        return wijk_name(code) or ""

    def state_title(self, state, portal_type="Signal"):
        return state_title(state, portal_type)

    def open_dossiers(self) -> list[dict]:
        today = date.today()
        result = []
        for brain in api.content.find(
            portal_type="Dossier",
            review_state=["intake", "analysis", "active", "monitoring"],
            sort_on="modified",
            sort_order="reverse",
        ):
            overdue = api.content.find(
                portal_type="Action",
                path=brain.getPath(),
                review_state=["open", "in_progress"],
                due_date={"query": today, "range": "max"},
            )
            result.append(
                {
                    "url": brain.getURL(),
                    "uid": brain.UID,
                    "title": brain.Title,
                    "state": state_title(brain.review_state, "Dossier"),
                    "wijk": wijk_name(brain.wijk) or "",
                    "overdue": len(
                        [b for b in overdue if b.due_date and b.due_date < today]
                    ),
                    "next_meeting": self.next_meeting(brain.UID),
                }
            )
        return result

    def next_meeting(self, dossier_uid: str) -> dict | None:
        items = api.content.find(portal_type="AgendaItem", dossier_uid=dossier_uid)
        upcoming = []
        now = datetime.now()
        for item in items:
            meeting = item.getObject().aq_parent
            start = getattr(meeting, "start", None)
            if start is not None and start.replace(tzinfo=None) >= now:
                upcoming.append((start, meeting))
        if not upcoming:
            return None
        start, meeting = min(upcoming, key=lambda pair: pair[0].replace(tzinfo=None))
        return {"title": meeting.Title(), "url": meeting.absolute_url(), "start": start}

    def config(self) -> str:
        return script_json(
            {
                "portal": api.portal.get().absolute_url(),
                "tileUrl": api.portal.get_registry_record(
                    "goov.map_tile_url", default=""
                ),
                "attribution": api.portal.get_registry_record(
                    "goov.map_tile_attribution", default=""
                ),
                "signals": [
                    {
                        "uid": b.UID,
                        "url": b.getURL(),
                        "title": b.Title,
                        "state": b.review_state,
                        "lat": b.latitude,
                        "lon": b.longitude,
                        "urgent": bool(b.urgent),
                    }
                    for b in self.signals()
                ],
            }
        )


class ProposalView(BrowserView):
    """@@regie-proposal?uid=...&uid=...: a proposed dossier for selected signals."""

    def __call__(self):
        uids = self.request.form.get("uid") or []
        uids = [uids] if isinstance(uids, str) else uids
        terms = category_terms()
        summaries = [
            SignalSummary(
                uid=b.UID,
                category=b.category,
                category_title=title_of(terms, b.category),
                wijk=b.wijk,
                wijk_title=wijk_name(b.wijk),
                address_key=next(
                    (k for k in b.match_keys or () if k.startswith("a:")), None
                ),
            )
            for b in api.content.find(portal_type="Signal", UID=uids)
        ]
        self.request.response.setHeader("Content-Type", "application/json")
        return json.dumps(propose_dossier(summaries))


class WijkenGeoJSON(BrowserView):
    """The configured neighbourhood polygons, for maps."""

    def __call__(self):
        self.request.response.setHeader("Content-Type", "application/geo+json")
        self.request.response.setHeader("Cache-Control", "private, max-age=3600")
        return configured_geojson()
