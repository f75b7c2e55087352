"""Dossiers: kinds, legal bases and the rules that guard their workflow."""

from collections.abc import Iterable
from goov.domain.vocab import Term


KINDS = (
    Term("person", "Persoon"),
    Term("family", "Gezin / familie"),
    Term("address", "Adres"),
    Term("location", "Locatie / hotspot"),
    Term("theme", "Thema"),
)

RISK_LEVELS = (
    Term("low", "Laag"),
    Term("medium", "Midden"),
    Term("high", "Hoog"),
    Term("critical", "Zeer hoog"),
)

LEGAL_BASES = (
    Term("wgs", "Wet gegevensverwerking door samenwerkingsverbanden (WGS)"),
    Term(
        "avg_6_1_e",
        "AVG art. 6 lid 1 sub e, met convenant van het samenwerkingsverband",
    ),
    Term("consent", "Toestemming van betrokkene"),
    Term("wpg", "Wet politiegegevens (grondslag in de Wpg)"),
    Term("other", "Anders (met toelichting)"),
)

STATES = ("intake", "analysis", "active", "monitoring", "closed")
FINISHED_ACTION_STATES = frozenset({"done", "cancelled"})


def activation_blockers(
    legal_basis: str | None, purpose: str | None, explanation: str | None
) -> list[str]:
    """Why a dossier may not be created or activated; empty when it may."""
    problems = []
    if not legal_basis:
        problems.append("legal_basis")
    elif legal_basis == "other" and not (explanation or "").strip():
        problems.append("legal_basis_explanation")
    if not (purpose or "").strip():
        problems.append("purpose")
    return problems


def closing_blockers(action_states: Iterable[str], result: str | None) -> list[str]:
    """Why a dossier may not be closed: unfinished actions or no result."""
    problems = []
    unfinished = [s for s in action_states if s not in FINISHED_ACTION_STATES]
    if unfinished:
        problems.append(f"{len(unfinished)} unfinished action(s)")
    if not (result or "").strip():
        problems.append("result")
    return problems
