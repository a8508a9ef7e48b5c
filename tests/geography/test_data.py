"""The reference geography: CBS figures for all 342 municipalities, the CBS jeugdregio's, loading newer figures."""

import csv
import datetime
import re
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Sum
from django.utils import timezone

from geography.data import DATA_DIR, load_geography
from geography.models import Municipality, Province, YouthRegion
from newsletters.models import Subscriber

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
# Inhabitants of the Netherlands on 1 January 2024 (CBS), the sum of the municipal rows.
NATIONAL_POPULATION = 17_942_942


def rows(filename):
    with open(DATA_DIR / filename, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.django_db
def test_reference_counts():
    assert Province.objects.count() == 12
    assert YouthRegion.objects.count() == 42
    assert Municipality.objects.count() == 342


@pytest.mark.django_db
def test_every_municipality_in_one_province_and_one_region():
    counts = Counter(Municipality.objects.values_list("province__name", flat=True))
    assert counts == MUNICIPALITIES_PER_PROVINCE
    assert all(region.municipalities.exists() for region in YouthRegion.objects.all())
    slugs = Municipality.objects.values_list("slug", flat=True)
    assert len(set(slugs)) == 342
    assert Municipality.objects.get(name="Bergen (NH.)").slug != Municipality.objects.get(name="Bergen (L.)").slug


@pytest.mark.django_db
def test_cbs_figures_for_every_municipality():
    municipalities = list(Municipality.objects.all())
    codes = [municipality.cbs_code for municipality in municipalities]
    assert len(set(codes)) == 342 and all(re.fullmatch(r"GM\d{4}", code) for code in codes)
    cbs = {row["cbs_code"]: row for row in rows("gemeenten_2025_cbs.csv")}
    assert len(cbs) == 342
    for municipality in municipalities:
        row = cbs[municipality.cbs_code]
        assert row["name"] == municipality.name  # the code belongs to this municipality
        assert municipality.population == int(row["population"])
        assert municipality.density == int(row["density_per_km2_land"])
        assert municipality.land_area_ha == int(row["land_area_ha"])
        assert municipality.dwellings == int(row["dwellings"])
        assert municipality.population_date == datetime.date(2024, 1, 1)
        assert municipality.figures_source == "CBS 85984NED Kerncijfers wijken en buurten 2024"
    assert Municipality.objects.aggregate(total=Sum("population"))["total"] == NATIONAL_POPULATION
    assert Municipality.objects.get(name="Amsterdam").cbs_code == "GM0363"


@pytest.mark.django_db
def test_the_cbs_profile_of_every_municipality_is_loaded_as_published():
    """The class, address density and shares of gemeenten_2025_cbs_extra.csv, checked as its README says."""
    extra = {row["cbs_code"]: row for row in rows("gemeenten_2025_cbs_extra.csv")}
    assert len(extra) == 342
    limits = {1: (2_500, None), 2: (1_500, 2_500), 3: (1_000, 1_500), 4: (500, 1_000), 5: (None, 500)}
    classes = Counter()
    for municipality in Municipality.objects.all():
        row = extra[municipality.cbs_code]
        assert municipality.urbanisation_class == int(row["urbanisation_class"])
        assert municipality.address_density == int(row["address_density"])
        assert municipality.share_age_0_14 == int(row["pct_age_0_14"])
        assert municipality.share_age_15_24 == int(row["pct_age_15_24"])
        assert municipality.share_households_with_children == int(row["pct_households_with_children"])
        assert municipality.profile_date == datetime.date(2024, 1, 1)
        assert municipality.profile_source.startswith("CBS 85984NED")
        assert municipality.urbanisation_source == municipality.profile_source
        low, high = limits[municipality.urbanisation_class]  # the class agrees with CBS's limits
        assert (low is None or municipality.address_density >= low) and (
            high is None or municipality.address_density < high
        )
        classes[municipality.urbanisation_class] += 1
    assert classes == {1: 23, 2: 72, 3: 77, 4: 121, 5: 49}


@pytest.mark.django_db
def test_jeugdregios_are_the_cbs_regions():
    regions = {row["code"]: row for row in rows("jeugdregios_2025.csv")}
    assert sorted(regions) == [f"JZ{number:02d}" for number in range(1, 44) if number != 40]
    for region in YouthRegion.objects.all():
        assert region.name == regions[region.code]["name"]
        assert region.municipalities.count() == int(regions[region.code]["municipalities"])
    assignment = {row["cbs_code"]: row["jeugdregio_code"] for row in rows("gemeente_jeugdregio_2025.csv")}
    for cbs_code, region_code in Municipality.objects.values_list("cbs_code", "youth_region__code"):
        assert assignment[cbs_code] == region_code, cbs_code
    # Among the twelve the hand-typed table of 2024 placed in another region:
    expected = {
        "Deventer": "IJsselland",
        "Zeewolde": "Noord-Veluwe",
        "Eemnes": "Eemland",
        "Wageningen": "Centraal Gelderland",
        "Maasgouw": "Midden-Limburg Oost",
        "Hoeksche Waard": "Zuid-Holland Zuid",
    }
    for name, region in expected.items():
        assert Municipality.objects.get(name=name).youth_region.name == region


@pytest.mark.django_db
def test_loading_keeps_region_rows_and_moves_interests_of_regions_that_are_gone():
    """A database filled from the old hand-typed tables: regions renamed in place, interests kept."""
    utrecht = YouthRegion.objects.get(code="JZ22")
    utrecht.name, utrecht.slug, utrecht.code = "Stad Utrecht", "stad-utrecht", "X22"  # the old spelling
    utrecht.save()
    gone = YouthRegion.objects.create(code="X98", name="Midden-IJssel", slug="midden-ijssel")
    Municipality.objects.filter(name__in=["Deventer", "Olst-Wijhe"]).update(youth_region=gone)
    reader = Subscriber.objects.create(email="lezer@example.org", consent_at=timezone.now())
    reader.youth_regions.set([utrecht, gone])

    load_geography(Province, YouthRegion, Municipality)

    utrecht.refresh_from_db()
    assert (utrecht.code, utrecht.name) == ("JZ22", "Utrecht Stad")  # same row, so the interest stays
    assert not YouthRegion.objects.filter(code="X98").exists()
    assert Municipality.objects.get(name="Deventer").youth_region.code == "JZ07"
    assert sorted(reader.youth_regions.values_list("code", flat=True)) == ["JZ07", "JZ22"]
    assert YouthRegion.objects.count() == 42


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    before = list(Municipality.objects.values_list("pk", "cbs_code", "youth_region_id", "population").order_by("pk"))
    regions = list(YouthRegion.objects.values_list("pk", "code", "name").order_by("pk"))
    load_geography(Province, YouthRegion, Municipality)
    assert list(Municipality.objects.values_list("pk", "cbs_code", "youth_region_id", "population").order_by("pk")) == (
        before
    )
    assert list(YouthRegion.objects.values_list("pk", "code", "name").order_by("pk")) == regions


@pytest.mark.django_db
def test_newer_figures_load_all_or_nothing(tmp_path):
    newer = tmp_path / "newer.csv"
    newer.write_text(
        "cbs_code,population,population_date,density_per_km2_land\nGM0546,130000,2025-01-01,5900\n"
        "GM0096,1200,2025-01-01,34\n",
        encoding="utf-8",
    )
    call_command("load_municipality_figures", str(newer), source="CBS 85984NED 2025", stdout=open("/dev/null", "w"))  # noqa: SIM115
    leiden = Municipality.objects.get(name="Leiden")
    assert (leiden.population, leiden.density, leiden.population_date) == (130_000, 5900, datetime.date(2025, 1, 1))
    assert leiden.figures_source == "CBS 85984NED 2025"
    assert leiden.dwellings  # a column not in the file stays as it was

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "cbs_code,population\nGM0106,70000\nGM0106,71000\nGM9999,10\nGM0014,-3\nGM0034,١٢\n", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("load_municipality_figures", str(bad), source="x", stderr=open("/dev/null", "w"))  # noqa: SIM115
    assert Municipality.objects.get(name="Assen").population != 70_000


@pytest.mark.django_db
def test_newer_figures_report_line_and_field(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,population,urbanisation_class\nAssen,zeventig,2\nAtlantis,10,1\nVaals,9000,6\n", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="3 error"):
        call_command("load_municipality_figures", str(bad), source="CBS")
    err = capsys.readouterr().err
    assert "line 2, population: 'zeventig' is not a whole number" in err
    assert "line 3, name: unknown municipality 'Atlantis'" in err
    assert "line 4, urbanisation_class: '6' is not a CBS urbanisation class" in err


@pytest.mark.django_db
def test_urbanisation_class_loads_with_its_own_source(tmp_path):
    classes = tmp_path / "stedelijkheid.csv"
    classes.write_text("cbs_code,urbanisation_class\nGM0546,1\nGM0096,5\n", encoding="utf-8")
    with pytest.raises(CommandError, match="--source"):
        call_command("load_municipality_figures", str(classes))
    call_command(
        "load_municipality_figures",
        str(classes),
        source="CBS 86059NED Gebieden in Nederland 2025",
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    leiden = Municipality.objects.get(name="Leiden")
    assert leiden.urbanisation_class == 1
    assert leiden.urbanisation_source == "CBS 86059NED Gebieden in Nederland 2025"
    assert leiden.figures_source == "CBS 85984NED Kerncijfers wijken en buurten 2024"  # untouched


@pytest.mark.django_db
def test_newer_shares_load_with_their_date_and_source_and_are_checked(tmp_path, capsys):
    newer = tmp_path / "profiel.csv"
    newer.write_text(
        "cbs_code,address_density,pct_age_0_14,pct_age_15_24,pct_households_with_children,reference_date\n"
        "GM0546,5200,14,19,27,2025-01-01\n",
        encoding="utf-8",
    )
    call_command("load_municipality_figures", str(newer), source="CBS 85984NED 2025", stdout=open("/dev/null", "w"))  # noqa: SIM115
    leiden = Municipality.objects.get(name="Leiden")
    assert (leiden.address_density, leiden.share_age_0_14, leiden.share_age_15_24) == (5200, 14, 19)
    assert (leiden.profile_date, leiden.profile_source) == (datetime.date(2025, 1, 1), "CBS 85984NED 2025")
    assert leiden.population_date == datetime.date(2024, 1, 1)  # the inhabitants were not in this file
    bad = tmp_path / "bad.csv"
    bad.write_text("cbs_code,pct_age_0_14,reference_date\nGM0546,140,2025-13-01\n", encoding="utf-8")
    with pytest.raises(CommandError, match="2 error"):
        call_command("load_municipality_figures", str(bad), source="CBS")
    err = capsys.readouterr().err
    assert "line 2, pct_age_0_14: '140' is not a whole percentage from 0 to 100" in err
    assert "line 2, reference_date: '2025-13-01' is not a date (YYYY-MM-DD)" in err
    assert Municipality.objects.get(name="Leiden").share_age_0_14 == 14


@pytest.mark.django_db
def test_unreadable_figures_file_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("load_municipality_figures", str(tmp_path / "missing.csv"), source="CBS")
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("gemeente;inwoners\nAssen;1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="cbs_code"):
        call_command("load_municipality_figures", str(wrong), source="CBS")


@pytest.mark.django_db
def test_check_geography_lists_differences(tmp_path):
    export = tmp_path / "cbs.csv"
    lines = ["Gemeentenaam;Provincienaam;Jeugdregionaam"]
    for municipality in Municipality.objects.select_related("province", "youth_region"):
        region = "Twente" if municipality.name == "Deventer" else municipality.youth_region.name
        lines.append(f"{municipality.name};{municipality.province.name};{region}")
    export.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CommandError, match="1 difference"):
        call_command("check_geography", str(export))
