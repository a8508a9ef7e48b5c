from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from core.models import Municipality, Province, YouthRegion

# CBS, Gemeentelijke indeling op 1 januari 2025
MUNICIPALITIES_PER_PROVINCE = {
    "Groningen": 10,
    "Fryslân": 18,
    "Drenthe": 12,
    "Overijssel": 25,
    "Flevoland": 6,
    "Gelderland": 51,
    "Utrecht": 26,
    "Noord-Holland": 44,
    "Zuid-Holland": 50,
    "Zeeland": 13,
    "Noord-Brabant": 56,
    "Limburg": 31,
}


@pytest.mark.django_db
def test_reference_counts():
    assert Province.objects.count() == 12
    assert YouthRegion.objects.count() == 42
    assert Municipality.objects.count() == 342


@pytest.mark.django_db
def test_every_municipality_in_one_province_and_one_region():
    counts = Counter(Municipality.objects.values_list("province__name", flat=True))
    assert counts == MUNICIPALITIES_PER_PROVINCE
    assert not Municipality.objects.filter(youth_region__isnull=True).exists()
    assert all(region.municipalities.exists() for region in YouthRegion.objects.all())


@pytest.mark.django_db
def test_cross_border_regions_and_distinct_slugs():
    assert Municipality.objects.get(name="Deventer").youth_region.name == "Midden-IJssel/Oost-Veluwe"
    assert Municipality.objects.get(name="Mook en Middelaar").province.name == "Limburg"
    slugs = Municipality.objects.values_list("slug", flat=True)
    assert len(set(slugs)) == 342
    assert Municipality.objects.get(name="Bergen (NH.)").slug != Municipality.objects.get(name="Bergen (L.)").slug


@pytest.mark.django_db
def test_unsourced_figures_stay_empty():
    assert not Municipality.objects.exclude(population=None).exists()
    assert not Municipality.objects.exclude(urbanisation_class=None).exists()


@pytest.mark.django_db
def test_load_figures_all_or_nothing(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("name,population,urbanisation_class\nLeiden,128000,1\nVlieland,1200,5\n", encoding="utf-8")
    call_command("load_municipality_figures", str(good))
    assert Municipality.objects.get(name="Leiden").urbanisation_class == 1
    assert Municipality.objects.get(name="Vlieland").population == 1200

    bad = tmp_path / "bad.csv"
    bad.write_text("name,population,urbanisation_class\nAssen,70000,2\nAssen,-3,9\nAtlantis,10,1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("load_municipality_figures", str(bad))
    assert Municipality.objects.get(name="Assen").population is None


@pytest.mark.django_db
def test_load_figures_reports_line_and_field(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,population,urbanisation_class\nAssen,zeventig,2\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("load_municipality_figures", str(bad))
    assert "line 2, population" in capsys.readouterr().err


@pytest.mark.django_db
def test_check_geography_lists_differences(tmp_path):
    export = tmp_path / "cbs.csv"
    rows = ["Gemeentenaam;Provincienaam;Jeugdregionaam"]
    for municipality in Municipality.objects.select_related("province", "youth_region"):
        region = "Twente" if municipality.name == "Deventer" else municipality.youth_region.name
        rows.append(f"{municipality.name};{municipality.province.name};{region}")
    export.write_text("\n".join(rows), encoding="utf-8")
    with pytest.raises(CommandError, match="1 difference"):
        call_command("check_geography", str(export))
