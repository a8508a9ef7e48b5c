from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Annual reports")

    def ready(self):
        from . import views  # noqa: F401 (registers the views that answer the pages' routes)
