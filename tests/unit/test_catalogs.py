"""The goov translation catalogs: complete, parseable, and in step with the .pot."""

from io import BytesIO
from pathlib import Path
from pythongettext.msgfmt import Msgfmt

import gettext
import pytest
import re


LOCALES = Path(__file__).resolve().parents[2] / "src" / "goov" / "locales"
MSGID = re.compile(r'^msgid "(.+)"$', re.MULTILINE)


def msgids(path: Path) -> set[str]:
    return set(MSGID.findall(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_catalog_complete_and_compiles(lang):
    po = LOCALES / lang / "LC_MESSAGES" / "goov.po"
    expected = msgids(LOCALES / "goov.pot")
    assert msgids(po) == expected
    catalog = gettext.GNUTranslations(BytesIO(Msgfmt(str(po), name="goov").get()))
    for msgid in expected:
        assert catalog.gettext(msgid) != msgid, f"{lang}: {msgid} untranslated"
