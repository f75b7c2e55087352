"""Plain rules behind the regie workbench: proposals, timelines, counts."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SignalSummary:
    uid: str
    category: str | None
    category_title: str | None
    wijk: str | None
    wijk_title: str | None
    address_key: str | None


def propose_dossier(signals: list[SignalSummary]) -> dict:
    """Title, kind and wijk proposed from the selected signals.

    One shared address -> an address dossier; otherwise, all in one wijk -> a
    location/hotspot dossier; otherwise a theme dossier. The title names the
    category and the place, never a person.
    """
    if not signals:
        return {"title": "", "kind": "location", "wijk": None}
    categories = Counter(s.category_title or s.category for s in signals if s.category)
    wijken = Counter(s.wijk for s in signals if s.wijk)
    addresses = {s.address_key for s in signals if s.address_key}
    wijk = wijken.most_common(1)[0][0] if wijken else None
    wijk_title = next((s.wijk_title for s in signals if s.wijk == wijk), None)
    if len(addresses) == 1 and all(s.address_key for s in signals):
        kind = "address"
    elif len(wijken) <= 1:
        kind = "location"
    else:
        kind = "theme"
    category = categories.most_common(1)[0][0] if categories else "Signalen"
    title = f"{category} — {wijk_title}" if wijk_title and kind != "theme" else category
    return {"title": title, "kind": kind, "wijk": wijk}


@dataclass(frozen=True)
class TimelineEvent:
    time: datetime
    kind: str  # state, roster, signal, action, meeting
    text: str
    actor: str | None = None
    url: str | None = None


def timeline(events: list[TimelineEvent]) -> list[TimelineEvent]:
    """Newest first; equal times keep their given order."""
    return sorted(events, key=lambda e: e.time, reverse=True)


def count_by(values) -> dict[str, int]:
    return dict(Counter(v for v in values if v).most_common())
