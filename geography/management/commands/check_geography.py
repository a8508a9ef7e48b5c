"""Compare the shipped geography with a CSV export of CBS' "Gebieden in Nederland"."""

import csv

from django.core.management.base import BaseCommand, CommandError

from geography.models import Municipality

NAME_COLUMNS = ("Gemeentenaam", "GemeentenaamGM", "name")
PROVINCE_COLUMNS = ("Provincienaam", "ProvincienaamPV", "province")
REGION_COLUMNS = ("Jeugdregionaam", "JeugdzorgregioNaam", "JeugdzorgregioNaamJZ", "jeugdregio")


def _column(header, candidates, path):
    for name in candidates:
        if name in header:
            return name
    raise CommandError(f"{path}: none of the columns {', '.join(candidates)} found")


class Command(BaseCommand):
    help = "List every difference between the geography data and a CBS 'Gebieden in Nederland' CSV export."

    def add_arguments(self, parser):
        parser.add_argument("csv_file")
        parser.add_argument("--delimiter", default=";")

    def handle(self, csv_file, delimiter, **options):
        with open(csv_file, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle, delimiter=delimiter)
            header = reader.fieldnames or []
            name_col = _column(header, NAME_COLUMNS, csv_file)
            province_col = _column(header, PROVINCE_COLUMNS, csv_file)
            region_col = _column(header, REGION_COLUMNS, csv_file)
            official = {row[name_col].strip(): row for row in reader}
        ours = {m.name: m for m in Municipality.objects.select_related("province", "youth_region")}
        differences = []
        for name in sorted(set(official) - set(ours)):
            differences.append(f"missing here: {name}")
        for name in sorted(set(ours) - set(official)):
            differences.append(f"not in CBS file: {name}")
        for name in sorted(set(ours) & set(official)):
            row, municipality = official[name], ours[name]
            if row[province_col].strip() != municipality.province.name:
                differences.append(f"{name}: province {municipality.province.name} here, {row[province_col]} in CBS")
            if row[region_col].strip() != municipality.youth_region.name:
                differences.append(
                    f"{name}: jeugdregio {municipality.youth_region.name} here, {row[region_col]} in CBS"
                )
        for line in differences:
            self.stdout.write(line)
        if differences:
            raise CommandError(f"{len(differences)} difference(s)")
        self.stdout.write(self.style.SUCCESS(f"{len(ours)} municipalities agree with {csv_file}"))
