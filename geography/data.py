"""Reading the geography files of ``geography/data`` (see its README for sources and dates).

The loaders take the model classes as arguments, so that data migrations can pass
their historical models and the management commands the current ones.
"""

import csv
import datetime
from collections import Counter
from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"
REFERENCE_DATE = "2025-01-01"
FIGURES_FILE = "gemeenten_2025_cbs.csv"
SOURCE_MAX_LENGTH = 120


def read_rows(filename, directory=DATA_DIR):
    with open(directory / filename, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def municipality_slug(name):
    # "Bergen (NH.)" and "Bergen (L.)" must stay distinct, "'s-Gravenhage" readable.
    return slugify(name.replace("'s-", "s-"))


def load_base_geography(province_model, region_model, municipality_model):
    """Provinces, the 42 jeugdregio's and the 342 municipalities: names and membership only.

    Used by the first data migration, whose models have no codes or figures yet;
    :func:`load_geography` completes them.
    """
    provinces = {}
    for row in read_rows("provinces.csv"):
        provinces[row["code"]], _ = province_model.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"]}
        )
    regions = {}
    for row in read_rows("jeugdregios_2025.csv"):
        regions[row["code"]], _ = region_model.objects.update_or_create(
            name=row["name"], defaults={"slug": slugify(row["name"])}
        )
    region_of = {row["cbs_code"]: row["jeugdregio_code"] for row in read_rows("gemeente_jeugdregio_2025.csv")}
    for row in read_rows("gemeenten_2025.csv"):
        municipality_model.objects.update_or_create(
            name=row["name"],
            defaults={
                "slug": municipality_slug(row["name"]),
                "province": provinces[row["province_code"]],
                "youth_region": regions[region_of[row["cbs_code"]]],
            },
        )


def load_geography(province_model, region_model, municipality_model):
    """Bring the database in line with the data files: codes, CBS regions and CBS figures.

    Safe to run on a database filled from the earlier, hand-typed tables: municipalities
    are matched by CBS code or else by name, regions keep their rows (and so every
    reference to them) where they can be recognised, see :func:`sync_regions`.
    """
    provinces = {}
    for row in read_rows("provinces.csv"):
        provinces[row["code"]], _ = province_model.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"]}
        )
    by_code = {m.cbs_code: m for m in municipality_model.objects.exclude(cbs_code=None)}
    by_name = {m.name: m for m in municipality_model.objects.all()}
    municipalities = {}
    for row in read_rows("gemeenten_2025.csv"):
        municipality = by_code.get(row["cbs_code"]) or by_name.get(row["name"]) or municipality_model()
        municipality.cbs_code = row["cbs_code"]
        municipality.name = row["name"]
        municipality.slug = municipality_slug(row["name"])
        municipality.province = provinces[row["province_code"]]
        municipalities[row["cbs_code"]] = municipality
    gone = sync_regions(region_model, municipalities)
    for municipality in municipalities.values():
        municipality.save()
    for region, successor in gone:
        _hand_over_references(region, successor)
    rows = read_rows(FIGURES_FILE)
    updates, errors = parse_figures(rows, municipalities)
    if errors:
        raise ValueError(f"{FIGURES_FILE}: " + "; ".join(errors))
    for code, values in updates.items():
        municipality_model.objects.filter(cbs_code=code).update(**values)


def sync_regions(region_model, municipalities):
    """Give every municipality (by CBS code) its CBS jeugdregio, keeping existing region rows.

    A region row is kept and renamed when it carries the CBS code, has the CBS name, or
    holds most of the CBS region's municipalities today; that keeps the references to it
    (subscribers' interests) pointing at the corrected region. Returns the rows that match
    no CBS region, each with the region where most of its municipalities went: once the
    municipalities are saved, they hand their references over to it and are removed.
    """
    regions = {row["code"]: row["name"] for row in read_rows("jeugdregios_2025.csv")}
    region_of = {row["cbs_code"]: row["jeugdregio_code"] for row in read_rows("gemeente_jeugdregio_2025.csv")}
    existing = list(region_model.objects.all())
    claimed = _claim_regions(regions, region_of, existing, municipalities)
    # Rename in two steps, so that no two rows hold one name or code in between.
    for position, region in enumerate(claimed.values()):
        region.name, region.slug, region.code = f"~{region.pk}", f"tmp-{region.pk}", f"~{position:03d}"
        region.save()
    for code, name in regions.items():
        region = claimed.get(code) or region_model()
        region.code, region.name, region.slug = code, name, slugify(name)
        region.save()
        claimed[code] = region
    leftovers = [region for region in existing if region not in claimed.values()]
    successor = {}
    for region in leftovers:
        went = Counter(
            region_of[cbs_code] for cbs_code, m in municipalities.items() if m.pk and m.youth_region_id == region.pk
        )
        successor[region.pk] = claimed[went.most_common(1)[0][0]] if went else None
    for cbs_code, municipality in municipalities.items():
        municipality.youth_region = claimed[region_of[cbs_code]]
    return [(region, successor[region.pk]) for region in leftovers]


def _claim_regions(regions, region_of, existing, municipalities):
    """{CBS code: the existing row that becomes that region}: by its code, then by its name, then
    the row that holds most of the region's municipalities today (largest regions choose first)."""
    claimed = {}
    for region in existing:
        if region.code in regions and region.code not in claimed:
            claimed[region.code] = region
    names = {_fold(name): code for code, name in regions.items()}
    for region in existing:
        code = names.get(_fold(region.name))
        if code and code not in claimed and region not in claimed.values():
            claimed[code] = region
    votes = {code: Counter() for code in regions}
    for cbs_code, municipality in municipalities.items():
        if municipality.pk and municipality.youth_region_id:
            votes[region_of[cbs_code]][municipality.youth_region_id] += 1
    by_pk = {region.pk: region for region in existing}
    for code in sorted(regions, key=lambda code: -sum(votes[code].values())):
        if code in claimed:
            continue
        taken = {region.pk for region in claimed.values()}
        chosen = next((pk for pk, _count in votes[code].most_common() if pk not in taken), None)
        if chosen is not None:
            claimed[code] = by_pk[chosen]
    return claimed


def _hand_over_references(region, successor):
    """Point the many-to-many references of a region that no longer exists at its successor."""
    for relation in region._meta.related_objects:
        if not relation.many_to_many:
            continue
        through = relation.through
        region_field = next(f.name for f in through._meta.fields if f.is_relation and f.related_model is type(region))
        other_field = next(
            f.name
            for f in through._meta.fields
            if f.is_relation and f.related_model is not type(region) and f.name != "id"
        )
        rows = through.objects.filter(**{region_field: region})
        if successor is not None:
            already = set(
                through.objects.filter(**{region_field: successor}).values_list(f"{other_field}_id", flat=True)
            )
            for row in rows:
                if getattr(row, f"{other_field}_id") not in already:
                    through.objects.create(**{region_field: successor, other_field: getattr(row, other_field)})
        rows.delete()
    region.delete()


def _fold(text):
    return slugify(text).replace("-", "")


# Columns of a figures file (the shipped CBS files, or a newer one for load_municipality_figures).
FIGURE_COLUMNS = {
    "population": "population",
    "population_date": "population_date",
    "density_per_km2_land": "density",
    "land_area_ha": "land_area_ha",
    "dwellings": "dwellings",
    "urbanisation_class": "urbanisation_class",
    "address_density": "address_density",
    "pct_age_0_14": "share_age_0_14",
    "pct_age_15_24": "share_age_15_24",
    "pct_households_with_children": "share_households_with_children",
    "reference_date": "reference_date",
    "source": "figures_source",
}


POPULATION_FIELDS = {"population", "population_date", "density", "land_area_ha", "dwellings"}
PROFILE_FIELDS = {"address_density", "share_age_0_14", "share_age_15_24", "share_households_with_children"}
PROFILE_FILE = "gemeenten_2025_cbs_extra.csv"


def parse_figures(rows, municipalities, start_line=2):
    """Validate rows of figures; return ({cbs_code: {field: value}}, [errors naming line and field]).

    A row names its municipality by ``cbs_code`` (GMxxxx) or by ``name``. Only the columns
    present are read, so a file with just ``cbs_code,urbanisation_class`` fills that class;
    an empty cell leaves the value as it is.
    """
    by_name = {m.name.casefold(): code for code, m in municipalities.items()}
    updates, errors, seen = {}, [], {}
    for line, row in enumerate(rows, start=start_line):
        code = _row_municipality(row, line, municipalities, by_name, errors)
        if code is None:
            continue
        if code in seen:
            errors.append(f"line {line}, cbs_code: {code} appears again (first on line {seen[code]})")
            continue
        seen[code] = line
        values = {}
        for column, field in FIGURE_COLUMNS.items():
            raw = (row.get(column) or "").strip()
            if not raw:
                continue
            try:
                values[field] = _FIGURE_PARSERS[column](raw)
            except ValueError as error:
                errors.append(f"line {line}, {column}: {raw[:40]!r} {error}")
        values = _with_sources(values)
        if values:
            updates[code] = values
    return updates, errors


def _row_municipality(row, line, by_code, by_name, errors):
    """The CBS code of the municipality a row names (by ``cbs_code`` or ``name``), or None."""
    code = (row.get("cbs_code") or "").strip()
    if code:
        if code not in by_code:
            errors.append(f"line {line}, cbs_code: unknown CBS municipality code {code!r}")
            return None
        return code
    name = (row.get("name") or "").strip()
    code = by_name.get(name.casefold())
    if code is None:
        errors.append(f"line {line}, name: unknown municipality {name!r}")
    return code


def _with_sources(values):
    """The source and the reference date given to each group of figures the row carries."""
    source = values.pop("figures_source", None)
    reference_date = values.pop("reference_date", None)
    if values.keys() & POPULATION_FIELDS:
        if source:
            values["figures_source"] = source
        if reference_date:
            values.setdefault("population_date", reference_date)
    if "urbanisation_class" in values and source:
        values["urbanisation_source"] = source
    if values.keys() & PROFILE_FIELDS:
        if source:
            values["profile_source"] = source
        if reference_date:
            values["profile_date"] = reference_date
    return values


def _whole(minimum):
    def parse(raw):
        if not raw.isascii() or not raw.isdigit() or int(raw) < minimum:
            raise ValueError(f"is not a whole number of at least {minimum}")
        return int(raw)

    return parse


def _date(raw):
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise ValueError("is not a date (YYYY-MM-DD)") from None


def _urbanisation(raw):
    if raw not in {"1", "2", "3", "4", "5"}:
        raise ValueError("is not a CBS urbanisation class from 1 to 5")
    return int(raw)


def _percent(raw):
    if not raw.isascii() or not raw.isdigit() or int(raw) > 100:
        raise ValueError("is not a whole percentage from 0 to 100")
    return int(raw)


def _source(raw):
    if len(raw) > SOURCE_MAX_LENGTH or not raw.isprintable():
        raise ValueError(f"is not a printable text of at most {SOURCE_MAX_LENGTH} characters")
    return raw


_FIGURE_PARSERS = {
    "population": _whole(1),
    "population_date": _date,
    "density_per_km2_land": _whole(0),
    "land_area_ha": _whole(1),
    "dwellings": _whole(0),
    "urbanisation_class": _urbanisation,
    "address_density": _whole(0),
    "pct_age_0_14": _percent,
    "pct_age_15_24": _percent,
    "pct_households_with_children": _percent,
    "reference_date": _date,
    "source": _source,
}


def load_profile_figures(municipality_model, filename=PROFILE_FILE):
    """The CBS urbanisation class, address density and shares of young people and families."""
    municipalities = {m.cbs_code: m for m in municipality_model.objects.all()}
    updates, errors = parse_figures(read_rows(filename), municipalities)
    if errors:
        raise ValueError(f"{filename}: " + "; ".join(errors))
    for code, values in updates.items():
        municipality_model.objects.filter(cbs_code=code).update(**values)
