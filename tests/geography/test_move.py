"""The geography left the core for an app of its own without touching the database: the same
tables and rows, the werkplaatsen's coverage, and the content types moved along. Run on a
database of its own (a file), migrated back to before the move and forward again."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Which app holds the municipalities in the migrations applied, how many rows, whose content
# type, and the test werkplaats' coverage.
REPORT = (
    "from django.contrib.contenttypes.models import ContentType as C; "
    "from django.db.migrations.loader import MigrationLoader; from django.db import connection; "
    "loader = MigrationLoader(connection); "
    "applied = [key for key in loader.applied_migrations if key in loader.graph.nodes]; "
    "state = loader.project_state(applied); "
    "models = state.apps; here = 'geography' if ('geography', 'municipality') in state.models else 'core'; "
    "m = models.get_model(here, 'Municipality'); w = models.get_model('core', 'WerkplaatsPage'); "
    "labels = sorted(C.objects.filter(model='municipality').values_list('app_label', flat=True)); "
    "print(here, m.objects.count(), labels, "
    "sorted(w.objects.get(slug='proef').municipalities.values_list('name', flat=True)))"
)
COVER = (
    "from wagtail.models import Page, Locale; from core.models import WerkplaatsPage; "
    "from geography.models import Municipality; "
    "Locale.objects.get_or_create(language_code='nl'); root = Page.get_first_root_node(); "
    "page = WerkplaatsPage(title='Proef', slug='proef', short_name='Proef', intro='<p>x</p>'); "
    "root.add_child(instance=page); "
    "page.municipalities.set(Municipality.objects.filter(name__in=['Leiden', 'Katwijk'])); page.save()"
)


def manage(database, *args):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_SETTINGS_MODULE": "site_.settings.test"}
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


@pytest.mark.slow
def test_the_move_keeps_every_row_and_the_coverage(tmp_path):
    database = tmp_path / "moved.sqlite3"
    manage(database, "migrate", "--noinput", "-v0")
    manage(database, "shell", "--no-imports", "-c", COVER)
    moved = "geography 342 ['geography'] ['Katwijk', 'Leiden']"
    assert manage(database, "shell", "--no-imports", "-c", REPORT) == moved

    manage(database, "migrate", "geography", "zero", "--noinput", "-v0")  # as before the move
    assert manage(database, "shell", "--no-imports", "-c", REPORT) == "core 342 ['core'] ['Katwijk', 'Leiden']"

    manage(database, "migrate", "--noinput", "-v0")
    assert manage(database, "shell", "--no-imports", "-c", REPORT) == moved
