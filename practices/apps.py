from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practices")

    def ready(self):
        from core.dashboard import register_section

        from .dashboard import reviews_due

        register_section(reviews_due)  # the "Mijn werkplaats" panel
