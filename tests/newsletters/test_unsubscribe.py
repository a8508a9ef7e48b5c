"""RFC 8058 one-click unsubscribe: a POST with the standard body, no cookies, no CSRF token."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsletters.models import NewsletterList, Subscriber, Subscription
from newsletters.subscription import unsubscribe_token


@pytest.fixture
def subscription(db):
    person = Subscriber.objects.create(email="anna@example.org", consent_text="Ja", consent_at=timezone.now())
    national = NewsletterList.objects.create(name="Wiel landelijk", slug="landelijk")
    samen = NewsletterList.objects.create(name="Nieuwsbrief SAMEN", slug="samen")
    Subscription.objects.create(subscriber=person, newsletter=samen, status="actief")
    return Subscription.objects.create(subscriber=person, newsletter=national, status="actief")


@pytest.mark.django_db
def test_one_click_post_unsubscribes_from_that_list_only(subscription):
    url = reverse("newsletter_unsubscribe", args=[unsubscribe_token(subscription)])
    client = Client(enforce_csrf_checks=True)  # as a mail provider would: no cookie, no token
    response = client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    statuses = dict(Subscription.objects.values_list("newsletter__slug", "status"))
    assert statuses == {"landelijk": "afgemeld", "samen": "actief"}
    assert Subscription.objects.get(pk=subscription.pk).unsubscribed_at is not None


@pytest.mark.django_db
def test_following_the_link_asks_first_and_bad_tokens_are_refused(subscription):
    url = reverse("newsletter_unsubscribe", args=[unsubscribe_token(subscription)])
    page = Client().get(url)
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    assert Subscription.objects.get(pk=subscription.pk).status == "actief"  # a mail scanner's GET does nothing
    tampered = reverse("newsletter_unsubscribe", args=["x" + unsubscribe_token(subscription)])
    assert (
        Client()
        .post(tampered, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
        .status_code
        == 400
    )
    assert Subscription.objects.get(pk=subscription.pk).status == "actief"
