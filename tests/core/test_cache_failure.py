"""A cache that fails (Redis not answering) costs speed, never an answer: pages are served without
it, /healthz/ says 503 and what failed, and the public forms fail closed with a clear message."""

import pytest
from django.core.cache import cache, caches
from django.test import Client

from core.http.cache import FailSafeRedisCache
from newsletters.models import Subscriber


@pytest.fixture
def redis_down(settings, free_port):
    """The production cache backend, at a port where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.http.cache.FailSafeRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port}/1",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        }
    }
    settings.PAGE_CACHE = True
    assert isinstance(caches["default"], FailSafeRedisCache)
    yield
    caches["default"]._down_until = 0.0


@pytest.mark.django_db
def test_pages_are_served_without_the_cache(redis_down, site_tree, settings):
    article = site_tree["article"]
    for url in ("/", article.url, "/zoeken/?q=terugblik", "/healthz/"):
        response = Client().get(url)
        assert response.status_code in (200, 503), url
        assert "X-Cache" not in response, url  # the page cache stood aside
    assert article.title in Client().get(article.url).content.decode()


@pytest.mark.django_db
def test_healthz_says_what_failed(redis_down):
    response = Client().get("/healthz/")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["cache"] == {"status": "error", "error": "CacheUnavailable"}
    assert checks["database"]["status"] == "ok"


@pytest.mark.django_db
def test_a_form_fails_closed_with_a_message_and_saves_nothing(redis_down, newsletters):
    data = {"email": "anna@example.org", "lists": [newsletters["samen"].pk], "consent": "on"}
    response = Client().post(newsletters["page"].url, data)
    assert response.status_code == 429
    assert "De site kan dit formulier nu niet aannemen, en er is niets opgeslagen" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_failing_cache_misses_and_is_left_alone_for_a_moment(redis_down):
    assert cache.get("key", "default") == "default"
    assert cache.add("key", 1) is None and cache.incr("key") is None  # cannot tell: neither yes nor no
    assert cache.failing()
    cache._down_until = 0.0
    assert cache.get_many(["a", "b"]) == {} and cache.set("key", 1) is None and not cache.has_key("key")
