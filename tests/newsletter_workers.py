"""Real worker processes for the tests (and benchmark) that prove exactly-once delivery on
PostgreSQL: a list with many readers and one due mailing, a recording SMTP server, worker processes
(the newsletter worker, or any command of the project)."""

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from django.db import connection
from django.utils import timezone

ROOT = Path(__file__).resolve().parent.parent


def due_mailing(root, slug, readers):
    """A newsletter index below ``root`` (the default site's root), a list with ``readers`` confirmed
    readers, and a mailing of one issue that is due now."""
    from wagtail.models import Site

    from newsletters.models import (
        Mailing,
        NewsletterIndexPage,
        NewsletterList,
        NewsletterPage,
        Subscriber,
        Subscription,
    )

    index = root.add_child(instance=NewsletterIndexPage(title="Nieuwsbrieven", slug=f"nieuwsbrieven-{slug}"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": index}
    )
    newsletter = NewsletterList.objects.create(name=slug.title(), slug=slug)
    issue = index.add_child(instance=NewsletterPage(title="Editie", slug="editie", newsletter=newsletter))
    people = Subscriber.objects.bulk_create(
        Subscriber(email=f"lezer{n:05d}@{slug}.example", consent_text="Ja", consent_at=timezone.now())
        for n in range(readers)
    )
    Subscription.objects.bulk_create(
        Subscription(subscriber=person, newsletter=newsletter, status="actief") for person in people
    )
    return Mailing.objects.create(
        page=issue, newsletter=newsletter, revision=issue.save_revision(), send_after=timezone.now()
    )


class RecordingServer:
    """An SMTP handler (aiosmtpd) that writes down (connection, recipient) for every message it takes."""

    def __init__(self):
        self.log = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.log.extend((session.peer, recipient) for recipient in envelope.rcpt_tos)
        return "250 OK"

    @property
    def recipients(self):
        return [recipient for _peer, recipient in self.log]


def database_url(settings):
    """The URL of the test database as the test run sees it, password included."""
    credentials = quote(settings["USER"], safe="")
    if settings["PASSWORD"]:
        credentials += ":" + quote(settings["PASSWORD"], safe="")
    return f"postgres://{credentials}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def start_worker(port, log, extra=None):
    """``manage.py send_newsletters --worker`` on this database, sending to 127.0.0.1:``port``."""
    command = ["manage.py", "send_newsletters", "--worker", "--interval", "0.5", "--verbosity", "0"]
    return start_process(command, port, log, extra)


def start_process(arguments, port, log, extra=None):
    """``python arguments…`` in the project, on this database, sending e-mail to 127.0.0.1:``port``."""
    settings = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_.settings.dev",
        "DATABASE_URL": database_url(settings),
        "NEWSLETTER_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "NEWSLETTER_LEASE_SECONDS": "3",
        "EMAIL_TIMEOUT": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "LOG_LEVEL": "WARNING",
        **(extra or {}),
    }
    command = [sys.executable, *arguments]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603 (our own command)


class FlakyServer(RecordingServer):
    """A recording server that answers a share of recipients "not now": 421 (and closes, as smtplib
    then does) or 451, as a busy real server does."""

    def __init__(self, share, seed=2026):
        import random

        super().__init__()
        self.share, self.random, self.refused = share, random.Random(seed), Counter()  # noqa: S311 (a test's dice)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.random.random() < self.share:
            code = self.random.choice(("421 4.7.0 Too busy, closing", "451 4.3.0 Try again later"))
            self.refused[code[:3]] += 1
            return code
        envelope.rcpt_tos.append(address)
        return "250 OK"


def stop_workers(workers, controller):
    """Wake any frozen worker, stop them all, then the SMTP server."""
    for worker in workers:
        worker.send_signal(signal.SIGCONT)
        worker.terminate()
    for worker in workers:
        worker.wait(10)
    controller.stop()
