"""The apps of the house, for the tests that read its code (imports, dependencies)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The foundation the core builds on: reference data with rules of its own, which imports no app.
BELOW_THE_CORE = {"geography"}
APPS = [
    *[
        "geography",
        "core",
        "outbox",
        "practices",
        "events",
        "articles",
        "newsletters",
        "learning",
        "ambitions",
        "opportunities",
        "reports",
    ],
    *["search", "home", "site_", "demo"],
]
