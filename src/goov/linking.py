"""Link signals to a dossier and back (all or nothing)."""

from goov.content.dossier import IDossier
from plone import api


class LinkError(ValueError):
    def __init__(self, message: str, uids: list[str]):
        super().__init__(message)
        self.message = message
        self.uids = uids


def _visible_signals(uids: list[str]) -> dict:
    """UID -> signal, only for signals the current user may see."""
    brains = api.content.find(portal_type="Signal", UID=uids)
    return {b.UID: b.getObject() for b in brains}


def link_signals(dossier, uids: list[str]) -> list[str]:
    if not IDossier.providedBy(dossier):
        raise TypeError("not a dossier")
    signals = _visible_signals(uids)
    unknown = [u for u in uids if u not in signals]
    if unknown:
        raise LinkError("Unknown or invisible signals", unknown)
    target = dossier.UID()
    blocked = [
        u
        for u, s in signals.items()
        if s.dossier != target
        and (s.dossier or api.content.get_state(obj=s) not in ("new", "triaged"))
    ]
    if blocked:
        raise LinkError("Signals already linked or closed", blocked)
    changed = []
    for uid in uids:
        signal = signals[uid]
        if signal.dossier == target:
            continue
        signal.dossier = target
        api.content.transition(obj=signal, transition="link")
        signal.reindexObject(idxs=["dossier_uid"])
        signal.reindexObjectSecurity()
        changed.append(uid)
    dossier.signal_uids = tuple(dict.fromkeys((*dossier.signal_uids, *changed)))
    return changed


def unlink_signals(dossier, uids: list[str]) -> list[str]:
    signals = _visible_signals(uids)
    target = dossier.UID()
    wrong = [u for u in uids if u not in signals or signals[u].dossier != target]
    if wrong:
        raise LinkError("Signals not linked to this dossier", wrong)
    for uid in uids:
        signal = signals[uid]
        signal.dossier = None
        api.content.transition(obj=signal, transition="unlink")
        signal.reindexObject(idxs=["dossier_uid"])
        signal.reindexObjectSecurity()
    dossier.signal_uids = tuple(u for u in dossier.signal_uids if u not in uids)
    return list(uids)
