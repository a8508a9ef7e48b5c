"""Build the demo site: each loader of ``demo.loaders`` in turn, in one transaction."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loaders import LOADERS


class Command(BaseCommand):
    help = "Create or complete the demo content (idempotent: safe to run again)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for loader in LOADERS:
                self.stdout.write(f"Demo content: {loader.__name__.rpartition('.')[2]}")
                loader.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
