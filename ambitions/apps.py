from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbitionsConfig(AppConfig):
    name = "ambitions"
    verbose_name = _("Ambitions and their results")
