"""The follow-up asks each owner exactly once, however many schedulers run: three real processes
run the follow-up job and the outbox against 1,000 due actions and a real SMTP server, and the one
holding messages is frozen past its claim mid-run.

Each process loops over the two jobs as the scheduler runs them (``core.jobs.run_job``; both
take no lock, so all three do the work at once). Once 300 questions have arrived, the process
that holds claimed messages is stopped with SIGSTOP for longer than its claim
(``OUTBOX_CLAIM_SECONDS``): the others take its messages over. When it wakes it may hand over the
one message in its hands, and nothing else. The server's log must show every owner exactly once.

PostgreSQL only (DATABASE_URL): the processes share the test database. A transactional test, so
the file sorts after test_browser.py.
"""

import signal
import time
import uuid
from collections import Counter

import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from django.utils import timezone

from learning.models import FollowUp
from outbox.models import OutgoingMail
from tests.newsletter_workers import RecordingServer, start_process, stop_workers

pytestmark = pytest.mark.slow  # subprocesses and a server of their own

OWNERS = 1000
FREEZE_AT = 300
CLAIM = 3
LOOP = (
    "import time\n"
    "from core.jobs import BY_NAME, run_job\n"
    "while True:\n"
    "    run_job(BY_NAME['follow_up_actions'])\n"
    "    run_job(BY_NAME['send_outgoing_mail'])\n"
    "    time.sleep(0.05)\n"
)


class SlowServer(RecordingServer):
    """Takes a few milliseconds per message, as a real server does, so a batch outlasts a freeze."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        import asyncio

        await asyncio.sleep(0.004)
        return await super().handle_DATA(server, session, envelope)


def due_actions(root, count):
    """A published proposal with ``count`` actions whose follow-up date has passed."""
    from wagtail.models import Locale, Site

    from learning.factories import ProposalIndexPageFactory, ProposalPageFactory, owner
    from learning.models import Action

    index = ProposalIndexPageFactory(parent=root)
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": index})
    proposal = ProposalPageFactory(parent=index, title="Duizend acties", actions=[owner(0)])
    locale = Locale.objects.get(language_code="nl")
    actions = Action.objects.bulk_create(
        Action(page=proposal, locale=locale, translation_key=uuid.uuid4(), sort_order=n, **owner(n))
        for n in range(1, count)
    )
    FollowUp.objects.bulk_create(
        FollowUp(
            action_key=action.translation_key,
            proposal=proposal,
            owner_role=action.owner_role,
            owner_email=action.owner_email,
            page_email=action.owner_email,
            due_on=timezone.localdate(),
        )
        for action in actions
    )
    return proposal


def claim_holder(workers):
    tokens = set(OutgoingMail.objects.filter(status__in=["sending", "handing"]).values_list("claimed_by", flat=True))
    for worker in workers:
        if any(f":{worker.pid}:" in token for token in tokens):
            return worker
    return None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the processes share PostgreSQL (DATABASE_URL)")
def test_three_schedulers_and_a_frozen_one_ask_every_owner_exactly_once(bare_root, tmp_path, free_port):
    due_actions(bare_root, OWNERS)
    assert FollowUp.objects.filter(asked_at__isnull=True).count() == OWNERS

    server = SlowServer()
    controller = Controller(server, hostname="127.0.0.1", port=free_port)
    controller.start()
    log = (tmp_path / "workers.log").open("ab")
    # A cache of their own (shared by the three, as in production): not another database's site paths.
    extra = {"OUTBOX_CLAIM_SECONDS": str(CLAIM), "CACHE_DIR": str(tmp_path / "cache")}
    workers, frozen = [], None
    try:
        workers = [start_process(["manage.py", "shell", "-c", LOOP], free_port, log, extra) for _n in range(3)]
        deadline = time.monotonic() + 120
        while len(server.log) < FREEZE_AT or frozen is None:
            assert time.monotonic() < deadline, (tmp_path / "workers.log").read_text()[-3000:]
            if len(server.log) >= FREEZE_AT:
                frozen = claim_holder(workers)
            time.sleep(0.01)
        frozen.send_signal(signal.SIGSTOP)
        time.sleep(CLAIM + 1)
        frozen.send_signal(signal.SIGCONT)

        deadline = time.monotonic() + 120
        while OutgoingMail.objects.exclude(status="unsure").exists() or len(set(server.recipients)) < OWNERS:
            assert time.monotonic() < deadline, (len(server.log), (tmp_path / "workers.log").read_text()[-3000:])
            time.sleep(0.25)
        time.sleep(1)  # the woken process would send now, if it still could
    finally:
        stop_workers(workers, controller)
        log.close()

    received = Counter(server.recipients)
    assert len(received) == OWNERS and set(received.values()) == {1}  # every owner, exactly once
    assert FollowUp.objects.filter(asked_at__isnull=True).count() == 0
