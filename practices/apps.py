from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practices")

    def ready(self):
        from core.dashboard import register_section
        from core.http.page_cache import register_bypass
        from core.permissions import register_national_editor_models

        from . import views  # noqa: F401 (registers the views that answer the pages' routes)
        from .dashboard import reviews_due
        from .models import PartnerType
        from .question import COOKIE_NAME, PARAM_MUNICIPALITY

        register_section(reviews_due)  # the "Mijn werkplaats" panel
        register_national_editor_models(PartnerType)
        # A reader whose cookie holds a fit question is sent to the URL that asks it.
        register_bypass(COOKIE_NAME, PARAM_MUNICIPALITY)
