import pytest
from wagtail.models import Locale, Page, Site

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from core.factories import WerkplaatsIndexPageFactory, WerkplaatsPageFactory
from home.factories import HomePageFactory


@pytest.fixture
def site_tree(db):
    """A small published site: home, two werkplaatsen, a national and a werkplaats news index."""
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Wiel"}
    )
    index = WerkplaatsIndexPageFactory(parent=home, show_in_menus=True)
    samen = WerkplaatsPageFactory(parent=index, title="Werkplaats SAMEN", slug="samen", short_name="SAMEN")
    groningen = WerkplaatsPageFactory(parent=index, title="Groningen", slug="groningen", short_name="Groningen")
    national_news = ArticleIndexPageFactory(parent=home, show_in_menus=True)
    samen_news = ArticleIndexPageFactory(parent=samen)
    groningen_news = ArticleIndexPageFactory(parent=groningen)
    article = ArticlePageFactory(parent=samen_news, title="Terugblik symposium", kind="terugblik")
    return {
        "home": home,
        "index": index,
        "samen": samen,
        "groningen": groningen,
        "national_news": national_news,
        "samen_news": samen_news,
        "groningen_news": groningen_news,
        "article": article,
    }
