"""Import articles from JSON (format: docs/article-import.md), all records or none."""

from articles import importing
from core.importing import ImportCommand


class Command(ImportCommand):
    help = "Import articles from a JSON file. Validates everything first; imports nothing if anything is wrong."
    key = "articles"
    importer = importing
