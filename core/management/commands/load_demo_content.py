"""Build the demo site. Each app brings its own ``demo.py``; this runs them in order.

The order is that of INSTALLED_APPS, so the core never names the apps built on it.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Create or complete the demo content (idempotent: safe to run again)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if not app_config.name.startswith(("django.", "wagtail")) and find_spec(module_name):
                    self.stdout.write(f"Demo content: {app_config.label}")
                    import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
