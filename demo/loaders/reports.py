"""Annual reports: ``demo/data/reports.json`` through ``import_reports``' functions.

Groningen's report of 2020 in its own words (the seed's highlights, findings and challenges,
rewritten), with the figures the seed gives as reported figures, beside what Wiel counts of 2020
(the meeting Leren van Ervaringen, its proposals, the opportunities and projects, the ambitions).
SAMEN's report is of the year its demo newsletters went out in (its ``year`` is left empty in the
file), so it counts the demo's events and newsletters. Both are published, so their figures are
frozen on loading. New reports only: a reload leaves a published report as it is.
"""

from collections import Counter

from django.utils import timezone

from demo.utils import data, locale, sections
from newsletters.models import Mailing
from reports import importing
from reports.models import AnnualReportPage, ReportIndexPage


def busiest_year(werkplaats_slug):
    """The year most of the werkplaats' newsletters went out in (this year when none did)."""
    years = Counter(
        timezone.localtime(started).year
        for started in Mailing.objects.filter(
            newsletter__werkplaats__slug=werkplaats_slug, started_at__isnull=False
        ).values_list("started_at", flat=True)
    )
    return years.most_common(1)[0][0] if years else timezone.localdate().year


def load(stdout):
    sections(ReportIndexPage, "jaarverslagen", in_menu=False)
    dutch = locale("nl")
    records = [
        {**record, "year": record["year"] or busiest_year(record["werkplaats"])}
        for record in data("reports.json")["reports"]
    ]
    new = [
        record for record in records if not AnnualReportPage.objects.filter(slug=record["slug"], locale=dutch).exists()
    ]
    importer = importing.ReportImporter()
    cleaned, errors = importer.validate(new)
    if errors:
        raise ValueError("reports.json: " + "; ".join(errors.messages))
    importer.import_records(cleaned)
    stdout.write(f"  {len(new)} annual reports")
