"""The demo content, loaded once for every test in this package.

The load runs inside a transaction that is rolled back when the package is done, so the
tests elsewhere never see the demo. Each test runs in a savepoint inside it (pytest-django's
``db``), so what a test changes is undone before the next. The callbacks the load registers
for after its commit (the factsheets' text is read then) run at the end of the load.
"""

import os

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

from tests.conftest import forget_site_tree


@pytest.fixture(scope="package", autouse=True)
def demo_content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            forget_site_tree()  # the demo builds its own site where the other tests' tree stands
            with TestCase.captureOnCommitCallbacks(execute=True), open(os.devnull, "w") as quiet:
                call_command("load_demo_content", stdout=quiet)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def pytest_collection_modifyitems(items):
    """Every test here waits for the demo to load: they are the slow ones that ``make check`` skips."""
    here = __file__.rpartition("/")[0]
    for item in items:
        if str(item.path).startswith(here + "/"):
            item.add_marker(pytest.mark.slow)
