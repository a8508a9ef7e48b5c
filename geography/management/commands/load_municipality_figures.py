"""Load newer CBS figures per municipality from a CSV file: every row valid, or nothing changes."""

import csv

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from geography.data import FIGURE_COLUMNS, SOURCE_MAX_LENGTH, parse_figures
from geography.models import Municipality
from geography.signals import changed


class Command(BaseCommand):
    help = (
        "Load CBS figures per municipality. Columns: cbs_code (or name), and any of "
        + ", ".join(FIGURE_COLUMNS)
        + ". The source is a 'source' column or --source."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file")
        parser.add_argument(
            "--source",
            default="",
            help="The table the figures come from, e.g. 'CBS 86059NED Gebieden in Nederland 2025'.",
        )
        parser.add_argument("--delimiter", default=",")

    def handle(self, csv_file, source, delimiter, **options):
        try:
            with open(csv_file, newline="", encoding="utf-8-sig") as handle:
                reader = csv.DictReader(handle, delimiter=delimiter)
                header = reader.fieldnames or []
                rows = list(reader)
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise CommandError(f"{csv_file}: cannot be read ({error})") from error
        if "cbs_code" not in header and "name" not in header:
            raise CommandError(f"{csv_file}: needs a column cbs_code (or name) to name the municipality")
        figures = [column for column in FIGURE_COLUMNS if column != "source" and column in header]
        if not figures:
            raise CommandError(f"{csv_file}: none of the columns {', '.join(FIGURE_COLUMNS)} found")
        if "source" not in header:
            if not source.strip():
                raise CommandError(f"{csv_file}: say where the figures come from, with --source or a 'source' column")
            if len(source) > SOURCE_MAX_LENGTH:
                raise CommandError(f"--source: at most {SOURCE_MAX_LENGTH} characters")
            for row in rows:
                row["source"] = source.strip()
        municipalities = {m.cbs_code: m for m in Municipality.objects.all()}
        updates, errors = parse_figures(rows, municipalities)
        if errors:
            for error in errors:
                self.stderr.write(f"{csv_file}: {error}")
            raise CommandError(f"{len(errors)} error(s); nothing was changed")
        with transaction.atomic():
            for code, values in updates.items():
                Municipality.objects.filter(cbs_code=code).update(**values)
            # An update sends no save signal: the fit checks and pages show the new figures at once.
            transaction.on_commit(lambda: changed.send(sender=Municipality))
        self.stdout.write(
            self.style.SUCCESS(f"Updated {', '.join(figures)} of {len(updates)} municipalities from {csv_file}")
        )
