import pytest

from core.factories import publish_with
from core.models import Theme
from events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def calendar(site_tree):
    """A national calendar and SAMEN's and Groningen's, with upcoming and past events.

    Upcoming: Symposium (SAMEN, 4 SKJ points, theme informele-steun), Online sessie (Groningen, online).
    Past: Terugblik A (SAMEN), Terugblik B (Groningen, hybrid).
    """
    theme, _ = Theme.objects.get_or_create(slug="informele-steun", defaults={"name": "Informele steun"})
    national = EventIndexPageFactory(parent=site_tree["home"])
    samen = EventIndexPageFactory(parent=site_tree["samen"])
    groningen = EventIndexPageFactory(parent=site_tree["groningen"])
    symposium = EventPageFactory(parent=samen, title="Symposium", days=20, skj_points=4)
    publish_with(symposium, themes=[theme])
    online = EventPageFactory(
        parent=groningen,
        title="Online sessie",
        days=5,
        mode="online",
        venue_name="",
        venue_city="",
        online_platform="Microsoft Teams",
    )
    past_a = EventPageFactory(parent=samen, title="Terugblik A", days=-30)
    past_b = EventPageFactory(parent=groningen, title="Terugblik B", days=-400, mode="hybride", online_platform="Teams")
    return {
        "national": national,
        "samen": samen,
        "groningen": groningen,
        "symposium": symposium,
        "online": online,
        "past_a": past_a,
        "past_b": past_b,
        "theme": theme,
    }


@pytest.fixture
def registration_form():
    """``registration_form(name, address, **fields)``: what a visitor fills in to register."""

    def fill(name, address, **extra):
        return {
            "name": name,
            "email": address,
            "organisation": "Wijkteam",
            "role": "",
            "skj_number": "",
            "consent": "on",
            **extra,
        }

    return fill


@pytest.fixture
def register(registration_form):
    """``register(event, name, address, **fields)``: the public registration form, posted as a visitor."""
    from django.test import Client

    def post(page, name, address, **extra):
        return Client().post(page.url + "aanmelden/", registration_form(name, address, **extra))

    return post
