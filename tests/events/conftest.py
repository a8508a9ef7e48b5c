import pytest

from core.models import Theme
from events.factories import EventIndexPageFactory, EventPageFactory


def publish_with(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


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
        parent=groningen, title="Online sessie", days=5, mode="online", venue_name="", venue_city="",
        online_platform="Microsoft Teams",
    )  # fmt: skip
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
