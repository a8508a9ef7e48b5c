"""Import events from JSON (format: docs/event-import.md), all records or none."""

from core.importing import ImportCommand
from events import importing


class Command(ImportCommand):
    help = "Import events from a JSON file. Validates everything first; imports nothing if anything is wrong."
    key = "events"
    importer = importing
