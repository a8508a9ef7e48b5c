import pytest
from django.core.cache import cache

from core.models import Theme
from newsletters.models import NewsletterIndexPage, NewsletterList


@pytest.fixture
def newsletters(site_tree, settings):
    settings.NEWSLETTER_RATE_LIMIT = 5
    cache.clear()
    page = NewsletterIndexPage(title="Nieuwsbrieven", slug="nieuwsbrieven")
    site_tree["home"].add_child(instance=page)
    page.save_revision().publish()
    national = NewsletterList.objects.create(name="Wiel landelijk", slug="landelijk")
    samen = NewsletterList.objects.create(name="Nieuwsbrief SAMEN", slug="samen", werkplaats=site_tree["samen"])
    theme = Theme.objects.create(name="Informele steun", slug="informele-steun")
    return {"page": page, "national": national, "samen": samen, "theme": theme}


def subscribe(email, newsletter, status="actief", name="", themes=()):
    from django.utils import timezone

    from newsletters.models import Subscriber, Subscription

    person, _ = Subscriber.objects.get_or_create(
        email=email, defaults={"name": name, "consent_text": "Ja", "consent_at": timezone.now()}
    )
    person.themes.add(*themes)
    Subscription.objects.create(subscriber=person, newsletter=newsletter, status=status)
    return person


def draft_issue(parent, newsletter, *, title="SAMEN in de winter", articles=(), **fields):
    """An unpublished issue: an articles section (when given) and a text section."""
    from newsletters.blocks import IssueBodyBlock
    from newsletters.models import NewsletterPage

    stream = IssueBodyBlock()
    body = []
    if articles:
        section = {"heading": "Nieuws", "intro": "Uit de werkplaats.", "pages": [page.pk for page in articles]}
        body.append(("articles", stream.child_blocks["articles"].to_python(section)))
    text = {"heading": "Van de redactie", "text": "<p>Fijne feestdagen &amp; tot ziens.</p>"}
    body.append(("text", stream.child_blocks["text"].to_python(text)))
    issue = NewsletterPage(
        title=title, slug=title.lower().replace(" ", "-"), newsletter=newsletter, intro="<p>Welkom.</p>", body=body,
        live=False, **fields,
    )  # fmt: skip
    parent.add_child(instance=issue)
    return issue


@pytest.fixture
def readers(newsletters, site_tree):
    """SAMEN's list: three confirmed readers (one with a theme), one pending, one who left."""
    samen = newsletters["samen"]
    return {
        "anna": subscribe("anna@example.org", samen, name="Anna de Vries", themes=[newsletters["theme"]]),
        "bram": subscribe("bram@example.org", samen, name="Bram"),
        "chaima": subscribe("chaima@example.org", samen),
        "pending": subscribe("daan@example.org", samen, status="wacht"),
        "gone": subscribe("eline@example.org", samen, status="afgemeld"),
    }
