"""Fill population and CBS urbanisation class from a CSV file, all rows or none."""

import csv

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.models import Municipality

REQUIRED = ("name", "population", "urbanisation_class")


class Command(BaseCommand):
    help = "Load population and urbanisation class per municipality (columns: name, population, urbanisation_class)."

    def add_arguments(self, parser):
        parser.add_argument("csv_file")

    def handle(self, csv_file, **options):
        municipalities = {m.name: m for m in Municipality.objects.all()}
        errors, updates = [], []
        with open(csv_file, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [column for column in REQUIRED if column not in (reader.fieldnames or [])]
            if missing:
                raise CommandError(f"{csv_file}: missing column(s) {', '.join(missing)}")
            for line, row in enumerate(reader, start=2):
                municipality = municipalities.get(row["name"].strip())
                if municipality is None:
                    errors.append(f"line {line}, name: unknown municipality {row['name']!r}")
                    continue
                try:
                    population = int(row["population"]) if row["population"].strip() else None
                    if population is not None and population <= 0:
                        raise ValueError
                except ValueError:
                    errors.append(f"line {line}, population: {row['population']!r} is not a positive whole number")
                    continue
                try:
                    urbanisation = int(row["urbanisation_class"]) if row["urbanisation_class"].strip() else None
                    if urbanisation is not None and not 1 <= urbanisation <= 5:
                        raise ValueError
                except ValueError:
                    errors.append(
                        f"line {line}, urbanisation_class: {row['urbanisation_class']!r} is not a class from 1 to 5"
                    )
                    continue
                municipality.population, municipality.urbanisation_class = population, urbanisation
                updates.append(municipality)
        if errors:
            for error in errors:
                self.stderr.write(error)
            raise CommandError(f"{len(errors)} error(s); nothing was changed")
        with transaction.atomic():
            Municipality.objects.bulk_update(updates, ["population", "urbanisation_class"])
        self.stdout.write(self.style.SUCCESS(f"Updated {len(updates)} municipalities"))
