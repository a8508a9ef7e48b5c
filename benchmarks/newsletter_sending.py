"""Newsletter sending at scale: one issue to 10,000 subscribers through a local SMTP server.

    .venv/bin/python benchmarks/newsletter_sending.py               # SQLite file in var/
    createdb -h 127.0.0.1 -U wiel wiel_benchmark   # password wiel (make services)
    DATABASE_URL=postgres://wiel:wiel@127.0.0.1:5432/wiel_benchmark .venv/bin/python benchmarks/newsletter_sending.py

The SMTP server (aiosmtpd) runs in a process of its own and counts what it accepts. The
sending is the worker's own code path (``send_mailing``), with every delivery recorded before
and after it is handed over. Prints messages per second, and the Python memory the sending
allocates at its peak (tracemalloc) for lists of growing size, which should stay flat.
Aim (issue 5): at least 300 messages a second per worker. Figures are printed, never asserted.
The database is created from scratch on every run (for PostgreSQL: its public schema is dropped).
"""

import multiprocessing
import os
import resource
import socket
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_.settings.test")
SQLITE_FILE = ROOT / "var" / "benchmark-newsletters.sqlite3"
if "DATABASE_URL" not in os.environ:
    SQLITE_FILE.parent.mkdir(exist_ok=True)
    SQLITE_FILE.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_FILE}"

SUBSCRIBERS = int(os.environ.get("BENCHMARK_SUBSCRIBERS", "10000"))
MEMORY_SIZES = sorted({1000, SUBSCRIBERS // 4, SUBSCRIBERS})


def smtp_server(port, accepted, ready, stop):
    """A separate process: an SMTP server that accepts and counts every message."""
    import logging

    from aiosmtpd.controller import Controller

    logging.getLogger("mail.log").setLevel(logging.WARNING)

    class Counter:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
            with accepted.get_lock():
                accepted.value += len(envelope.rcpt_tos)
            return "250 OK"

    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()


def build_site():
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115


def readers(newsletter, count, prefix):
    """``count`` confirmed subscribers of ``newsletter``."""
    from django.utils import timezone

    from newsletters.models import Subscriber, Subscription

    people = Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"{prefix}{n:05d}@example.org", name=f"Lezer {n}", consent_text="Ja", consent_at=timezone.now()
            )
            for n in range(count)
        ),
        batch_size=1000,
    )
    Subscription.objects.bulk_create(
        (Subscription(subscriber=person, newsletter=newsletter, status="actief") for person in people), batch_size=1000
    )


def mailing_for(size, label):
    """A copy of a demo issue on a list of its own with ``size`` readers, ready to send."""
    from django.utils import timezone

    from newsletters.models import Mailing, NewsletterList, NewsletterPage

    demo = NewsletterPage.objects.filter(slug="nieuwsbrief-samen-najaar").first()
    newsletter = NewsletterList.objects.create(
        name=f"Benchmark {label}", slug=f"benchmark-{label}", werkplaats_id=demo.newsletter.werkplaats_id
    )
    readers(newsletter, size, f"{label}-")
    issue = NewsletterPage(
        title=f"Benchmark {label}",
        slug=f"benchmark-{label}",
        newsletter=newsletter,
        intro=demo.intro,
        body=demo.body,
        live=False,
    )
    demo.get_parent().add_child(instance=issue)
    return Mailing.objects.create(
        page=issue, newsletter=newsletter, revision=issue.save_revision(), send_after=timezone.now()
    )


def main():
    import django

    django.setup()
    from django.conf import settings

    from newsletters.models import Delivery
    from newsletters.sending import send_mailing

    print("Building the demo site ...", flush=True)
    build_site()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    accepted, ready, stop = multiprocessing.Value("i", 0), multiprocessing.Event(), multiprocessing.Event()
    server = multiprocessing.Process(target=smtp_server, args=(port, accepted, ready, stop), daemon=True)
    server.start()
    ready.wait(10)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.NEWSLETTER_SEND_RATE = 0
    print(
        f"Database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; batch size "
        f"{settings.NEWSLETTER_BATCH_SIZE}; SMTP server in its own process on port {port}"
    )

    mailing = mailing_for(SUBSCRIBERS, "speed")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    outcome = send_mailing(mailing.pk)
    seconds = time.perf_counter() - started
    sent = Delivery.objects.filter(mailing=mailing, status="verzonden").count()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\nSent {sent:,} of {SUBSCRIBERS:,} ({outcome}); the server accepted {accepted.value:,}")
    print(f"  {seconds:.1f} s, {sent / seconds:,.0f} messages per second (one worker; aim: at least 300)")
    print(f"  peak resident memory of the process: {rss_before / 1024:.0f} MB before, {rss_after / 1024:.0f} MB after")

    print("\nPython memory allocated while sending (tracemalloc peak), by list size:")
    for size in MEMORY_SIZES:
        mailing = mailing_for(size, f"memory-{size}")
        tracemalloc.start()
        send_mailing(mailing.pk)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  {size:>6,} subscribers: {peak / 1024 / 1024:5.1f} MB")
    stop.set()
    server.join(10)


if __name__ == "__main__":
    main()
