"""Fixed choice lists: (token, Dutch title) pairs. Titles are i18n defaults."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    token: str
    title: str


def tokens(terms: tuple[Term, ...]) -> list[str]:
    return [t.token for t in terms]


def title_of(terms: tuple[Term, ...], token: str | None) -> str | None:
    for term in terms:
        if term.token == token:
            return term.title
    return None
