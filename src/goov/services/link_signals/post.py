"""POST {dossier}/@link-signals and @unlink-signals {"signals": [UID, ...]}.

All or nothing: every UID must name a signal the user can see and that can make the
move, or nothing changes and the 400 names the offending UIDs.
"""

from goov.linking import link_signals
from goov.linking import LinkError
from goov.linking import unlink_signals
from goov.serializers.content import linked_signals
from goov.services.errors import InputError
from goov.services.errors import read_json
from goov.services.errors import reply_error
from goov.services.errors import require_fields
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides


def read_uids(request) -> list[str]:
    data = read_json(request)
    require_fields(data, {"signals"}, {"signals"})
    uids = data["signals"]
    if not isinstance(uids, list) or not all(isinstance(u, str) for u in uids):
        raise InputError(
            "Invalid input", [{"field": "signals", "message": "A list of UIDs"}]
        )
    return list(dict.fromkeys(uids))


class LinkSignals(Service):
    operation = staticmethod(link_signals)

    def reply(self) -> dict:
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            uids = read_uids(self.request)
            try:
                changed = self.operation(self.context, uids)
            except LinkError as exc:
                raise InputError(
                    exc.message,
                    [{"field": "signals", "message": exc.message, "uids": exc.uids}],
                ) from exc
        except InputError as exc:
            return reply_error(self, exc)
        return {"changed": changed, "signals": linked_signals(self.context)}


class UnlinkSignals(LinkSignals):
    operation = staticmethod(unlink_signals)
