"""Access requests (AVG art. 15): does a record name this person?

A structured person record matches when its normalised name equals the requested
name and, when both are known, the birthdate too. Free text matches when the whole
name occurs as whole words (case and accents ignored): "Jan Jansen" is not found in
"Jan Janssen" or "Jannie Jansen". Text hits cannot be checked against a birthdate;
they are reported as such, for the privacy officer to judge.
"""

from dataclasses import dataclass
from datetime import date
from goov.domain.similarity import normalise

import re


EXCERPT_CHARS = 80
NAME_MAX = 200


class RequestError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Subject:
    name: str
    birthdate: str | None = None

    @property
    def key(self) -> str:
        return normalise(self.name)


def parse(name: str | None, birthdate: str | None) -> Subject:
    name = (name or "").strip()
    if not name:
        raise RequestError("name", "Required")
    if len(name) > NAME_MAX:
        raise RequestError("name", f"At most {NAME_MAX} characters")
    if len(normalise(name).split()) < 2:
        raise RequestError("name", "Give first name (or initial) and surname")
    birthdate = (birthdate or "").strip() or None
    if birthdate is not None:
        try:
            date.fromisoformat(birthdate)
        except ValueError as exc:
            raise RequestError("birthdate", "YYYY-MM-DD") from exc
    return Subject(name, birthdate)


def person_matches(record: dict, subject: Subject) -> bool:
    if normalise(record.get("name", "")) != subject.key:
        return False
    known = record.get("birthdate")
    return not (subject.birthdate and known and known != subject.birthdate)


def matching_persons(records, subject: Subject) -> list[dict]:
    return [dict(r) for r in records or () if person_matches(r, subject)]


def _pattern(subject: Subject) -> re.Pattern:
    words = [re.escape(w) for w in subject.key.split()]
    return re.compile(r"(?<![\w])" + r"\W+".join(words) + r"(?![\w])", re.IGNORECASE)


def mentions(text: str | None, subject: Subject) -> list[str]:
    """Excerpts around each whole-word mention of the name in `text`."""
    if not text:
        return []
    if f" {subject.key} " not in f" {normalise(text)} ":
        return []
    found = [
        text[max(0, m.start() - EXCERPT_CHARS) : m.end() + EXCERPT_CHARS].strip()
        for m in _pattern(subject).finditer(text)
    ]
    # Accented spellings ("Jansén") match after normalising but not the pattern.
    return found or [normalise(text)[: 2 * EXCERPT_CHARS]]
