import json
import re
from pathlib import Path

import polib
import pytest
from django.test import Client

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_catalogue_compiled_and_complete(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgid, entry.msgstr) for entry in mo if not entry.msgid_plural}
    for entry in po.translated_entries():
        if not entry.msgid_plural:
            assert (entry.msgid, entry.msgstr) in compiled, f"{language}: django.mo is stale for {entry.msgid!r}"
    if language == "nl":  # English is the source language of the interface strings
        assert po.untranslated_entries() == [] and po.fuzzy_entries() == []


@pytest.mark.django_db
def test_interface_follows_the_page_language(site_tree):
    from wagtail.models import Locale

    client = Client()
    assert "Direct naar de inhoud" in client.get(site_tree["home"].url).content.decode()
    english = site_tree["home"].copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    assert "Skip to content" in client.get(english.url).content.decode()


FORMAL = re.compile(r"(?<![\w-])(u|uw|U|Uw)(?![\w-])")


def test_the_public_site_says_je_never_u():
    """docs/writing.md: the reader is *je*; only our own admin screens follow Wagtail's *u*."""
    po = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    formal = [
        entry.msgstr
        for entry in po.translated_entries()
        if FORMAL.search(entry.msgstr)
        and not all(
            "/admin/" in path or path.endswith(("wagtail_hooks.py", "admin.py")) for path, _ in entry.occurrences
        )
    ]
    assert formal == []
    demo = Path(__file__).resolve().parent.parent / "demo" / "data"
    for path in demo.glob("*.json"):
        text = json.loads(path.read_text())
        dutch = json.dumps(without_english(text), ensure_ascii=False)
        found = FORMAL.search(dutch)
        assert found is None, f"{path.name}: {dutch[max(0, found.start() - 60) : found.end() + 60]!r}"


def without_english(value):
    """A demo file's data without its English parts (keys "en", "english", or ending in "_en")."""
    if isinstance(value, dict):
        return {
            key: without_english(item)
            for key, item in value.items()
            if key not in ("en", "english") and not key.endswith("_en")
        }
    if isinstance(value, list):
        return [without_english(item) for item in value]
    return value
