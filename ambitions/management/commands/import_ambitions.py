from ambitions import importing
from core.importing import ImportCommand, read_import_file


class Command(ImportCommand):
    help = "Import ambitions with their indicators and measurements from a JSON file (docs/ambitions.md)."
    key = "ambitions"

    def run(self, json_file, dry_run=False, draft=False, **options):
        importer, cleaned, errors = importing.validate(read_import_file(json_file, self.key))
        self.refuse(errors, json_file)
        if dry_run:
            self.valid(len(cleaned))
            return
        self.imported(importing.import_all(importer, cleaned, publish=not draft))
