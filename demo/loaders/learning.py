"""The learning loop: ``demo/data/proposals.json`` through ``import_proposals``' functions.

The seed's meeting Leren van Ervaringen (Hoogezand, 13 February 2020) with its seven
improvement proposals, their actions (owners as roles) and their follow-ups as they went:
answered, started, done, stopped and without an answer. The four stories are written for the
demo. Each werkplaats gets its story and proposal overviews (and so its "Deel je ervaring" form).
"""

from demo.utils import data, sections
from learning import importing
from learning.models import ProposalIndexPage, StoryIndexPage


def load(stdout):
    sections(StoryIndexPage, "ervaringsverhalen", in_menu=False)
    sections(ProposalIndexPage, "verbetervoorstellen", in_menu=False)
    file = data("proposals.json")
    stories, proposals, errors = importing.validate(file)
    if errors:
        raise ValueError("proposals.json: " + "; ".join(errors.messages))
    importing.import_all(stories, proposals)
    stdout.write(f"  {len(stories[1])} stories, {len(proposals[1])} proposals")
