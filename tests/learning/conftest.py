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


@pytest.fixture
def proposals(site_tree):
    """SAMEN's and Groningen's proposal overviews; Groningen's with one published proposal of two
    actions (its owners numbered 1 and 2), made 90 days ago, so both follow-ups are due."""
    from learning.factories import ProposalIndexPageFactory, ProposalPageFactory, owner

    samen = ProposalIndexPageFactory(parent=site_tree["samen"])
    groningen = ProposalIndexPageFactory(parent=site_tree["groningen"])
    proposal = ProposalPageFactory(parent=groningen, title="Eén aanspreekpunt", actions=[owner(1), owner(2)])
    return {"samen": samen, "groningen": groningen, "proposal": proposal}
