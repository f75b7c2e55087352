"""Signals (straatsignalen): categories, states and plain-value rules."""

from datetime import datetime
from datetime import timedelta
from goov.domain.vocab import Term


# Default categories; site administrators edit the registry record
# goov.signal_categories (token -> title).
DEFAULT_CATEGORIES = (
    Term("drugs", "Drugs / hennep"),
    Term("woonoverlast", "Woonoverlast"),
    Term("verward_gedrag", "Verward gedrag"),
    Term("radicalisering", "Radicalisering"),
    Term("ondermijning", "Ondermijning"),
    Term("woonfraude", "Woonfraude / illegale onderhuur"),
    Term("zorgmijding", "Zorgmijding"),
    Term("verloedering", "Verloedering"),
    Term("uitbuiting", "Uitbuiting / mensenhandel"),
    Term("jeugdoverlast", "Jeugdoverlast"),
    Term("overig", "Overig"),
)

SOURCES = (
    Term("app", "Straatsignaal app"),
    Term("web", "Webformulier"),
    Term("api", "Koppeling (API)"),
    Term("police", "Politie"),
)

POLICE_SOURCE = "police"


def police_sourced(source: str | None, reporting_partner: str | None, police) -> bool:
    """Police information (Wpg) came through the police channel or from a police
    partner: it may be shared further only as the police allow."""
    return source == POLICE_SOURCE or (reporting_partner or "") in set(police or ())


STATES = ("new", "triaged", "linked", "closed", "rejected")
OPEN_STATES = ("new", "triaged")
DESCRIPTION_MAX = 5000
# Clocks of phones drift; a few minutes "in the future" is not an error.
FUTURE_TOLERANCE = timedelta(minutes=5)


def signal_title(category_title: str, observed_at: datetime | None) -> str:
    """A title without personal data: category and date only."""
    if observed_at is None:
        return category_title
    return f"{category_title} · {observed_at:%d-%m-%Y}"


def valid_latitude(value: float) -> bool:
    return -90.0 <= value <= 90.0


def valid_longitude(value: float) -> bool:
    return -180.0 <= value <= 180.0


def is_in_future(observed_at: datetime, now: datetime) -> bool:
    """observed_at and now must both be aware or both naive."""
    return observed_at > now + FUTURE_TOLERANCE


def may_link(state: str) -> bool:
    return state in OPEN_STATES
