from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeographyConfig(AppConfig):
    """The reference geography: provinces, jeugdregio's and municipalities with their CBS figures,
    municipality names as people write them, similarity between municipalities and the maps.
    It builds on Django alone; the core (a werkplaats covers municipalities) and the apps build on it."""

    name = "geography"
    verbose_name = _("Geography")
