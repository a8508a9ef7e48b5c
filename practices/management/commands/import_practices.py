"""Import practices from JSON (format: docs/practice-import.md), all records or none."""

from core.importing import ImportCommand
from practices import importing


class Command(ImportCommand):
    help = "Import practices from a JSON file. Validates everything first; imports nothing if anything is wrong."
    key = "practices"
    importer = importing
