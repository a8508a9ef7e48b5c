"""Export practices in the import format (docs/practice-import.md)."""

import json

from django.core.management.base import BaseCommand

from practices.exports import export_queryset, practice_record


class Command(BaseCommand):
    help = "Write all practices (or those of one werkplaats) as JSON that import_practices reads back."

    def add_arguments(self, parser):
        parser.add_argument("--werkplaats", help="Slug of one werkplaats.")
        parser.add_argument("--language", default="nl")

    def handle(self, werkplaats=None, language="nl", **options):
        pages = export_queryset().filter(locale__language_code=language).order_by("slug")
        if werkplaats:
            pages = pages.filter(werkplaats__slug=werkplaats)
        records = [practice_record(page) for page in pages]
        self.stdout.write(json.dumps({"practices": records}, ensure_ascii=False, indent=2))
