"""The preference centre behind the signed link: interests, lists, unsubscribe, download, erase."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import Theme
from newsletters.models import NewsletterIndexPage, NewsletterList, Subscriber, Subscription
from newsletters.subscription import confirm_token, preferences_token, unsubscribe_token


@pytest.fixture
def subscriber(site_tree):
    page = NewsletterIndexPage(title="Nieuwsbrieven", slug="nieuwsbrieven")
    site_tree["home"].add_child(instance=page)
    page.save_revision().publish()
    national = NewsletterList.objects.create(name="Wiel landelijk", slug="landelijk")
    samen = NewsletterList.objects.create(name="Nieuwsbrief SAMEN", slug="samen")
    Theme.objects.create(name="Thuiszitters", slug="thuiszitters")
    person = Subscriber.objects.create(
        email="anna@example.org", name="Anna", consent_text="Ja", consent_at=timezone.now()
    )
    Subscription.objects.create(subscriber=person, newsletter=national, status="actief", confirmed_at=timezone.now())
    url = page.url + page.reverse_subpage("preferences", args=[preferences_token(person)])
    return {"page": page, "person": person, "national": national, "samen": samen, "url": url}


@pytest.mark.django_db
def test_change_interests_and_lists(subscriber):
    client = Client()
    form = client.get(subscriber["url"]).context["form"]
    assert [item.slug for item in form.initial["lists"]] == ["landelijk"]
    theme = Theme.objects.get(slug="thuiszitters")
    response = client.post(
        subscriber["url"],
        {"action": "opslaan", "name": "Anna B.", "lists": [subscriber["samen"].pk], "themes": [theme.pk]},
    )
    assert response.context["saved"]
    person = Subscriber.objects.get(pk=subscriber["person"].pk)
    assert person.name == "Anna B." and list(person.themes.all()) == [theme]
    assert dict(person.subscriptions.values_list("newsletter__slug", "status")) == {
        "landelijk": "afgemeld",  # dropped
        "samen": "actief",  # added, confirmed by the link itself
    }


@pytest.mark.django_db
def test_unsubscribe_from_all(subscriber):
    Client().post(subscriber["url"], {"action": "alles-afmelden"})
    assert set(subscriber["person"].subscriptions.values_list("status", flat=True)) == {"afgemeld"}


@pytest.mark.django_db
def test_download_and_erase_my_data(subscriber):
    client = Client()
    data = json.loads(client.get(subscriber["url"] + "gegevens/").content)
    assert data["email"] == "anna@example.org"
    assert data["consent"]["text"] == "Ja"
    assert [item["newsletter"] for item in data["subscriptions"]] == ["Wiel landelijk"]
    confirm = client.get(subscriber["url"] + "wissen/")
    assert 'method="post"' in confirm.content.decode()
    assert Subscriber.objects.exists()  # a GET erases nothing
    client.post(subscriber["url"] + "wissen/")
    assert not Subscriber.objects.exists() and not Subscription.objects.exists()
    assert client.get(subscriber["url"]).status_code == 400  # the link now leads nowhere


@pytest.mark.django_db
def test_tampered_link(subscriber):
    tampered = subscriber["url"].replace("/voorkeuren/", "/voorkeuren/Zz")
    assert Client().get(tampered).status_code == 400
    assert Client().post(tampered, {"action": "alles-afmelden"}).status_code == 400
    assert subscriber["person"].subscriptions.get().status == "actief"


def personal_urls(subscriber):
    """Every address behind a token of one subscriber."""
    page, person = subscriber["page"], subscriber["person"]
    token = preferences_token(person)
    subscription = person.subscriptions.get()
    return [
        subscriber["url"],
        page.url + page.reverse_subpage("data", args=[token]),
        page.url + page.reverse_subpage("erase", args=[token]),
        page.url + page.reverse_subpage("confirm", args=[confirm_token(person)]),
        reverse("newsletter_unsubscribe", args=[unsubscribe_token(subscription)]),
    ]


@pytest.mark.django_db
def test_what_is_behind_a_token_is_never_kept_by_any_cache(subscriber, settings):
    settings.PAGE_CACHE = True  # the per-site page cache, as on the embedded default
    client = Client()
    for url in personal_urls(subscriber):
        for _twice in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            control = {part.strip() for part in response["Cache-Control"].split(",")}
            assert {"private", "no-store"} <= control and "public" not in control, url
            assert "X-Cache" not in response, url  # neither stored nor answered by the page cache


@pytest.mark.django_db
def test_after_erasure_the_data_download_is_gone(subscriber, settings):
    settings.PAGE_CACHE = True
    client = Client()
    data_url = personal_urls(subscriber)[1]
    assert "anna@example.org" in client.get(data_url).content.decode()
    client.post(personal_urls(subscriber)[2])  # erase
    gone = client.get(data_url)
    assert gone.status_code == 400 and "anna@example.org" not in gone.content.decode()
