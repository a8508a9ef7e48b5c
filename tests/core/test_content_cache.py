"""What is kept between requests under the content version (core/http/fragments.py): cached blocks of
templates, the site, the view restrictions, the locales and the geography. Each is taken from the
cache until something the public sees changes, and never outlives that change."""

import io

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from core.factories import publish_with
from core.http.fragments import bump_content_version, content_version
from geography.models import Municipality
from geography.places import Geography

BLOCK = Template('{% load wiel_tags %}[{% contentcache "test" value %}{{ read }}{% endcontentcache %}]')


class Reader:
    """A value that counts how often the template reads it."""

    def __init__(self):
        self.reads = 0

    def __call__(self):
        self.reads += 1
        return f"read {self.reads}"


def render(value, reader, request=None):
    return BLOCK.render(Context({"value": value, "read": reader, "request": request}))


@pytest.mark.django_db
def test_a_cached_block_is_rendered_once_per_content_version_value_and_language():
    reader = Reader()
    assert render("a", reader) == "[read 1]"
    assert render("a", reader) == "[read 1]" and reader.reads == 1  # nothing inside ran
    assert render("b", reader) == "[read 2]"  # another value: its own block
    with translation.override("en"):
        assert render("a", reader) == "[read 3]"  # another language: its own block
    bump_content_version()  # a publish
    assert render("a", reader) == "[read 4]"


@pytest.mark.django_db
def test_a_cached_block_belongs_to_the_site_it_was_rendered_for(site_tree):
    other_home = site_tree["samen"]
    Site.objects.create(hostname="samen.example", port=80, root_page=other_home, site_name="SAMEN")
    reader = Reader()
    requests = RequestFactory()
    assert render("a", reader, requests.get("/", HTTP_HOST="localhost")) == "[read 1]"
    assert render("a", reader, requests.get("/", HTTP_HOST="samen.example")) == "[read 2]"
    assert render("a", reader, requests.get("/", HTTP_HOST="localhost")) == "[read 1]"


def test_a_cached_block_needs_a_name():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError, match="needs a name"):
        Template("{% load wiel_tags %}{% contentcache %}x{% endcontentcache %}")


@pytest.mark.django_db
def test_the_practice_page_shows_each_change_and_each_readers_municipality(practice_db):
    client, page = Client(), practice_db["a"]
    assert "Jouw gemeente: Leiden." in client.get(page.url, {"gemeente": "leiden"}).content.decode()
    html = client.get(page.url, {"gemeente": "groningen"}).content.decode()
    assert "Jouw gemeente: Groningen." in html and "Jouw gemeente: Leiden." not in html  # the map's own block
    publish_with(page, aim="Een nieuw doel voor iedereen")
    assert "Een nieuw doel voor iedereen" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_the_home_page_shows_the_latest_news_after_a_publish(site_tree):
    from articles.factories import ArticlePageFactory

    client = Client()
    client.get("/")
    publish_with(ArticlePageFactory(parent=site_tree["groningen_news"], title="Vers van de pers"))
    assert "Vers van de pers" in client.get("/").content.decode()


@pytest.mark.django_db
def test_restricted_pages_stay_closed_with_the_restrictions_kept_in_the_cache(site_tree):
    client, article = Client(), site_tree["article"]
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(page=site_tree["samen"], restriction_type=PageViewRestriction.LOGIN)
    closed = client.get(article.url)  # a page below the restricted one
    assert closed.status_code == 302 and "login" in closed["Location"]
    restriction = PageViewRestriction.objects.create(
        page=site_tree["groningen"], restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    asked = client.get(site_tree["groningen"].url)
    assert asked.status_code == 200 and 'name="password"' in asked.content.decode()
    restriction.delete()
    PageViewRestriction.objects.filter(page=site_tree["samen"]).delete()
    assert client.get(article.url).status_code == 200
    assert client.get(site_tree["groningen"].url).status_code == 200


@pytest.mark.django_db
def test_the_site_is_kept_until_it_changes_and_unknown_hosts_are_refused(site_tree, settings):
    settings.ALLOWED_HOSTS = ["localhost", "wiel.example"]
    client = Client()
    assert client.get("/", HTTP_HOST="wiel.example").status_code == 200  # the default site answers
    site = Site.objects.get(is_default_site=True)
    before = content_version()
    site.site_name = "Wiel 2"
    site.save()
    assert content_version() > before
    assert client.get("/", HTTP_HOST="wiel.example").wsgi_request._wagtail_site.site_name == "Wiel 2"
    assert client.get("/", HTTP_HOST="elders.example").status_code == 400  # Django's answer, nothing kept


@pytest.mark.django_db
def test_new_figures_reach_the_kept_geography_at_once(tmp_path, django_capture_on_commit_callbacks):
    Municipality.objects.filter(slug="leiden").update(population=1)
    bump_content_version()
    assert Geography.for_request(None).by_slug["leiden"].population == 1
    assert Geography.for_request(None) is Geography.for_request(None)  # kept in this process
    leiden = Municipality.objects.get(slug="leiden")
    figures = tmp_path / "figures.csv"
    figures.write_text(f"cbs_code,population\n{leiden.cbs_code},130000\n")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_municipality_figures", str(figures), "--source", "CBS test", stdout=io.StringIO())
    assert Geography.for_request(None).by_slug["leiden"].population == 130000
    leiden.refresh_from_db()
    leiden.population = 131000
    leiden.save()  # an editor's change in the admin
    assert Geography.for_request(None).by_slug["leiden"].population == 131000


@pytest.mark.django_db
def test_a_preview_shows_the_draft_and_the_public_keeps_the_live_page(practice_db):
    page = practice_db["a"]
    live_aim = page.aim
    assert live_aim in Client().get(page.url).content.decode()  # its blocks are kept now
    page.aim = "Het doel zoals het in het concept staat"
    preview = page.make_preview_request()
    html = (preview.render() if hasattr(preview, "render") else preview).content.decode()
    assert "Het doel zoals het in het concept staat" in html
    assert live_aim in Client().get(page.url).content.decode()
