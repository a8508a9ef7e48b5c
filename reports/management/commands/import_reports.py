"""``manage.py import_reports file.json``: annual reports with their editors' parts and reported
figures (docs/reports.md); all or none. Published reports freeze their counted figures."""

from core.importing import ImportCommand
from reports.importing import ReportImporter


class Command(ImportCommand):
    help = __doc__
    key = "reports"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.importer = ReportImporter()
