from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        from core.blocks import register_body_block
        from core.jobs import Job, register_job
        from core.permissions import register_national_editor_models

        from . import checks, signals, views  # noqa: F401 (views: registers what answers the pages' routes)
        from .models import NewsletterList, Suppression
        from .signup import NewsletterSignupBlock

        # The mailings that are due, and subscribers who never confirmed once their link expired.
        register_job(Job("send_newsletters", 60, ("send_newsletters",)))
        register_job(Job("erase_unconfirmed_subscribers", 3600, ("erase_unconfirmed_subscribers",)))

        register_national_editor_models(NewsletterList, Suppression)

        # Any page body may invite readers to subscribe (the last block in the picker).
        register_body_block("newsletter_signup", NewsletterSignupBlock())
