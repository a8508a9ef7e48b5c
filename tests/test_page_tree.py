from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage, ArticlePage
from core.models import ContentPage, WerkplaatsIndexPage, WerkplaatsPage
from home.factories import HomePageFactory
from home.models import HomePage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_allowed_parents(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(WerkplaatsIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(WerkplaatsPage, {WerkplaatsIndexPage})
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage, WerkplaatsPage})
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage, WerkplaatsPage})

    def test_allowed_children(self):
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertAllowedSubpageTypes(WerkplaatsIndexPage, {WerkplaatsPage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(WerkplaatsPage, WerkplaatsPage)


@pytest.mark.django_db
def test_one_home_page_per_language(site_tree):
    home = site_tree["home"]
    second = HomePage(title="Nog een", slug="nog-een", hero_heading="x", hero_text="<p>x</p>", locale=home.locale)
    with pytest.raises(ValidationError):
        second.clean()
    english = HomePage(
        title="Wiel",
        slug="home-en",
        hero_heading="x",
        hero_text="<p>x</p>",
        locale=Locale.objects.get_or_create(language_code="en")[0],
    )
    english.clean()


class AdminCreationTest(WagtailPageTestCase):
    """Editors create each page type through the admin form."""

    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        Page.objects.filter(depth=2).delete()  # a tree of its own, not the one the other tests share
        cls.home = HomePageFactory(parent=root, slug="home-admin")
        cls.werkplaatsen = WerkplaatsIndexPage(title="Werkplaatsen", slug="werkplaatsen")
        cls.home.add_child(instance=cls.werkplaatsen)
        cls.werkplaats = WerkplaatsPage(title="SAMEN", slug="samen", short_name="SAMEN", intro="<p>x</p>")
        cls.werkplaatsen.add_child(instance=cls.werkplaats)
        cls.news = ArticleIndexPage(title="Nieuws", slug="nieuws")
        cls.werkplaats.add_child(instance=cls.news)

    def setUp(self):
        self.login()

    def test_create_werkplaats(self):
        data = nested_form_data(
            {
                "title": "Werkplaats Flevoland",
                "slug": "flevoland",
                "short_name": "Flevoland",
                "intro": rich_text("Zes gemeenten."),
            }
        )
        data.update(
            {
                "partners-TOTAL_FORMS": "1",
                "partners-INITIAL_FORMS": "0",
                "partners-0-name": "CMO Flevoland",
                "partners-0-kind": "overig",
                "partners-0-url": "",
                "partners-0-ORDER": "1",
                "partners-0-DELETE": "",
                "partners-0-id": "",
                "leernetwerken-TOTAL_FORMS": "0",
                "leernetwerken-INITIAL_FORMS": "0",
            }
        )
        self.assertCanCreate(self.werkplaatsen, WerkplaatsPage, data)
        created = WerkplaatsPage.objects.get(slug="flevoland")
        assert created.partners.get().name == "CMO Flevoland"
        assert created.editor_group.name == "Redactie Flevoland"

    def test_create_article(self):
        data = nested_form_data(
            {
                "title": "Terugblik jaarconferentie",
                "slug": "terugblik-jaarconferentie",
                "date": "2023-12-19",
                "kind": "terugblik",
                "summary": "Duurzaam samen leren.",
                "body": streamfield([("paragraph", rich_text("Een inspirerende middag."))]),
            }
        )
        data.update({"authors-TOTAL_FORMS": "0", "authors-INITIAL_FORMS": "0"})
        self.assertCanCreate(self.news, ArticlePage, data)
        article = ArticlePage.objects.get(slug="terugblik-jaarconferentie")
        assert article.werkplaats.specific == self.werkplaats

    def article_with_go_live(self, slug, go_live_at):
        data = nested_form_data(
            {
                "title": f"Bericht {slug}",
                "slug": slug,
                "date": "2026-11-20",
                "kind": "nieuws",
                "summary": "Kort.",
                "body": streamfield([("paragraph", rich_text("Tekst."))]),
                "go_live_at": go_live_at,
                "action-publish": "publish",
            }
        )
        data.update({"authors-TOTAL_FORMS": "0", "authors-INITIAL_FORMS": "0"})
        return self.client.post(reverse("wagtailadmin_pages:add", args=("articles", "articlepage", self.news.pk)), data)

    def test_a_go_live_date_in_the_past_is_refused_with_a_message(self):
        response = self.article_with_go_live("te-laat", "2020-01-01 09:00")
        assert response.status_code == 200  # the form again, nothing lost
        assert "Deze publicatiedatum is al voorbij." in response.content.decode()  # the admin speaks Dutch
        assert not ArticlePage.objects.filter(slug="te-laat").exists()
        ahead = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
        self.article_with_go_live("op-tijd", ahead)
        scheduled = ArticlePage.objects.get(slug="op-tijd")
        assert not scheduled.live and scheduled.latest_revision.approved_go_live_at is not None

    def test_create_content_and_index_pages(self):
        self.assertCanCreate(
            self.home,
            ContentPage,
            nested_form_data({"title": "Over Wiel", "slug": "over-wiel", "body": streamfield([])}),
        )
        self.assertCanCreate(self.home, ArticleIndexPage, {"title": "Nieuws", "slug": "nieuws-landelijk"})


@pytest.mark.django_db
def test_one_overview_of_each_kind_per_werkplaats(site_tree):
    """A second calendar, practice overview or news section below one werkplaats would split its
    pages and feeds in two; the admin does not offer it, and the next werkplaats still may."""
    from events.factories import EventIndexPageFactory
    from events.models import EventIndexPage
    from practices.models import PracticeIndexPage

    samen, groningen = site_tree["samen"], site_tree["groningen"]
    assert not ArticleIndexPage.can_create_at(samen)  # it has its news section (site_tree)
    assert EventIndexPage.can_create_at(samen) and PracticeIndexPage.can_create_at(samen)
    EventIndexPageFactory(parent=samen)
    assert not EventIndexPage.can_create_at(samen)
    assert EventIndexPage.can_create_at(groningen)
