from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = _("Opportunities and projects")

    def ready(self):
        from wagtail.signals import page_published

        from core.jobs import Job, register_job

        from . import retention, stages, views  # noqa: F401 (views: registers what answers the pages' routes)

        page_published.connect(stages.published, dispatch_uid="opportunities-stage-published")
        register_job(Job("erase_opportunity_submitters", 86400, retention.erase_submitters))
