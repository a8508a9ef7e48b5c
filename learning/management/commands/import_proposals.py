"""``manage.py import_proposals file.json``: lived-experience stories and improvement proposals,
with their actions and follow-ups so far (docs/learning-import.md); all records or none."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from core.importing import ImportCommand, read_import_file
from learning import importing


class Command(ImportCommand):
    help = __doc__

    def run(self, json_file, dry_run=False, draft=False, **options):
        data = read_import_file(json_file, None)
        if not isinstance(data, dict):
            raise CommandError(_("%(file)s: expected an object with “stories” and “proposals”") % {"file": json_file})
        stories, proposals, errors = importing.validate(data)
        self.refuse(errors, json_file)
        if dry_run:
            self.valid(len(stories[1]) + len(proposals[1]))
            return
        counted = importing.import_all(stories, proposals, publish=not draft)
        for kind, counts in zip(("stories", "proposals"), counted, strict=True):
            self.imported(counts, kind)
