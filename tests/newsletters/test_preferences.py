"""The preference centre behind the signed link: interests, lists, unsubscribe, download, erase."""

import json

import pytest
from django.test import Client
from django.utils import timezone

from core.models import Theme
from newsletters.models import NewsletterIndexPage, NewsletterList, Subscriber, Subscription
from newsletters.subscription import preferences_token


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
