"""HTTP caching (core/http/cache_policy.py): what a cache may keep, ETags and 304, compression, Vary."""

import gzip

import brotli
import pytest
from django.contrib.auth.models import Group
from django.test import Client

from practices.question import COOKIE_NAME

BROWSER = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br", "HTTP_ACCEPT_LANGUAGE": "en"}


def vary(response):
    return {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["home", "national", "a", "search", "api", "sitemap"])
def test_anonymous_pages_are_shared_compressed_and_answer_304(practice_db, site_tree, settings, key):
    settings.CACHE_MAX_AGE, settings.CACHE_SHARED_MAX_AGE = 60, 3600
    url = {
        "home": site_tree["home"].url,
        "national": practice_db["national"].url + "?gemeente=leiden",
        "a": practice_db["a"].url,
        "search": "/zoeken/?q=aanpak",
        "api": "/api/v2/pages/?type=practices.PracticePage&fields=*",
        "sitemap": "/sitemap.xml",
    }[key]
    client = Client()
    plain = client.get(url)
    response = client.get(url, **BROWSER)
    assert response.status_code == 200
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    if key != "search":  # the search view sets its own, shorter lifetime
        assert control == {"public", "max-age=60", "s-maxage=3600"}
    assert "public" in control or key == "search"
    # Nothing in these answers depends on a cookie or the browser's language: the URL says it all.
    assert not vary(response) & {"cookie", "accept-language"} and "accept-encoding" in vary(response)
    assert not response.cookies
    assert response["Content-Encoding"] == "br"
    assert brotli.decompress(response.content) == plain.content
    gzipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip" and gzip.decompress(gzipped.content) == plain.content
    # The same page again, with its ETag: 304 and no body.
    again = client.get(url, HTTP_IF_NONE_MATCH=plain["ETag"])
    assert again.status_code == 304 and not again.content


@pytest.mark.django_db
def test_personal_answers_are_private(site_tree, newsletters, editor_client):
    client = Client()
    # A page with a form carries a CSRF token: personal.
    form_page = client.get(newsletters["page"].url, **BROWSER)
    assert form_page.status_code == 200 and form_page["Cache-Control"] == "private, no-cache"
    assert form_page.get("Content-Encoding") != "br"  # gzip, with Django's padding against BREACH
    # The fit question's remember step sets the cookie: never kept by anyone.
    sent = client.get("/passend/", {"gemeente": "leiden", "naar": site_tree["article"].url})
    assert "no-store" in sent["Cache-Control"] and "private" in sent["Cache-Control"]
    assert sent.cookies[COOKIE_NAME].value == "gemeente=leiden"
    # A logged-in editor's pages (the userbar) are theirs alone, and revalidated each time.
    editor = editor_client(Group.objects.get(name="Moderators"))
    page = editor.get(site_tree["article"].url)
    assert page.status_code == 200 and page["Cache-Control"] == "private, no-cache"
    assert "wagtail-userbar" in page.content.decode()
    assert "no-store" in editor.get("/admin/")["Cache-Control"]
    # A POST is never public.
    posted = Client().post(newsletters["page"].url, {"email": "x"})
    assert "public" not in posted.get("Cache-Control", "")


@pytest.mark.django_db
def test_a_head_request_is_shared_like_a_get(site_tree):
    response = Client().head(site_tree["home"].url)
    assert response.status_code == 200 and "public" in response["Cache-Control"]
