"""What the outside world can and cannot do: headers (CSP, Permissions-Policy), cookie flags,
rate limits behind proxies, tokens without addresses, and text stripped of control characters."""

import base64
import re

import pytest
from django.core.checks import run_checks
from django.test import Client, RequestFactory

from core.http.ratelimit import client_address
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Registration
from newsletters.models import Subscriber
from newsletters.subscription import preferences_token, sign_unsubscribe, subscriber_from_preferences_token

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)


def public_pages(site_tree, practices):
    return [
        site_tree["home"].url,
        site_tree["samen"].url,
        site_tree["article"].url,
        site_tree["national_news"].url,
        practices["national"].url + "?gemeente=Den+Haag",
        practices["a"].url + "?gemeente=groningen",
        "/zoeken/?q=aanpak",
        "/gemeenten/groningen/",
    ]


@pytest.mark.django_db
def test_every_page_type_has_a_strict_csp_and_no_inline_script_or_style(site_tree, practice_db):
    client = Client()
    for url in public_pages(site_tree, practice_db):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy
        assert "geolocation=()" in response["Permissions-Policy"] and "camera=()" in response["Permissions-Policy"]
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), (url, INLINE_SCRIPT.search(html).group(0))
        assert not INLINE_STYLE.search(html), (url, INLINE_STYLE.search(html).group(0))
        resources = re.findall(r'<(?:script|img|iframe)[^>]+src="([^"]+)"', html)
        resources += re.findall(r'<link[^>]+rel="(?:stylesheet|icon|preload|modulepreload)"[^>]+href="([^"]+)"', html)
        assert resources and not [src for src in resources if src.startswith(("http", "//"))], url  # all our own


@pytest.mark.django_db
def test_the_admin_keeps_what_wagtail_needs(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_every_cookie_is_secure_in_production(settings, practice_db):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = settings.LANGUAGE_COOKIE_SECURE = True
    response = Client().get("/passend/", {"naar": practice_db["a"].url, "gemeente": "leiden"})
    fit = response.cookies["wiel_fit"]
    assert fit["secure"] and fit["httponly"] and fit["samesite"] == "Lax"
    language = Client().post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert language.cookies["django_language"]["secure"]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "remote", "client"),
    [
        (0, "6.6.6.6", "10.0.0.1", "10.0.0.1"),  # no proxy: the header is anyone's to write
        (1, "198.51.100.7", "10.0.0.1", "198.51.100.7"),  # nginx appended the client
        (1, "6.6.6.6, 198.51.100.7", "10.0.0.1", "198.51.100.7"),  # the client's own entry is ignored
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "10.0.0.1", "198.51.100.7"),  # load balancer, then nginx
        (2, "198.51.100.7", "10.0.0.1", "10.0.0.1"),  # fewer entries than proxies: not through them
        (1, "not-an-address", "10.0.0.1", "10.0.0.1"),
        (1, "2001:db8::1", "10.0.0.1", "2001:db8::1"),
    ],
)
def test_the_client_address_behind_trusted_proxies(settings, proxies, forwarded, remote, client):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == client


@pytest.mark.django_db
def test_subscribing_is_limited_per_client_not_per_proxy(settings, newsletters):
    settings.TRUSTED_PROXY_COUNT, settings.NEWSLETTER_RATE_LIMIT = 1, 2
    url = newsletters["page"].url
    client = Client()

    def post(address):
        data = {"email": f"lezer{address[-1]}@example.org", "lists": [newsletters["national"].pk], "consent": "on"}
        return client.post(url, data, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=address).status_code

    assert [post("198.51.100.1") for _ in range(3)] == [200, 200, 429]  # one reader, over the limit
    assert post("198.51.100.2") == 200  # another reader behind the same proxy has a counter of their own


def open_event(site_tree):
    calendar = EventIndexPageFactory(parent=site_tree["home"])
    return EventPageFactory(parent=calendar, registration_enabled=True, capacity=10)


@pytest.mark.django_db
def test_registering_is_limited_too(settings, client, site_tree):
    settings.EVENT_REGISTRATION_RATE_LIMIT = 1
    url = open_event(site_tree).url + "aanmelden/"
    form = {"name": "A", "email": "a@example.org", "consent": "on"}
    assert client.post(url, form).status_code == 200
    assert client.post(url, form | {"email": "b@example.org"}).status_code == 429


@pytest.mark.django_db
def test_links_in_e_mails_carry_no_address(newsletters):
    subscriber = Subscriber.objects.create(email="geheim.adres@example.org", consent_at="2025-01-01T00:00Z")
    for token in [preferences_token(subscriber), sign_unsubscribe(subscriber.pk, subscriber.email, 1)]:
        decoded = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        assert "geheim" not in decoded and "example.org" not in decoded, decoded
        assert "geheim" not in token
    assert subscriber_from_preferences_token(preferences_token(subscriber)) == subscriber
    other = Subscriber.objects.create(email="ander@example.org", consent_at="2025-01-01T00:00Z")
    forged = preferences_token(subscriber)
    Subscriber.objects.filter(pk=subscriber.pk).update(email="nieuw@example.org")  # the address changed
    assert subscriber_from_preferences_token(forged) is None
    assert subscriber_from_preferences_token(preferences_token(other)) == other


@pytest.mark.django_db
def test_control_characters_are_stripped_and_skj_numbers_are_ascii(client, site_tree):
    url = open_event(site_tree).url + "aanmelden/"
    form = {"name": "Ann\x1b[31ma\u200b de Vries", "email": "ann@example.org", "organisation": "Wijk\tteam"}
    form["consent"] = "on"
    assert client.post(url, form | {"skj_number": "١٢٣٤٥٦٧"}).status_code == 400  # Arabic-Indic digits
    assert client.post(url, form | {"skj_number": "123 456 789"}).status_code == 200
    registration = Registration.objects.get()
    assert registration.name == "Ann[31ma de Vries" and registration.organisation == "Wijkteam"
    assert registration.skj_number == "123456789"


@pytest.mark.django_db
def test_a_per_process_cache_is_flagged_for_production(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "wiel.W001" in [message.id for message in run_checks(include_deployment_checks=True)]
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/9"}}
    assert "wiel.W001" not in [message.id for message in run_checks(include_deployment_checks=True)]


@pytest.mark.django_db
def test_control_characters_in_an_address_get_a_readable_page(client, site_tree):
    response = client.get("/zoeken/", {"q": "gezin\x00"})
    assert response.status_code == 400
    page = response.content.decode()
    assert '<html lang="nl"' in page  # a whole page of the site, in the reader's language
    assert "Dit adres bevat tekens die geen deel kunnen zijn van een zoekopdracht of filter." in page
    assert 'href="/zoeken/"' in page  # the way on: the same page without the query
    assert "Content-Security-Policy" in response.headers and response.headers["X-Frame-Options"] == "SAMEORIGIN"
    api = client.get("/api/v2/pages/", {"search": "\x1b"})
    assert api.status_code == 400 and api.headers["Content-Type"] == "application/json"
