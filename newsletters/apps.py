from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        from core.blocks import register_body_block

        from . import checks, signals  # noqa: F401
        from .blocks import NewsletterSignupBlock

        # Any page body may invite readers to subscribe (the last block in the picker).
        register_body_block("newsletter_signup", NewsletterSignupBlock())
