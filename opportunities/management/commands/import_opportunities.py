"""``manage.py import_opportunities file.json``: the werkplaatsen's criteria, opportunities with
their scores and choices, and the projects funded from them (docs/opportunities.md); all or none."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from core.importing import ImportCommand, read_import_file
from opportunities import importing


class Command(ImportCommand):
    help = __doc__

    def run(self, json_file, dry_run=False, draft=False, **options):
        data = read_import_file(json_file, None)
        if not isinstance(data, dict):
            raise CommandError(
                _("%(file)s: expected an object with “opportunities” and “projects”") % {"file": json_file}
            )
        criteria, opportunities, projects, errors = importing.validate(data)
        self.refuse(errors, json_file)
        if dry_run:
            self.valid(len(opportunities[1]) + len(projects[1]))
            return
        counted = importing.import_all(criteria, opportunities, projects, publish=not draft)
        for kind, counts in zip(("opportunities", "projects"), counted, strict=True):
            self.imported(counts, kind)
