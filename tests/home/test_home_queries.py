import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.factories import ArticlePageFactory
from practices.factories import PracticeIndexPageFactory

# Pinned: the home page costs this many queries however many articles and werkplaatsen exist.
HOME_PAGE_QUERIES = 14  # was 23: menu and language homes cached, restrictions and locale read once


def _home_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_home_page_query_count_is_pinned(site_tree):
    client = Client()
    home = site_tree["home"]
    home.featured_items = [home.featured_items.model(page=site_tree["article"])]
    home.save_revision().publish()
    overview = PracticeIndexPageFactory(parent=home)  # the home page's practice finder points here
    _home_queries(client, home.url)  # warm the per-process caches (site root paths)
    assert _home_queries(client, home.url) == HOME_PAGE_QUERIES
    html = client.get(home.url).content.decode()
    assert 'action="/passend/"' in html and f'name="naar" value="{overview.url}"' in html and 'name="gemeente"' in html
    for number in range(6):
        ArticlePageFactory(parent=site_tree["groningen_news"], title=f"Extra {number}")
    _home_queries(client, home.url)  # publishing made the cached menu stale; the first request rebuilds it
    assert _home_queries(client, home.url) == HOME_PAGE_QUERIES
