"""Capacity under concurrent registrations, on PostgreSQL.

A transactional test: its requests must really commit against each other. pytest runs
transactional tests last, in file order; this file sorts after test_browser.py so the browser
journey still finds the database as the migrations left it. A transactional test empties the
database when it ends, so this one builds the little it needs itself.
"""

import threading

import pytest
from django.db import connection

from core.factories import publish_with
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Registration

pytestmark = pytest.mark.slow  # subprocesses or servers of their own


@pytest.fixture
def bare_site(bare_root):
    from wagtail.models import Site

    index = EventIndexPageFactory(parent=bare_root, title="Drukte", slug="drukte-agenda")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": index}
    )
    return index


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency is proven on PostgreSQL (DATABASE_URL)")
def test_capacity_holds_when_many_register_at_once(bare_site, settings, register):
    """Twenty people, five places, all at the same moment, each request in its own connection."""
    settings.EVENT_REGISTRATION_RATE_LIMIT = 100  # twenty people, but one test client's address
    index = bare_site
    page = publish_with(EventPageFactory(parent=index, title="Drukte", days=3), registration_enabled=True, capacity=5)
    start = threading.Barrier(20)
    results = []

    def attempt(number):
        try:
            start.wait()
            results.append(register(page, f"Persoon {number}", f"persoon{number}@example.org").status_code)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=attempt, args=(number,)) for number in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(200) == 20
    assert Registration.objects.filter(event=page, status="bevestigd").count() == 5
    assert Registration.objects.filter(event=page, status="wachtlijst").count() == 15
