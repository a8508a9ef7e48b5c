"""What the page benchmarks share: a database of their own, and the demo site built in it."""

import os
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def prepare(sqlite_name):
    """Point Django at the benchmark's database and set Django up; returns whether ``--reuse`` asks
    to measure again on what a previous run built.

    ``DATABASE_URL`` when set (a database of the benchmark's own: ``build_site`` empties it);
    otherwise the SQLite file ``var/<sqlite_name>``, made anew unless reused.
    """
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_.settings.test")
    reuse = "--reuse" in sys.argv[1:]
    if "DATABASE_URL" not in os.environ:
        path = ROOT / "var" / sqlite_name
        path.parent.mkdir(exist_ok=True)
        if not reuse:
            path.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    return reuse


def build_site():
    """Migrate and load the demo content; on PostgreSQL from an empty schema, whatever ran before."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
