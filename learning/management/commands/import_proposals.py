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
        if errors:
            for message in errors.messages:
                self.stderr.write(message)
            raise CommandError(
                _("%(count)s error(s) in %(file)s; nothing was imported")
                % {"count": len(errors.messages), "file": json_file}
            )
        if dry_run:
            valid = _("%(count)s record(s) are valid; nothing was imported (dry run)")
            self.stdout.write(self.style.SUCCESS(valid % {"count": len(stories[1]) + len(proposals[1])}))
            return
        counted = importing.import_all(stories, proposals, publish=not draft)
        for kind, counts in zip(("stories", "proposals"), counted, strict=True):
            self.stdout.write(
                self.style.SUCCESS(
                    f"{kind}: " + _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged") % counts
                )
            )
