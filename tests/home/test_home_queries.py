import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.factories import ArticlePageFactory
from core.factories import publish_with
from core.http.fragments import bump_content_version
from events.factories import EventIndexPageFactory, EventPageFactory
from practices.factories import PracticeIndexPageFactory, make_practice

# Pinned: the home page costs this many queries however many articles and werkplaatsen exist.
# After a publish (content version raised), the first request builds the page's cached parts:
HOME_PAGE_QUERIES = 23  # was 23 on every request: menu and language homes cached, restrictions read once
# (one more since the footer names the site's own pages: SitePages, read once per content version;
# five more since it shows what is coming: the calendar, its next events, the newest practices and
# the newsletters to sign up for)
# and the next ones take them from the cache (core/http/fragments.py, the contentcache tag):
HOME_PAGE_KEPT_QUERIES = 1  # the active locale


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
    calendar = EventIndexPageFactory(parent=home)
    publish_with(EventPageFactory(parent=calendar, title="Eerstvolgende", days=3))
    make_practice(overview, "Nieuwste aanpak")
    bump_content_version()
    assert (_home_queries(client, home.url), _home_queries(client, home.url)) == (
        HOME_PAGE_QUERIES,
        HOME_PAGE_KEPT_QUERIES,
    )
    html = client.get(home.url).content.decode()
    assert 'action="/passend/"' in html and f'name="naar" value="{overview.url}"' in html and 'name="gemeente"' in html
    assert "Eerstvolgende" in html and "Nieuwste aanpak" in html
    for number in range(6):
        publish_with(ArticlePageFactory(parent=site_tree["groningen_news"], title=f"Extra {number}"))
        publish_with(EventPageFactory(parent=calendar, title=f"Bijeenkomst {number}", days=5 + number))
        make_practice(overview, f"Aanpak {number}")
    assert (_home_queries(client, home.url), _home_queries(client, home.url)) == (
        HOME_PAGE_QUERIES,
        HOME_PAGE_KEPT_QUERIES,
    )
    assert "Extra 5" in client.get(home.url).content.decode()  # the latest news, after the publish
