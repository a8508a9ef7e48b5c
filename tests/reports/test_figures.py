"""The annual report's figures: counted from the records, frozen on publish, recalculated only
when asked, and given out as CSV, JSON and two years side by side."""

import csv
import io
import re

import pytest
from django.urls import reverse

from events.models import Registration
from reports.factories import AnnualReportPageFactory
from reports.figures import calculate, flat
from tests.reports.conftest import YEAR, held, moment

pytestmark = pytest.mark.django_db

REPORT_QUERIES = 7  # the page and its route, its werkplaats (twice: link and years), reported figures, other years


def values(snapshot):
    return {key: figure["value"] for key, figure in flat(snapshot).items()}


def test_the_year_is_counted_from_the_records(year_of_groningen, site_tree):
    counted = values(calculate(site_tree["groningen"], YEAR))
    assert counted["events_held"] == 2  # not the cancelled one, not last year's
    assert counted["people_registered"] == 42
    assert counted["people_attended"] == 25  # recorded for one event only
    assert counted["issues_sent"] == 2 and counted["readers_reached"] == 100 and counted["readers_per_issue"] == 50
    assert "stories_published" not in counted  # no learning loop this year: left out
    assert counted["leernetwerken"] == 0


def test_erased_registrations_still_count(year_of_groningen, site_tree, settings):
    import os

    from django.core.management import call_command

    settings.EVENT_REGISTRATION_RETENTION_MONTHS = 6
    with open(os.devnull, "w") as quiet:
        call_command("erase_event_registrations", stdout=quiet)
    assert not Registration.objects.filter(event__start__year=YEAR).exists()
    counted = values(calculate(site_tree["groningen"], YEAR))
    assert (counted["people_registered"], counted["people_attended"]) == (42, 25)


def test_every_figure_keeps_what_it_counts_never_a_person(year_of_groningen, site_tree):
    snapshot = calculate(site_tree["groningen"], YEAR)
    figures = flat(snapshot)
    assert [r["title"] for r in figures["events_held"]["records"]] == ["Leren van Ervaringen", "Themamiddag"]
    assert [(r["title"], r["detail"]) for r in figures["readers_reached"]["records"]] == [
        ("Voorjaar", "60"),
        ("Najaar", "40"),
    ]
    assert "example" not in str(snapshot) and "P0" not in str(snapshot)


def test_a_published_report_never_changes_afterwards(client, year_of_groningen, site_tree, editor_client):
    report = AnnualReportPageFactory(parent=year_of_groningen["reports"], year=YEAR, live=False)
    report.save_revision().publish()
    report.refresh_from_db()
    assert values(report.snapshot)["events_held"] == 2
    html = client.get(report.url).content.decode()
    assert re.search(r"<dt>Bijeenkomsten gehouden</dt><dd><a href=\"[^\"]+\">2</a></dd>", html)
    held(year_of_groningen["calendar"], "Nog een", moment(9, 9), confirmed=7)
    report.save_revision().publish()  # a later publish keeps the frozen figures
    report.refresh_from_db()
    assert values(report.snapshot)["events_held"] == 2
    assert re.search(
        r"<dt>Bijeenkomsten gehouden</dt><dd><a href=\"[^\"]+\">2</a></dd>", client.get(report.url).content.decode()
    )

    editor = editor_client(site_tree["groningen"].editor_group, "groningen-redactie", language="en")
    url = reverse("reports_recalculate", args=[report.pk])
    shown = editor.get(url).content.decode()
    assert "Events held" in shown and "<td>2</td><td>3</td>" in shown
    assert editor.post(url).status_code == 302
    report.refresh_from_db()
    assert values(report.snapshot)["events_held"] == 2  # saved as a draft only
    assert values(report.get_latest_revision_as_object().snapshot)["events_held"] == 3
    report.get_latest_revision().publish()
    report.refresh_from_db()
    assert values(report.snapshot)["events_held"] == 3


def test_a_draft_shows_the_figures_as_they_stand(year_of_groningen):
    report = AnnualReportPageFactory(parent=year_of_groningen["reports"], year=YEAR, live=False)
    assert report.snapshot == {} and values(report.figures)["events_held"] == 2


def test_the_figures_as_csv_and_json(client, year_of_groningen):
    report = AnnualReportPageFactory(parent=year_of_groningen["reports"], year=YEAR, live=False)
    report.save_revision().publish()
    answer = client.get(report.url + report.reverse_subpage("csv"))
    lines = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))
    assert answer["Content-Type"].startswith("text/csv")
    assert ["Bijeenkomsten", "people_registered", "Mensen aangemeld", "42", ""] in lines
    data = client.get(report.url + report.reverse_subpage("json")).json()
    assert data["year"] == YEAR and values(data)["readers_reached"] == 100
    assert data["labels"]["readers_reached"] == "Lezers bereikt"


def test_a_figure_links_to_what_it_counts_and_an_unknown_one_is_404(client, year_of_groningen):
    report = AnnualReportPageFactory(parent=year_of_groningen["reports"], year=YEAR, live=False)
    report.save_revision().publish()
    html = client.get(report.url + report.reverse_subpage("figure", args=["events_held"])).content.decode()
    assert "Leren van Ervaringen" in html and "Themamiddag" in html and "Afgelast" not in html
    assert client.get(report.url + "cijfers/bestaat-niet/").status_code == 404


def test_two_years_side_by_side(client, year_of_groningen):
    earlier = AnnualReportPageFactory(parent=year_of_groningen["reports"], year=YEAR - 1, live=False)
    earlier.save_revision().publish()
    report = AnnualReportPageFactory(parent=year_of_groningen["reports"], year=YEAR, live=False)
    report.save_revision().publish()
    html = client.get(report.url + report.reverse_subpage("compare", args=[YEAR - 1])).content.decode()
    row = re.search(r"Bijeenkomsten gehouden.*?</tr>", html, re.S).group(0)
    assert re.findall(r'<td class="numeric">([^<]+)</td>', row) == ["1", "2", "+1"]
    assert client.get(report.url + report.reverse_subpage("compare", args=[1999])).status_code == 404


def test_one_report_per_werkplaats_and_year_and_never_national(year_of_groningen):
    from django.core.exceptions import ValidationError

    AnnualReportPageFactory(parent=year_of_groningen["reports"], year=YEAR)
    with pytest.raises(ValidationError):
        AnnualReportPageFactory(parent=year_of_groningen["reports"], year=YEAR, slug="tweede")
    with pytest.raises(ValidationError):
        AnnualReportPageFactory(parent=year_of_groningen["national"], year=YEAR - 1)
    with pytest.raises(ValidationError):
        AnnualReportPageFactory(parent=year_of_groningen["reports"], year=2099)


def test_the_report_page_runs_a_fixed_number_of_queries(client, year_of_groningen, page_queries):
    report = AnnualReportPageFactory(parent=year_of_groningen["reports"], year=YEAR, live=False)
    report.save_revision().publish()
    assert len(page_queries(client, report.url)) == REPORT_QUERIES


@pytest.mark.slow
def test_the_report_is_an_accessible_pdf_with_its_charts_described(client, year_of_groningen, site_tree):
    """PDF/UA-1 by veraPDF: tagged, a language, a title, and each chart an image with its alternative text."""
    import io
    from datetime import date
    from decimal import Decimal

    from pypdf import PdfReader

    from ambitions.factories import AmbitionIndexPageFactory, indicator, make_ambition
    from ambitions.models import Measurement
    from tests.pdf_checker import pdf_ua_failures

    ambitions = AmbitionIndexPageFactory(parent=site_tree["groningen"])
    ambition = make_ambition(ambitions, title="Minder wachten", indicators=[indicator(1, name="Wachttijd")])
    key = ambition.indicators.get().translation_key
    Measurement.objects.create(indicator_key=key, measured_on=date(YEAR, 6, 1), value=Decimal(80), source="GGD")
    Measurement.objects.create(indicator_key=key, measured_on=date(YEAR + 1, 6, 1), value=Decimal(10), source="GGD")
    report = AnnualReportPageFactory(parent=year_of_groningen["reports"], year=YEAR, live=False)
    report.save_revision().publish()
    html = client.get(report.url).content.decode()
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart__svg"') == 1
    assert "Eind 2024" in html  # the chart marks the year's end, not today
    response = client.get(report.url + report.reverse_subpage("pdf"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(sheet.extract_text() for sheet in reader.pages)
    assert "Bijeenkomsten gehouden" in text and "Wachttijd" in text
    assert reader.metadata.title == report.title and reader.trailer["/Root"]["/Lang"] == "nl"
    assert pdf_ua_failures(response.content) == []
