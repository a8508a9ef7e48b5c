"""Translating a practice with wagtail-localize: facts stay in step with the Dutch page."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from core.models import Theme
from geography.models import Municipality
from practices.models import Implementation, PracticePage


@pytest.mark.django_db
def test_translation_keeps_the_record_and_taxonomies_in_sync(practice_db):
    dutch = practice_db["c"]
    english_locale = Locale.objects.get(language_code="en")
    practice_db["groningen"].copy_for_translation(english_locale, copy_parents=True)  # the overview first
    source, _created = TranslationSource.get_or_create_from_instance(dutch)
    source.create_or_update_translation(english_locale, fallback=True)  # untranslated text falls back to Dutch
    english = PracticePage.objects.get(translation_key=dutch.translation_key, locale=english_locale)
    assert [[m.name for m in item.municipalities.all()] for item in english.implementations.all()] == [
        ["Oldambt"],
        ["Utrecht"],
    ]
    assert english.implementations.first().locale == english_locale
    assert english.implementations.first().translation_key == dutch.implementations.first().translation_key
    assert sorted(theme.slug for theme in english.themes.all()) == ["informele-steun", "thuiszitters"]

    # The Dutch editor changes facts: they reach the English page on the next sync.
    dutch.themes = [Theme.objects.get(slug="thuiszitters")]
    dutch.age_max = 16
    new = Implementation(started=2024, outcome="loopt", adaptations="Kleinere groepen.")
    new.municipalities = [Municipality.objects.get(name="Pekela")]
    dutch.implementations = [*dutch.implementations.all(), new]
    dutch.save_revision().publish()
    source.update_from_db()
    source.create_or_update_translation(english_locale, fallback=True)
    english = PracticePage.objects.get(pk=english.pk)
    assert [theme.slug for theme in english.themes.all()] == ["thuiszitters"]
    assert english.age_max == 16
    assert [[m.name for m in item.municipalities.all()] for item in english.implementations.all()][-1] == ["Pekela"]
    assert english.werkplaats is not None
    assert english.fit_profile["implementations"][-1]["started"] == 2024
