"""Reading the geography data files of ``core/data`` (see its README for sources)."""

import csv
from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"
REFERENCE_DATE = "2025-01-01"


def read_rows(filename):
    with open(DATA_DIR / filename, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def municipality_slug(name):
    # "Bergen (NH.)" and "Bergen (L.)" must stay distinct, "'s-Gravenhage" readable.
    return slugify(name.replace("'s-", "s-"))


def load_geography(province_model, region_model, municipality_model):
    """Create or update provinces, jeugdregio's and municipalities from the data files."""
    provinces = {}
    for row in read_rows("provinces.csv"):
        provinces[row["code"]], _ = province_model.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"]}
        )
    regions = {}
    for row in read_rows("jeugdregios_2025.csv"):
        regions[row["name"]], _ = region_model.objects.update_or_create(
            name=row["name"], defaults={"slug": slugify(row["name"])}
        )
    for row in read_rows("gemeenten_2025.csv"):
        municipality_model.objects.update_or_create(
            name=row["name"],
            defaults={
                "slug": municipality_slug(row["name"]),
                "province": provinces[row["province_code"]],
                "youth_region": regions[row["jeugdregio"]],
                "urbanisation_class": int(row["urbanisation_class"]) if row["urbanisation_class"] else None,
                "population": int(row["population"]) if row["population"] else None,
            },
        )
