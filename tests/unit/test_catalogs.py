"""The goov translation catalogs: complete, parseable, and in step with the code."""

from goov.domain import action
from goov.domain import dossier
from goov.domain import signal
from io import BytesIO
from pathlib import Path
from pythongettext.msgfmt import Msgfmt

import gettext
import pytest
import re


SRC = Path(__file__).resolve().parents[2] / "src" / "goov"
LOCALES = SRC / "locales"
ENTRY = re.compile(r'^msgid "(.+)"\nmsgstr "(.*)"$', re.MULTILINE)
SOURCE_MSGID = re.compile(r'\b_\(\s*"([a-z_0-9]+)"')
VOCABULARIES = {
    "dossier_kind": dossier.KINDS,
    "risk_level": dossier.RISK_LEVELS,
    "legal_basis": dossier.LEGAL_BASES,
    "action_priority": action.PRIORITIES,
    "signal_source": signal.SOURCES,
}


def entries(path: Path) -> dict[str, str]:
    return dict(ENTRY.findall(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_catalog_complete_and_compiles(lang):
    po = LOCALES / lang / "LC_MESSAGES" / "goov.po"
    expected = set(entries(LOCALES / "goov.pot"))
    translations = entries(po)
    assert set(translations) == expected
    assert [m for m, s in translations.items() if not s] == []
    # A msgid like "label_title" is an id, never a text: it must be translated.
    assert [
        m for m, s in translations.items() if re.match(r"^[a-z0-9_]+$", m) and s == m
    ] == []
    catalog = gettext.GNUTranslations(BytesIO(Msgfmt(str(po), name="goov").get()))
    assert catalog.gettext("label_title") == {"nl": "Titel", "en": "Title"}[lang]


def test_every_source_msgid_is_in_the_pot():
    pot = set(entries(LOCALES / "goov.pot"))
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(SOURCE_MSGID.findall(path.read_text(encoding="utf-8")))
    assert used - pot == set()


def test_vocabulary_terms_are_in_the_pot():
    """Vocabulary msgids are built at run time; vocabularies.pot lists them."""
    pot = set(entries(LOCALES / "goov.pot"))
    for name, terms in VOCABULARIES.items():
        for term in terms:
            assert f"{name}_{term.token}" in pot
