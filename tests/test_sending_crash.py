"""Exactly once, even when the worker is killed: a real worker process, a real SMTP server, kill -9.

The SMTP server kills the worker (SIGKILL) the moment it has taken message 700 of 2,000, before
it answers: the worst case, a message delivered whose delivery the worker never got to record.
A new worker then finishes the mailing. The server's log must show every subscriber exactly once.

PostgreSQL only (DATABASE_URL): the worker processes share the test database. A transactional
test; like the other one, this file sorts after test_browser.py.
"""

import os
import signal
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from django_tasks_db.models import DBTaskResult

from newsletters.models import (
    Delivery,
    Mailing,
)
from tests.newsletter_workers import due_mailing, start_worker

pytestmark = pytest.mark.slow  # subprocesses or servers of their own

SUBSCRIBERS = 2000
KILL_AT = 700
ROOT = Path(__file__).resolve().parent.parent


class KillingServer:
    """Logs each recipient; on message KILL_AT it kills the worker before replying."""

    def __init__(self):
        self.log = []
        self.worker = None
        self.killed = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.log.extend(envelope.rcpt_tos)
        if len(self.log) == KILL_AT and not self.killed.is_set():
            os.kill(self.worker.pid, signal.SIGKILL)
            self.killed.set()
        return "250 OK"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker processes share PostgreSQL (DATABASE_URL)")
def test_a_worker_killed_mid_send_and_restarted_sends_to_everyone_exactly_once(bare_root, tmp_path, free_port):
    mailing = due_mailing(bare_root, "crashtest", SUBSCRIBERS)

    port = free_port
    server = KillingServer()
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    log = (tmp_path / "worker.log").open("ab")
    try:
        server.worker = start_worker(port, log)
        assert server.killed.wait(60), (tmp_path / "worker.log").read_text()[-3000:] + str(
            list(DBTaskResult.objects.values_list("traceback", flat=True))
        )
        assert server.worker.wait(10) == -signal.SIGKILL
        left = Counter(mailing.deliveries.values_list("status", flat=True))
        assert left["bezig"] == 1 and left["verzonden"] == KILL_AT - 1 and left["wacht"] == SUBSCRIBERS - KILL_AT

        server.worker = start_worker(port, log)  # the restart
        deadline = time.monotonic() + 180
        while Mailing.objects.get(pk=mailing.pk).status != "klaar":
            assert time.monotonic() < deadline and server.worker.poll() is None, "the second worker did not finish"
            time.sleep(0.5)
        server.worker.terminate()
        server.worker.wait(10)
    finally:
        if server.worker and server.worker.poll() is None:
            server.worker.kill()
        controller.stop()
        log.close()

    received = Counter(server.log)
    assert len(received) == SUBSCRIBERS and set(received.values()) == {1}  # everyone, exactly once
    final = Counter(mailing.deliveries.values_list("status", flat=True))
    assert final == {"verzonden": SUBSCRIBERS - 1, "onzeker": 1}
    uncertain = Delivery.objects.get(mailing=mailing, status="onzeker").subscriber.email
    assert server.log[KILL_AT - 1] == uncertain  # the message in the worker's hands when it died: it did arrive
