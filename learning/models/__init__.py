"""The learning loop's content: lived-experience stories, and the improvement proposals made of
them with their actions, follow-ups and updates."""

from .proposals import Action, ActionUpdate, FollowUp, ProposalIndexPage, ProposalPage
from .stories import StoryIndexPage, StoryPage

__all__ = ["Action", "ActionUpdate", "FollowUp", "ProposalIndexPage", "ProposalPage", "StoryIndexPage", "StoryPage"]
