"""The admin's own searches with the search engine down: the page explorer, the page chooser,
the image and document listings answer from the database, say so, and never show a 500. The
engine backend is Wiel's real one (OpenSearch 2 and Elasticsearch 8), pointed at a port where
nothing listens."""

import pytest
from django.contrib.messages import get_messages

from practices.factories import PracticeIndexPageFactory, make_practice

NOTICE = "De zoekmachine antwoordt niet"  # the admin speaks the site's language, Dutch


@pytest.fixture(params=["search.backends.opensearch2", "search.backends.elasticsearch8"])
def engine_down(request, settings):
    database = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": request.param, "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1},
        "fallback": database,
    }
    return database


def notices(response):
    return [str(message) for message in get_messages(response.wsgi_request) if NOTICE in str(message)]


@pytest.mark.django_db
def test_the_page_explorer_searches_the_database_and_says_so(admin_client, site_tree, engine_down):
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    page = make_practice(practices, "Kwartiermakers in de wijk")  # indexed in the database, queued for the engine
    response = admin_client.get(f"/admin/pages/{practices.pk}/", {"q": "kwartiermakers"})
    assert response.status_code == 200
    assert page.title in response.content.decode()
    assert NOTICE in response.content.decode()  # on this very page, before it rendered

    search = admin_client.get("/admin/pages/search/", {"q": "kwartiermakers"})
    assert search.status_code == 200 and page.title in search.content.decode()
    assert "no-cache" in search["Cache-Control"] and "private" in search["Cache-Control"]


@pytest.mark.django_db
def test_choosers_and_media_listings_answer_with_the_engine_down(admin_client, site_tree, engine_down):
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    page = make_practice(practices, "Kwartiermakers in de wijk")
    chooser = admin_client.get("/admin/choose-page/search/", {"q": "kwartiermakers"})
    assert chooser.status_code == 200 and page.title in chooser.content.decode()
    for url in ("/admin/images/", "/admin/documents/"):
        response = admin_client.get(url, {"q": "factsheet"})
        assert response.status_code == 200 and NOTICE in response.content.decode(), url
    assert admin_client.get("/admin/images/chooser/results/", {"q": "factsheet"}).status_code == 200


@pytest.mark.django_db
def test_with_the_engine_up_nothing_is_said(admin_client, site_tree):
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    make_practice(practices, "Kwartiermakers in de wijk")
    response = admin_client.get(f"/admin/pages/{practices.pk}/", {"q": "kwartiermakers"})
    assert response.status_code == 200 and NOTICE not in response.content.decode() and notices(response) == []
