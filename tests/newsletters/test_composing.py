"""Composing an issue in Wagtail: the digest, the e-mail preview, the test send, who may do what,
and the public side of a sent issue (web version, archive, RSS)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles.factories import ArticlePageFactory
from core.models import Theme
from events.factories import EventIndexPageFactory, EventPageFactory
from newsletters.digest import collect, since
from newsletters.factories import draft_issue
from newsletters.models import Mailing, NewsletterPage

ARCHIVE_QUERIES = 6  # was 12 before the site and the view restrictions were kept in the cache


def published(page, when, themes=()):
    """Publish ``page`` on ``themes`` and date its first publication ``when``."""
    page.themes.set(themes)
    page.save_revision().publish()
    type(page).objects.filter(pk=page.pk).update(first_published_at=when)
    page.refresh_from_db()
    return page


@pytest.fixture
def content(site_tree, newsletters):
    """SAMEN and Groningen content, old and new, on two themes."""
    now = timezone.now()
    theme, other = newsletters["theme"], Theme.objects.create(name="Onderwijs", slug="onderwijs")
    fresh = published(ArticlePageFactory(parent=site_tree["samen_news"], title="Nieuw over steun"), now, [theme])
    off_theme = published(ArticlePageFactory(parent=site_tree["samen_news"], title="Nieuw over school"), now, [other])
    old = published(
        ArticlePageFactory(parent=site_tree["samen_news"], title="Oud nieuws"),
        now - datetime.timedelta(days=200),
        [theme],
    )
    elsewhere = published(ArticlePageFactory(parent=site_tree["groningen_news"], title="Gronings nieuws"), now, [theme])
    calendar = EventIndexPageFactory(parent=site_tree["samen"])
    coming = published(EventPageFactory(parent=calendar, title="Komt eraan", days=10), now, [theme])
    gone = published(EventPageFactory(parent=calendar, title="Al geweest", days=-3), now, [theme])
    return {"fresh": fresh, "off_theme": off_theme, "old": old, "elsewhere": elsewhere, "coming": coming, "gone": gone}


def titles(found):
    return {kind: sorted(page.title for page in pages) for kind, pages in found.items() if pages}


@pytest.mark.django_db
def test_digest_takes_what_is_new_in_the_lists_werkplaats_and_themes(content, newsletters):
    samen = newsletters["samen"]
    after = timezone.now() - datetime.timedelta(days=90)
    assert titles(collect(samen, after)) == {
        "articles": ["Nieuw over school", "Nieuw over steun"],
        "events": ["Komt eraan"],  # an event that already happened is no news
    }
    samen.themes.add(newsletters["theme"])
    assert titles(collect(samen, after)) == {"articles": ["Nieuw over steun"], "events": ["Komt eraan"]}
    national = newsletters["national"]
    assert titles(collect(national, after))["articles"] == [
        "Gronings nieuws",
        "Nieuw over school",
        "Nieuw over steun",
    ]


@pytest.mark.django_db
def test_digest_starts_where_the_previous_issue_left_off(content, newsletters, site_tree):
    earlier = draft_issue(site_tree["samen"], newsletters["samen"], title="Vorige")
    sent_at = timezone.now() - datetime.timedelta(days=1)
    Mailing.objects.create(
        page=earlier,
        newsletter=newsletters["samen"],
        revision=earlier.save_revision(),
        send_after=sent_at,
        started_at=sent_at,
    )
    issue = draft_issue(site_tree["samen"], newsletters["samen"], title="Deze")
    assert since(issue) == sent_at
    first = draft_issue(
        site_tree["groningen"],
        newsletters["samen"].__class__.objects.create(
            name="Groningen", slug="groningen", werkplaats=site_tree["groningen"]
        ),
        title="Eerste",
    )
    assert timezone.now() - since(first) == pytest.approx(
        datetime.timedelta(days=90), abs=datetime.timedelta(minutes=1)
    )


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_superuser("hoofdredactie", "hoofdredactie@example.org", "a-long-password")
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_digest_button_adds_sections_to_the_draft(content, newsletters, site_tree, moderator):
    issue = draft_issue(site_tree["samen"], newsletters["samen"])
    url = reverse("newsletters_digest", args=[issue.pk])
    shown = moderator.get(url).content.decode()
    assert "Nieuw over steun" in shown and "Oud nieuws" not in shown
    assert moderator.post(url).status_code == 302
    draft = NewsletterPage.objects.get(pk=issue.pk).get_latest_revision_as_object()
    kinds = [block.block_type for block in draft.body]
    assert kinds == ["text", "events", "articles"]  # after what the editor wrote
    assert sorted(page.title for page in draft.body[2].value["pages"]) == ["Nieuw over school", "Nieuw over steun"]
    assert not NewsletterPage.objects.get(pk=issue.pk).live  # a draft, still to be approved


@pytest.mark.django_db
def test_preview_and_test_send_show_the_editor_the_real_e_mail(
    content, newsletters, site_tree, moderator, django_capture_on_commit_callbacks
):
    issue = draft_issue(site_tree["samen"], newsletters["samen"], articles=[content["fresh"]])
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username="hoofdredactie")
    email_preview = issue.serve_preview(request, "email").content.decode()
    assert 'role="presentation"' in email_preview and "Nieuw over steun" in email_preview
    text_preview = issue.serve_preview(request, "text")
    assert text_preview["Content-Type"].startswith("text/plain") and "Nieuw over steun" in text_preview.content.decode()

    url = reverse("newsletters_test_send", args=[issue.pk])
    assert "hoofdredactie@example.org" in moderator.get(url).content.decode()
    assert mail.outbox == []  # showing the page sends nothing
    with django_capture_on_commit_callbacks(execute=True):  # through the outbox, as every e-mail
        moderator.post(url)
    assert [message.to for message in mail.outbox] == [["hoofdredactie@example.org"]]
    assert mail.outbox[0].subject == "[Test] SAMEN in de winter"
    assert [mimetype for _html, mimetype in mail.outbox[0].alternatives] == ["text/html"]
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not Mailing.objects.exists()  # a test is not a mailing


@pytest.mark.django_db
def test_werkplaats_editors_work_on_their_own_issues_and_cannot_send(newsletters, site_tree, editor_client):
    samen, groningen = site_tree["samen"], site_tree["groningen"]
    samen.refresh_from_db()
    groningen.refresh_from_db()
    issue = draft_issue(samen, newsletters["samen"])
    own = editor_client(samen.editor_group, "redactie-samen")
    other = editor_client(groningen.editor_group, "redactie-gron")
    for name in ("newsletters_test_send", "newsletters_digest"):
        assert own.get(reverse(name, args=[issue.pk])).status_code == 200
        assert other.get(reverse(name, args=[issue.pk])).status_code in (302, 403)
        assert other.post(reverse(name, args=[issue.pk])).status_code in (302, 403)
    editor = get_user_model().objects.get(username="redactie-samen")
    assert not issue.permissions_for_user(editor).can_publish()  # sending needs a moderator's approval
    edit = own.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert reverse("newsletters_test_send", args=[issue.pk]) in edit  # the buttons sit on the issue's page


@pytest.mark.django_db
def test_an_issue_must_use_the_list_of_the_place_it_is_in(newsletters, site_tree):
    from django.core.exceptions import ValidationError

    issue = draft_issue(site_tree["samen"], newsletters["samen"])
    issue.newsletter = newsletters["national"]
    with pytest.raises(ValidationError) as error:
        issue.full_clean()
    assert "newsletter" in error.value.message_dict


@pytest.mark.django_db
def test_web_version_archive_and_feed_show_sent_issues_only(
    newsletters, site_tree, readers, content, django_capture_on_commit_callbacks, django_assert_num_queries
):
    sent = draft_issue(site_tree["samen"], newsletters["samen"], title="Verstuurd", articles=[content["fresh"]])
    with django_capture_on_commit_callbacks(execute=True):
        sent.save_revision().publish()
    later = draft_issue(
        site_tree["samen"], newsletters["samen"], title="Later", send_at=timezone.now() + datetime.timedelta(days=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        later.save_revision().publish()
    client = Client()
    sent.refresh_from_db()
    web = client.get(sent.url)
    assert web.status_code == 200 and "Nieuw over steun" in web.content.decode()
    later.refresh_from_db()
    assert client.get(later.url).status_code == 404
    sitemap = client.get("/sitemap.xml").content.decode()
    assert sent.url in sitemap and later.url not in sitemap  # nothing about an issue before it goes out
    page = newsletters["page"]
    archive_url = page.url + page.reverse_subpage("archive")
    client.get(archive_url)  # the page's language links are kept from the first request on
    with django_assert_num_queries(ARCHIVE_QUERIES):
        archive = client.get(archive_url).content.decode()
    assert "Verstuurd" in archive and "Later" not in archive
    feed = client.get(page.url + page.reverse_subpage("feed", args=["samen"]))
    assert feed["Content-Type"].startswith("application/rss+xml")
    assert b"Verstuurd" in feed.content and b"Later" not in feed.content
    assert client.get(page.url + page.reverse_subpage("feed", args=["onbekend"])).status_code == 404
    # Another sent issue costs the archive no extra query.
    again = draft_issue(site_tree["samen"], newsletters["samen"], title="Nog een")
    with django_capture_on_commit_callbacks(execute=True):
        again.save_revision().publish()
    client.get(archive_url)  # the publish made the cached menu stale; the first request rebuilds it
    with django_assert_num_queries(ARCHIVE_QUERIES):
        assert "Nog een" in client.get(archive_url).content.decode()


@pytest.mark.django_db
def test_mailings_report_shows_figures_to_those_who_may_see_them(
    newsletters, site_tree, readers, moderator, django_capture_on_commit_callbacks, editor_client
):
    issue = draft_issue(site_tree["samen"], newsletters["samen"], title="Met cijfers")
    with django_capture_on_commit_callbacks(execute=True):
        issue.save_revision().publish()
    report = moderator.get(reverse("newsletters_mailings")).content.decode()
    assert "Met cijfers" in report and "<td>3</td><td>3</td>" in report  # recipients, sent
    groningen = site_tree["groningen"]
    groningen.refresh_from_db()
    other = editor_client(groningen.editor_group, "redactie-gron")
    assert "Met cijfers" not in other.get(reverse("newsletters_mailings")).content.decode()


@pytest.mark.django_db
def test_a_mailing_not_yet_started_shows_when_it_may_start(newsletters, site_tree, editor_client):
    issue = draft_issue(site_tree["samen"], newsletters["samen"], title="Straks")
    Mailing.objects.create(
        page=issue,
        newsletter=newsletters["samen"],
        revision=issue.save_revision(),
        send_after=timezone.make_aware(datetime.datetime(2031, 3, 4, 9, 30)),
    )
    samen = site_tree["samen"]
    samen.refresh_from_db()
    report = editor_client(samen.editor_group, "redacteur", language="nl").get(reverse("newsletters_mailings"))
    assert "vanaf 4 maart 2031, 09:30" in report.content.decode()  # "gepland van ..." read as a period


@pytest.mark.django_db
def test_a_send_time_in_the_past_is_refused_in_the_admin(admin_client, newsletters, site_tree):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    def add_issue(slug, send_at):
        data = nested_form_data(
            {
                "title": f"Editie {slug}",
                "slug": slug,
                "newsletter": newsletters["samen"].pk,
                "intro": rich_text("Nieuws uit de werkplaats."),
                "body": streamfield([]),
                "send_at": send_at,
            }
        )
        url = reverse("wagtailadmin_pages:add", args=("newsletters", "newsletterpage", site_tree["samen"].pk))
        return admin_client.post(url, data)

    response = add_issue("te-laat", "2020-01-01 09:00")
    assert response.status_code == 200  # the form again, with the message and what was typed
    page = response.content.decode()
    assert "Dit verzendmoment is al voorbij, dus de editie zou bij goedkeuring meteen verstuurd worden." in page
    assert "Nieuws uit de werkplaats." in page
    assert not NewsletterPage.objects.filter(slug="te-laat").exists()
    assert add_issue("leeg", "").status_code == 302  # empty: send on approval
    ahead = (timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    assert add_issue("morgen", ahead).status_code == 302
    assert NewsletterPage.objects.get(slug="morgen").send_at is not None


@pytest.mark.django_db
def test_an_issue_is_listed_on_its_werkplaats_page_only_once_it_went_out(
    newsletters, site_tree, django_capture_on_commit_callbacks
):
    from newsletters.sending import prepare

    later = draft_issue(
        site_tree["samen"],
        newsletters["samen"],
        title="Wintereditie",
        send_at=timezone.now() + datetime.timedelta(days=3),
    )
    with django_capture_on_commit_callbacks(execute=True):
        later.save_revision().publish()
    client = Client()
    werkplaats = site_tree["samen"].url
    assert "Wintereditie" not in client.get(werkplaats).content.decode()  # it would answer 404
    with django_capture_on_commit_callbacks(execute=True):
        prepare(Mailing.objects.get(page=later))
    html = client.get(werkplaats).content.decode()
    assert "Wintereditie" in html and client.get(NewsletterPage.objects.get(pk=later.pk).url).status_code == 200


@pytest.mark.django_db
def test_the_digest_skips_what_the_draft_already_shows(content, newsletters, site_tree, moderator):
    issue = draft_issue(site_tree["samen"], newsletters["samen"], articles=[content["fresh"]])
    url = reverse("newsletters_digest", args=[issue.pk])
    assert "Nieuw over school" in moderator.get(url).content.decode()
    moderator.post(url)
    draft = NewsletterPage.objects.get(pk=issue.pk).get_latest_revision_as_object()
    shown = [page.title for block in draft.body if "pages" in block.value for page in block.value["pages"]]
    assert sorted(shown) == ["Komt eraan", "Nieuw over school", "Nieuw over steun"]  # each once


@pytest.mark.django_db
def test_the_list_chooser_offers_the_lists_of_the_place_and_presets_the_only_one(newsletters, site_tree, moderator):
    import re

    samen = site_tree["samen"]
    add = reverse("wagtailadmin_pages:add", args=("newsletters", "newsletterpage", samen.pk))
    html = moderator.get(add).content.decode()
    select = re.search(r'<select name="newsletter".*?</select>', html, re.S).group(0)
    offered = re.findall(r'<option value="(\d+)"', select)
    assert offered == [str(newsletters["samen"].pk)]
    assert re.search(rf'<option value="{newsletters["samen"].pk}" selected', select)
