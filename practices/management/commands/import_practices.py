"""Import practices from JSON (format: docs/practice-import.md), all records or none."""

import json
import os

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from practices.importing import import_records, validate

MAX_FILE_BYTES = 20 * 2**20  # a file of hundreds of practices is a few MB


class Command(BaseCommand):
    help = "Import practices from a JSON file. Validates everything first; imports nothing if anything is wrong."

    def add_arguments(self, parser):
        parser.add_argument("json_file")
        parser.add_argument("--dry-run", action="store_true", help="Only validate; change nothing.")
        parser.add_argument("--draft", action="store_true", help="Save new versions as drafts instead of publishing.")

    def handle(self, *args, **options):
        # Messages name fields in English, like the file format does.
        with translation.override("en"):
            return self.run(*args, **options)

    def run(self, json_file, dry_run=False, draft=False, **options):
        try:
            if os.path.getsize(json_file) > MAX_FILE_BYTES:
                limit = MAX_FILE_BYTES // 2**20
                raise CommandError(f"{json_file}: larger than {limit} MB; split it into smaller files")
            with open(json_file, encoding="utf-8-sig") as handle:
                data = json.load(handle)
        except OSError as error:
            raise CommandError(f"{json_file}: {error.strerror}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{json_file}: not UTF-8 text (byte {error.start})") from error
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{json_file}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
            ) from error
        except RecursionError as error:
            raise CommandError(f"{json_file}: nested too deeply to be an import file") from error
        records = data.get("practices") if isinstance(data, dict) else data
        cleaned, errors = validate(records)
        if errors:
            for message in errors.messages:
                self.stderr.write(message)
            raise CommandError(f"{len(errors.messages)} error(s) in {json_file}; nothing was imported")
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"{len(cleaned)} record(s) are valid; nothing was imported (dry run)"))
            return
        counts = import_records(cleaned, publish=not draft)
        self.stdout.write(
            self.style.SUCCESS("{created} created, {updated} updated, {unchanged} unchanged".format(**counts))
        )
