"""Pages of the privacy officer: @@audit-log (the log with its filters, CSV and a
chain check) and @@inzageverzoek (an access request with ZIP/PDF downloads)."""

from goov.access_request import log_access_request
from goov.access_request import search
from goov.audit.store import all_records
from goov.audit.store import query
from goov.domain.access_request import parse
from goov.domain.access_request import RequestError
from goov.domain.audit import ACTIONS
from goov.domain.audit import first_broken
from goov.services.audit_log.get import FILTERS
from goov.services.audit_log.get import parse_filters
from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode


class AuditLogView(BrowserView):
    actions = ACTIONS

    def __call__(self):
        self.error = None
        self.items, self.total, self.start, self.size = [], 0, 0, 50
        try:
            self.filters, self.start, self.size = parse_filters(self.request.form)
        except ValueError as exc:
            self.error = str(exc)
            self.filters = {k: self.request.form.get(k) for k in FILTERS}
        else:
            self.items, self.total = query(self.filters, self.start, self.size)
        self.chain = None
        if self.request.form.get("verify"):
            records = list(all_records())
            self.chain = {"records": len(records), "broken": first_broken(records)}
        return self.index()

    def value(self, name: str) -> str:
        return (self.filters or {}).get(name) or ""

    def query_string(self, **extra) -> str:
        params = {k: v for k, v in (self.filters or {}).items() if v}
        return urlencode({**params, **extra})

    def csv_url(self) -> str:
        base = self.context.absolute_url()
        return f"{base}/++api++/@audit-log?{self.query_string(format='csv')}"

    def previous_url(self) -> str | None:
        if self.start <= 0:
            return None
        start = max(0, self.start - self.size)
        return f"?{self.query_string(b_start=start, b_size=self.size)}"

    def next_url(self) -> str | None:
        if self.start + self.size >= self.total:
            return None
        return f"?{self.query_string(b_start=self.start + self.size, b_size=self.size)}"


class AccessRequestView(BrowserView):
    def __call__(self):
        form = self.request.form
        self.error, self.report = None, None
        self.name = form.get("name") or ""
        self.birthdate = form.get("birthdate") or ""
        if form.get("submitted"):
            try:
                subject = parse(self.name, self.birthdate)
            except RequestError as exc:
                self.error = exc.field
            else:
                items = search(subject)
                log_access_request(api.user.get_current().getId(), items)
                self.report = {"items": items, "items_total": len(items)}
        return self.index()

    def download_url(self, fmt: str) -> str:
        params = {"name": self.name, "format": fmt}
        if self.birthdate:
            params["birthdate"] = self.birthdate
        base = self.context.absolute_url()
        return f"{base}/++api++/@access-request?{urlencode(params)}"
