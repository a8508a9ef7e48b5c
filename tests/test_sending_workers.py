"""Exactly once with several workers: three real worker processes, a real SMTP server, a lease
shorter than a batch, and the lease holder frozen past its lease.

The batch (500 at 100 a second: five seconds) is longer than the lease (three seconds), so the
lease must be renewed inside the batch. Once 500 messages are out, the worker holding the lease
is stopped with SIGSTOP for four seconds (a hung process, a paused virtual machine): another
worker takes the mailing over. When the frozen one wakes up, it may finish the one message it
had in its hands, and then sends nothing more. The server's log must show each of the 2,000
readers exactly once, and the figures must say what happened.

PostgreSQL only (DATABASE_URL): the worker processes share the test database. A transactional
test, so the file sorts after test_browser.py (see test_sending_crash.py).
"""

import signal
import time
from collections import Counter

import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from django.utils import timezone

from newsletters.models import (
    Delivery,
    Mailing,
)
from tests.newsletter_workers import RecordingServer, due_mailing, start_worker, stop_workers

pytestmark = pytest.mark.slow  # subprocesses or servers of their own

READERS = 2000
FREEZE_AT = 500
LEASE = 3


def lease_holder(mailing, workers):
    token = Mailing.objects.get(pk=mailing.pk).lease_token
    return next((worker for worker in workers if f":{worker.pid}:" in token), None), token


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker processes share PostgreSQL (DATABASE_URL)")
def test_three_workers_and_a_frozen_lease_holder_reach_everyone_exactly_once(bare_root, tmp_path, free_port):
    mailing = due_mailing(bare_root, "drie-werkers", READERS)

    port = free_port
    server = RecordingServer()
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    log = (tmp_path / "workers.log").open("ab")
    extra = {"NEWSLETTER_SEND_RATE": "100", "NEWSLETTER_BATCH_SIZE": "500", "NEWSLETTER_LEASE_SECONDS": str(LEASE)}
    workers = []
    try:
        workers = [start_worker(port, log, extra) for _n in range(3)]
        deadline = time.monotonic() + 60
        while len(server.log) < FREEZE_AT:
            assert time.monotonic() < deadline, (tmp_path / "workers.log").read_text()[-3000:]
            time.sleep(0.02)
        frozen, frozen_token = lease_holder(mailing, workers)
        assert frozen is not None, frozen_token
        frozen.send_signal(signal.SIGSTOP)
        time.sleep(LEASE + 1)
        woke_at = timezone.now()
        frozen.send_signal(signal.SIGCONT)

        deadline = time.monotonic() + 120
        while Mailing.objects.get(pk=mailing.pk).status != "klaar":
            assert time.monotonic() < deadline, (tmp_path / "workers.log").read_text()[-3000:]
            time.sleep(0.25)
        time.sleep(1)  # the woken worker would send now, if it still could
    finally:
        stop_workers(workers, controller)
        log.close()

    received = Counter(server.recipients)
    assert len(received) == READERS and set(received.values()) == {1}  # everyone, exactly once
    deliveries = Delivery.objects.filter(mailing=mailing)
    figures = Counter(deliveries.values_list("status", flat=True))
    assert figures["verzonden"] + figures["onzeker"] == READERS and set(figures) <= {"verzonden", "onzeker"}
    assert figures["verzonden"] >= READERS - 1  # at most the message in the frozen worker's hands is unsure
    by_worker = Counter(deliveries.values_list("claimed_by", flat=True))
    assert len(by_worker) >= 2 and frozen_token in by_worker  # the mailing was taken over
    after_waking = deliveries.filter(claimed_by=frozen_token, sent_at__gt=woke_at).count()
    assert after_waking <= 1  # the frozen worker finished the message in its hands, and no other
