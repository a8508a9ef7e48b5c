"""What one page request costs the database: no query twice, counts pinned, cached furniture fresh.

View restrictions and the locale are read once per request (core/http/request_memo.py,
core/http/visibility.py); the menu and the language links' home pages are cached fragments under the
content version (core/http/fragments.py), which every publish, unpublish, move and delete raises;
the home page finds the page a URL names in one query instead of two per level (HomePage.route).
"""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from core.factories import publish_with
from core.http.fragments import content_version
from practices.factories import make_practice

# Pinned, with warm caches. Before (same data): overview 35, practice page 37, with the same SQL repeated.
OVERVIEW_QUERIES = 7  # 30 before its facet counts, cards, the site and the restrictions were kept in the cache
PRACTICE_PAGE_QUERIES = 5  # was 37; the parts only the content decides are cached blocks


@pytest.mark.django_db
def test_no_page_runs_the_same_query_twice(practice_db, site_tree, page_queries):
    client = Client()
    page = practice_db["a"]
    page_queries(client, site_tree["home"].url)
    assert len(page_queries(client, practice_db["national"].url)) == OVERVIEW_QUERIES
    assert len(page_queries(client, page.url)) == PRACTICE_PAGE_QUERIES
    page_queries(client, "/zoeken/", q="aanpak")
    page_queries(client, practice_db["national"].url, gemeente="groningen")
    page_queries(client, site_tree["article"].url)
    page_queries(client, site_tree["samen"].url)


@pytest.mark.django_db
def test_the_practice_page_costs_the_same_however_deep_it_lies(practice_db, page_queries):
    client = Client()
    deep = practice_db["a"]  # home / werkplaatsen / groningen / praktijkvoorbeelden / aanpak-a
    shallow = make_practice(practice_db["national"], "Landelijke aanpak", record=[(["Leiden"], "loopt", {})])
    assert deep.depth > shallow.depth
    # The route is one query for any depth; the werkplaats' own lines make the difference.
    assert len(page_queries(client, deep.url)) - len(page_queries(client, shallow.url)) <= 2


@pytest.mark.django_db
def test_routing_finds_pages_their_own_routes_and_nothing_else(practice_db, site_tree):
    client = Client()
    overview = practice_db["national"]
    assert client.get(practice_db["a"].url).context["page"] == practice_db["a"]
    assert client.get(overview.url + "csv/")["Content-Type"].startswith("text/csv")  # a route of the page
    assert client.get(practice_db["a"].url + "pdf/")["Content-Type"] == "application/pdf"
    assert client.get(overview.url + "bestaat-niet/").status_code == 404
    assert client.get(site_tree["samen"].url + "nieuws/bestaat-niet/").status_code == 404
    draft = make_practice(overview, "Concept", record=[(["Leiden"], "loopt", {})], publish=False, live=False)
    assert client.get(overview.url + draft.slug + "/").status_code == 404


@pytest.mark.django_db
def test_the_cached_menu_follows_publishing_and_private_pages_stay_hidden(site_tree):
    client = Client()
    news = site_tree["national_news"]
    assert news.title in client.get("/").content.decode()
    before = content_version()
    news.unpublish()
    assert content_version() > before
    assert f'href="{news.url}"' not in client.get("/").content.decode()
    news.save_revision().publish()
    news.refresh_from_db()
    assert f'href="{news.url}"' in client.get("/").content.decode()
    publish_with(news, title="Alle berichten")
    assert "Alle berichten" in client.get("/").content.decode()
    # A view restriction hides the page from the menu, and its section from the listings, at once.
    assert site_tree["article"].title in client.get("/").content.decode()
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=site_tree["samen"], restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/").content.decode()
    assert "Alle berichten" not in menu(html) and site_tree["article"].title not in html


def menu(html):
    return html[html.index('<nav class="main-nav"') : html.index("</nav>", html.index('<nav class="main-nav"'))]
