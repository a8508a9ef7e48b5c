import pytest

from learning.factories import StoryIndexPageFactory, StoryPageFactory


@pytest.fixture
def stories(site_tree):
    """SAMEN's and Groningen's story overviews, each with one draft story (Groningen's with a name in it)."""
    samen = StoryIndexPageFactory(parent=site_tree["samen"])
    groningen = StoryIndexPageFactory(parent=site_tree["groningen"])
    draft = StoryPageFactory(parent=samen, title="Negen maanden wachten", live=False)
    other = StoryPageFactory(
        parent=groningen, title="Van loket naar loket", story="Mijn zoon Daan wachtte.", live=False
    )
    return {"samen": samen, "groningen": groningen, "draft": draft, "other": other}
