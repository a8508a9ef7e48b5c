import os

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from articles.models import ArticlePage
from core.models import WerkplaatsPage
from events.models import EventPage
from newsletters.models import Mailing, NewsletterList, Subscriber
from practices.models import PracticePage


@pytest.mark.django_db
def test_demo_content_is_idempotent():
    def counts():
        return (
            Page.objects.count(),
            ArticlePage.objects.count(),
            PracticePage.objects.count(),
            EventPage.objects.count(),
            get_user_model().objects.count(),
            Subscriber.objects.count(),
            Mailing.objects.count(),
        )

    before = counts()
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)  # the package loaded it once already
    assert counts() == before

    dutch = WerkplaatsPage.objects.filter(locale__language_code="nl")
    assert dutch.count() == 6
    assert ArticlePage.objects.filter(locale__language_code="nl").count() >= 10
    assert ArticlePage.objects.filter(locale__language_code="en").exists()
    # Every Dutch article sits below its werkplaats, or nationally.
    for article in ArticlePage.objects.filter(locale__language_code="nl", werkplaats__isnull=False):
        assert article.path.startswith(article.werkplaats.path)

    # At least fifteen practices, each with a regional-fit record and complete in English.
    practices = PracticePage.objects.filter(locale__language_code="nl").prefetch_related("implementations")
    assert practices.count() >= 15
    for practice in practices:
        assert practice.implementations.exists(), practice.slug
        assert practice.werkplaats is not None
    english = {page.translation_key: page for page in PracticePage.objects.filter(locale__language_code="en")}
    for practice in practices:
        translation = english[practice.translation_key]
        for field in ("title", "aim", "cost_notes", "research_knowledge", "staff_needed", "time_needed"):
            dutch_text, english_text = getattr(practice, field), getattr(translation, field)
            assert bool(english_text) == bool(dutch_text), (practice.slug, field)
            assert not dutch_text or english_text != dutch_text or field == "title", (practice.slug, field)
        pairs = zip(practice.approach, translation.approach, strict=True)
        assert all(dutch.value.source != english.value.source for dutch, english in pairs), practice.slug
        pairs = zip(practice.working_elements.all(), translation.working_elements.all(), strict=True)
        assert all(dutch.explanation != english.explanation for dutch, english in pairs), practice.slug
        pairs = zip(practice.sources.all(), translation.sources.all(), strict=True)
        assert all(dutch.url == english.url for dutch, english in pairs), practice.slug

    # The seeds' meetings as past events with a retrospective, and upcoming ones from today on.
    events = EventPage.objects.filter(locale__language_code="nl")
    past = [event for event in events if event.is_past]
    assert len(past) >= 6 and all(event.report for event in past)
    assert sum(1 for event in events if not event.is_past) >= 3
    assert events.get(slug="symposium-informele-steun-2023").skj_points == 4
    full = events.get(slug="leernetwerk-kwetsbare-gezinnen-voorjaar")
    assert full.registrations.filter(status="bevestigd").count() == full.capacity
    assert full.registrations.filter(status="wachtlijst").exists()
    # A national newsletter and one per werkplaats, open for subscriptions.
    assert NewsletterList.objects.filter(werkplaats__isnull=True).count() == 1
    assert NewsletterList.objects.filter(werkplaats__isnull=False).count() == dutch.count()
    # About 200 readers; sent issues of SAMEN and Groningen in the archive; one issue scheduled.
    from newsletters.models import Delivery

    assert Subscriber.objects.count() == 200
    sent = Mailing.objects.filter(status="klaar").select_related("newsletter")
    assert {mailing.newsletter.slug for mailing in sent} == {"samen", "groningen"}
    assert Delivery.objects.filter(mailing__in=sent, status="verzonden").count() > 100
    scheduled = Mailing.objects.get(status="gepland")
    assert scheduled.send_after > scheduled.created_at and not scheduled.deliveries.exists()


@pytest.mark.django_db
def test_demo_translations_are_wagtail_localize_translations(client):
    """Each English demo page is a wagtail-localize translation an editor can open and sync."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation

    from core.translation_status import UP_TO_DATE, translation_statuses

    english = Locale.objects.get(language_code="en")
    dutch_keys = Page.objects.filter(locale__language_code="nl").values("translation_key")
    # Every English page with a Dutch version (not the webinar written in English only).
    translated = Page.objects.filter(locale=english, alias_of__isnull=True, depth__gt=2, translation_key__in=dutch_keys)
    assert Page.objects.filter(locale=english, depth__gt=2).exclude(translation_key__in=dutch_keys).exists()
    assert translated.count() >= 10
    records = {
        record.source.object_id: record
        for record in Translation.objects.filter(target_locale=english).select_related("source")
    }
    for page in translated:
        assert page.translation_key in records, page.url_path
        done, total = records[page.translation_key].get_progress()[::-1]
        assert done == total, page.url_path  # every string of every demo translation is translated
    # The English slug is part of the translation: the articles' slugs are English.
    for article in ArticlePage.objects.filter(locale=english):
        assert article.slug != article.get_translation(Locale.objects.get(language_code="nl")).slug
        done, total = records[article.translation_key].get_progress()[::-1]
        assert done == total, article.title  # every string of the demo's English articles is translated
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        statuses = {item.source.pk: item for item in translation_statuses("en")}
    assert len(queries) == 6  # however many pages and translations: progress is counted in one query
    for item in statuses.values():
        if item.record:
            assert item.progress == item.record.get_progress(), item.source.url_path  # wagtail-localize's own count
    for source in Page.objects.filter(locale__language_code="nl", depth__gt=1):
        item = statuses[source.pk]
        translated_here = item.translation is not None
        assert (item.status == UP_TO_DATE) == translated_here, source.url_path  # the report agrees

    # The English home keeps the Dutch home's featured items (synchronised) and shows their English versions.
    from home.models import HomePage

    english_home = HomePage.objects.get(locale=english)
    assert english_home.featured_items.exists()
    featured = english_home.featured_in_own_language()
    assert featured and all(page.locale_id == english.pk for page in featured)
    assert statuses[HomePage.objects.get(locale__language_code="nl").pk].status == UP_TO_DATE

    admin = get_user_model().objects.filter(is_superuser=True).first()
    client.force_login(admin)
    page = ArticlePage.objects.filter(locale=english).first()
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [template.name for template in response.templates]


@pytest.mark.django_db
def test_the_demo_factsheets_carry_text():
    """Every PDF the demo attaches had its text read when it was uploaded."""
    from wagtail.documents import get_document_model

    from core.models import DocumentText

    factsheets = get_document_model().objects.filter(file__endswith=".pdf")
    assert factsheets.count() >= 3
    for document in factsheets:
        stored = DocumentText.objects.get(document=document)
        assert stored.problem == "" and len(stored.text.split()) >= 5, document.title


@pytest.mark.django_db
def test_the_demo_practices_are_the_data_file_read_by_the_importer(capsys):
    """Importing demo/data/practices.json again finds every practice as the demo made it."""
    import json

    from django.conf import settings

    data = settings.BASE_DIR / "demo" / "data" / "practices.json"
    records = json.loads(data.read_text("utf-8"))["practices"]
    call_command("import_practices", str(data))
    assert capsys.readouterr().out.strip() == f"0 nieuw, 0 bijgewerkt, {len(records)} ongewijzigd"
    for record in records:
        page = PracticePage.objects.get(slug=record["slug"], locale__language_code="nl")
        reviewed = page.last_reviewed.isoformat() if page.last_reviewed else ""
        assert page.title == record["title"] and reviewed == record["last_reviewed"]  # the data's date, not today's


@pytest.mark.django_db
def test_the_demo_calendar_and_newsletters_are_coherent():
    """Upcoming events fall on working days and no event on a public holiday; a werkplaats'
    newsletter names no province outside the werkplaats; the next issue's season is its own."""
    from django.utils import timezone
    from django.utils.html import strip_tags

    from demo.utils import dutch_public_holidays, season
    from geography.models import Province
    from newsletters.models import NewsletterPage

    for event in EventPage.objects.filter(locale__language_code="nl"):
        day = timezone.localtime(event.start).date()
        assert day not in dutch_public_holidays(day.year), (event.title, day)
        if not event.is_past:
            assert day.weekday() < 5, (event.title, day)
    provinces = set(Province.objects.values_list("name", flat=True))
    for issue in NewsletterPage.objects.filter(newsletter__werkplaats__isnull=False).select_related("newsletter"):
        werkplaats = issue.newsletter.werkplaats
        own = set(werkplaats.provinces.values_list("name", flat=True))
        text = " ".join([issue.title, issue.summary or "", strip_tags(issue.intro), strip_tags(str(issue.body))])
        assert not [name for name in provinces - own if name in text], (issue.title, own)
    scheduled = Mailing.objects.get(status="gepland")
    assert season(timezone.localtime(scheduled.send_after).date()) in scheduled.page.title
