"""The per-site page cache of the embedded default (core/http/page_cache.py)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.factories import publish_with
from practices.question import COOKIE_NAME


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


@pytest.mark.django_db
def test_a_second_anonymous_request_is_answered_from_the_cache_until_a_publish(page_cache, site_tree):
    client, article = Client(), site_tree["article"]
    first, _ = get(client, article.url)
    assert first["X-Cache"] == "miss"
    second, queries = get(client, article.url)
    assert second["X-Cache"] == "hit" and queries <= 1  # the content version, at most
    assert second.content == first.content and second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    # With the ETag: 304, still from the cache.
    again, _ = get(client, article.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["X-Cache"] == "hit"
    # A publish anywhere makes every cached page stale, in every process (the version is shared).
    publish_with(article, title="Terugblik symposium, bijgewerkt")
    fresh, _ = get(client, article.url)
    assert fresh["X-Cache"] == "miss" and "Terugblik symposium, bijgewerkt" in fresh.content.decode()
    # Each encoding has its own copy.
    brotli, _ = get(client, article.url, HTTP_ACCEPT_ENCODING="br")
    assert brotli["X-Cache"] == "miss" and brotli["Content-Encoding"] == "br"
    assert get(client, article.url, HTTP_ACCEPT_ENCODING="br")[0]["Content-Encoding"] == "br"


@pytest.mark.django_db
def test_what_may_not_be_shared_is_never_served_from_the_cache(page_cache, site_tree, newsletters, editor_client):
    from django.contrib.auth.models import Group

    client = Client()
    # A page with a form (a CSRF token) is never stored.
    for _ in range(2):
        response = client.get(newsletters["page"].url)
        assert response.status_code == 200 and "X-Cache" not in response
    # An editor never gets the anonymous copy, nor leaves one.
    anonymous, _ = get(client, site_tree["article"].url)
    editor = editor_client(Group.objects.get(name="Moderators"))
    page = editor.get(site_tree["article"].url)
    assert "X-Cache" not in page and "wagtail-userbar" in page.content.decode()
    assert "wagtail-userbar" not in get(client, site_tree["article"].url)[0].content.decode()
    # A reader whose cookie holds a fit question passes to the view (which sends them to its URL).
    client.cookies[COOKIE_NAME] = "gemeente=leiden"
    assert "X-Cache" not in client.get(site_tree["article"].url)
    assert client.get(site_tree["article"].url, {"gemeente": "leiden"})["X-Cache"] == "miss"
