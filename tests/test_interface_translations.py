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
