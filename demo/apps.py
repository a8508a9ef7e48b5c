from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site: its data (``demo/data/``), its loaders and ``manage.py load_demo_content``.

    It sits above every app and no app imports it."""

    name = "demo"
    verbose_name = _("Demo content")
