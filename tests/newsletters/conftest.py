import pytest

from newsletters.factories import subscribe


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
