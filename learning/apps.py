from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning from experience")

    def ready(self):
        from wagtail.signals import page_published

        from core.jobs import Job, register_job
        from newsletters.blocks import register_issue_section
        from outbox.signals import address_bounced

        from . import follow_up, views  # noqa: F401 (views: registers what answers the pages' routes)

        # Each question is queued by the one process whose conditional update won: no lock needed.
        register_job(Job("follow_up_actions", 900, follow_up.run, longest=1800, exclusive=False))
        register_job(Job("erase_follow_up_owners", 86400, follow_up.erase_owners))
        page_published.connect(follow_up.published, dispatch_uid="learning-follow-up-published")
        address_bounced.connect(follow_up.bounced, dispatch_uid="learning-follow-up-bounced")
        register_issue_section(
            "proposals", "learning.ProposalPage", _("Improvement proposals"), _("Proposals"), "tasks"
        )
        register_issue_section("stories", "learning.StoryPage", _("Lived-experience stories"), _("Stories"), "user")
