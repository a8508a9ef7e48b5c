"""Builders for tests and benchmarks: subscribers with their subscriptions, and newsletter issues."""

from django.utils import timezone

from .blocks import IssueBodyBlock
from .models import NewsletterPage, Subscriber, Subscription


def subscribe(email, newsletter, status="actief", name="", themes=()):
    """A subscriber (made once per address) with a subscription to ``newsletter`` in ``status``."""
    person, _ = Subscriber.objects.get_or_create(
        email=email, defaults={"name": name, "consent_text": "Ja", "consent_at": timezone.now()}
    )
    person.themes.add(*themes)
    Subscription.objects.create(subscriber=person, newsletter=newsletter, status=status)
    return person


def draft_issue(parent, newsletter, *, title="SAMEN in de winter", articles=(), **fields):
    """An unpublished issue below ``parent``: an articles section (when given) and a text section."""
    stream = IssueBodyBlock()
    body = []
    if articles:
        section = {"heading": "Nieuws", "intro": "Uit de werkplaats.", "pages": [page.pk for page in articles]}
        body.append(("articles", stream.child_blocks["articles"].to_python(section)))
    text = {"heading": "Van de redactie", "text": "<p>Fijne feestdagen &amp; tot ziens.</p>"}
    body.append(("text", stream.child_blocks["text"].to_python(text)))
    issue = NewsletterPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        newsletter=newsletter,
        intro="<p>Welkom.</p>",
        body=body,
        live=False,
        **fields,
    )
    parent.add_child(instance=issue)
    return issue
