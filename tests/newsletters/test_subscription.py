"""Subscribing: double opt-in per list, tokens, no enumeration, rate limit, honeypot, consent record."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from newsletters.models import Subscriber, Subscription
from outbox.models import OutgoingMail


def post(client, newsletters, address, lists, **extra):
    data = {"email": address, "name": "Anna", "lists": [item.pk for item in lists], "consent": "on", **extra}
    return client.post(newsletters["page"].url, data)


def confirm_path(message):
    return "/" + re.search(r"https?://[^/]+/(\S+/bevestigen/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_double_opt_in_with_a_button_per_list(newsletters, django_capture_on_commit_callbacks):
    client = Client()
    form_html = client.get(newsletters["page"].url).content.decode()
    assert form_html.count('name="lists"') == 2 and form_html.count('name="themes"') == 1  # one checkbox each
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            newsletters,
            "Anna@Example.org",
            [newsletters["national"], newsletters["samen"]],
            themes=[newsletters["theme"].pk],
        )
    assert response.status_code == 200
    subscriber = Subscriber.objects.get(email="anna@example.org")
    assert list(subscriber.themes.values_list("slug", flat=True)) == ["informele-steun"]
    assert subscriber.consent_text in client.get(newsletters["page"].url).content.decode()  # the text shown
    assert subscriber.consent_at is not None
    assert set(subscriber.subscriptions.values_list("status", flat=True)) == {"wacht"}

    [message] = mail.outbox
    path = confirm_path(message)
    page = client.get(path)  # what a mail scanner does: nothing is confirmed
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    assert not Subscription.objects.filter(status="actief").exists()

    client.post(path, {"lists": [newsletters["samen"].pk]})  # each list is confirmed separately
    statuses = dict(subscriber.subscriptions.values_list("newsletter__slug", "status"))
    assert statuses == {"samen": "actief", "landelijk": "wacht"}
    client.post(path, {"lists": [newsletters["national"].pk]})
    assert set(subscriber.subscriptions.values_list("status", flat=True)) == {"actief"}


@pytest.mark.django_db
def test_known_and_unknown_addresses_get_the_same_answer(newsletters, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = post(Client(), newsletters, "bekend@example.org", [newsletters["national"]])
    Subscription.objects.update(status="actief")
    with django_capture_on_commit_callbacks(execute=True):
        known = post(
            Client(),
            newsletters,
            "bekend@example.org",
            [newsletters["national"]],
            name="Iemand anders",
            themes=[newsletters["theme"].pk],
        )
        unknown = post(Client(), newsletters, "nieuw@example.org", [newsletters["national"]])
    assert first.content == known.content == unknown.content
    subscriber = Subscriber.objects.get(email="bekend@example.org")
    assert subscriber.name == "Anna" and not subscriber.themes.exists()  # a stranger cannot change them
    assert "bevestigen/" not in mail.outbox[1].body  # the owner hears nothing changed; no new link
    assert "bevestigen/" in mail.outbox[2].body


@pytest.mark.django_db
def test_expired_and_tampered_links(newsletters, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(Client(), newsletters, "anna@example.org", [newsletters["national"]])
    path = confirm_path(mail.outbox[0])
    tampered = path.replace("/bevestigen/", "/bevestigen/A")
    assert Client().post(tampered, {"lists": [newsletters["national"].pk]}).status_code == 400
    settings.NEWSLETTER_CONFIRM_MAX_AGE = -1  # every link is now too old
    expired = Client().post(path, {"lists": [newsletters["national"].pk]})
    assert expired.status_code == 400
    assert not Subscription.objects.filter(status="actief").exists()


@pytest.mark.django_db
def test_rate_limit_honeypot_and_bad_input(newsletters, django_capture_on_commit_callbacks):
    client = Client(REMOTE_ADDR="10.0.0.7")
    bad = post(client, newsletters, "geen-adres", [])
    assert bad.status_code == 400
    assert set(bad.context["form"].errors) == {"email", "lists"}
    with django_capture_on_commit_callbacks(execute=True):
        bot = post(client, newsletters, "bot@example.org", [newsletters["national"]], website="http://spam.example")
    assert bot.status_code == 200 and not Subscriber.objects.filter(email="bot@example.org").exists()
    for number in range(3):
        assert post(client, newsletters, f"a{number}@example.org", [newsletters["national"]]).status_code == 200
    limited = post(client, newsletters, "te-veel@example.org", [newsletters["national"]])
    assert limited.status_code == 429
    assert not Subscriber.objects.filter(email="te-veel@example.org").exists()
    other = Client(REMOTE_ADDR="10.0.0.8")
    assert post(other, newsletters, "ander@example.org", [newsletters["national"]]).status_code == 200


@pytest.mark.django_db
def test_the_signup_block_in_a_page_body_subscribes_through_the_newsletter_page(
    newsletters, site_tree, django_capture_on_commit_callbacks
):
    from articles.factories import ArticlePageFactory

    block = {"heading": "Blijf op de hoogte", "text": "Kort nieuws.", "newsletter": newsletters["samen"]}
    article = ArticlePageFactory(parent=site_tree["samen_news"], body=[("newsletter_signup", block)])
    client = Client()
    response = client.get(article.url)
    html = response.content.decode()
    assert f'<form method="get" action="{newsletters["page"].url}"' in html and "Blijf op de hoogte" in html
    assert f'<input type="hidden" name="lists" value="{newsletters["samen"].pk}">' in html
    # No CSRF token in the block: the page around it stays cacheable for everyone.
    assert "csrfmiddlewaretoken" not in html and "public" in response["Cache-Control"]
    # The newsletter page takes the address and list into its full form: consent, honeypot, CSRF.
    step = client.get(newsletters["page"].url, {"email": "lezer@example.org", "lists": newsletters["samen"].pk})
    form = step.content.decode()
    assert 'value="lezer@example.org"' in form and 'name="consent"' in form and "csrfmiddlewaretoken" in form
    checked = re.findall(r'<input type="checkbox" name="lists" value="(\d+)"[^>]* checked>', form)
    assert checked == [str(newsletters["samen"].pk)]
    data = {"email": "lezer@example.org", "lists": newsletters["samen"].pk, "consent": "on", "website": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(newsletters["page"].url, data)
    assert response.status_code == 200
    subscription = Subscription.objects.get(subscriber__email="lezer@example.org")
    assert subscription.newsletter == newsletters["samen"] and subscription.status == "wacht"
    assert len(mail.outbox) == 1
    # Without a chosen list the reader picks one of the open lists.
    open_choice = ArticlePageFactory(
        parent=site_tree["samen_news"], title="Kies zelf", body=[("newsletter_signup", {**block, "newsletter": None})]
    )
    assert client.get(open_choice.url).content.decode().count('name="lists"') == 2


@pytest.mark.django_db
def test_addresses_that_never_confirm_are_erased_once_their_link_expired(newsletters, settings):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    settings.NEWSLETTER_CONFIRM_MAX_AGE = 7 * 24 * 3600
    old = timezone.now() - datetime.timedelta(days=8)
    recent = timezone.now() - datetime.timedelta(days=6)

    def subscriber(address, *statuses, when=old):
        person = Subscriber.objects.create(email=address, consent_text="ja", consent_at=when)
        for newsletter, status in zip([newsletters["national"], newsletters["samen"]], statuses, strict=False):
            subscription = Subscription.objects.create(subscriber=person, newsletter=newsletter, status=status)
            Subscription.objects.filter(pk=subscription.pk).update(requested_at=when)
        return person

    expired = subscriber("expired@example.org", "wacht", "wacht")
    waiting = subscriber("waiting@example.org", "wacht", when=recent)
    confirmed = subscriber("confirmed@example.org", "actief", "wacht")
    left = subscriber("left@example.org", "afgemeld")
    call_command("erase_unconfirmed_subscribers", "--dry-run", stdout=io.StringIO())
    assert Subscriber.objects.filter(pk=expired.pk).exists()
    output = io.StringIO()
    call_command("erase_unconfirmed_subscribers", stdout=output)
    assert "Erased 1 unconfirmed subscriber(s)" in output.getvalue()
    assert set(Subscriber.objects.values_list("email", flat=True)) == {waiting.email, confirmed.email, left.email}
    assert not Subscription.objects.filter(subscriber_id=expired.pk).exists()


@pytest.mark.django_db
def test_asking_again_restarts_the_confirmation_period(newsletters, settings, django_capture_on_commit_callbacks):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    form = {"email": "again@example.org", "lists": [newsletters["national"].pk], "consent": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(newsletters["page"].url, form)
    Subscription.objects.update(requested_at=timezone.now() - datetime.timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(newsletters["page"].url, form)
    call_command("erase_unconfirmed_subscribers", stdout=io.StringIO())
    assert Subscriber.objects.filter(email="again@example.org").exists()


@pytest.mark.django_db
def test_a_mail_server_that_is_down_costs_a_delay_never_a_500_or_the_link(
    newsletters, mailbox, settings, free_port, django_capture_on_commit_callbacks
):
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = free_port, 2  # nothing listens there
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, newsletters, "anna@example.org", [newsletters["samen"]])
    assert response.status_code == 200
    assert "Je aanvraag is opgeslagen en er is een e-mail onderweg" in response.content.decode()
    assert Subscription.objects.get(subscriber__email="anna@example.org").status == "wacht"
    assert mailbox.messages == []

    settings.EMAIL_PORT = mailbox.controller.port  # the server is back; the job sends what waits
    OutgoingMail.objects.update(next_attempt_at=timezone.now())
    call_command("run_scheduled_jobs", "--job", "send_outgoing_mail", verbosity=0)
    [message] = mailbox.to("anna@example.org")
    path = "/" + re.search(r"https?://[^/]+/(\S+/bevestigen/\S+/)", message.get_content()).group(1)
    client.post(path, {"lists": [newsletters["samen"].pk]})
    assert Subscription.objects.get(subscriber__email="anna@example.org").status == "actief"
