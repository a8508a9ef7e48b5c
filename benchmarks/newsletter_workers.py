"""Several newsletter workers on one mailing: does every reader get the issue exactly once?

    DATABASE_URL=postgres://wiel:wiel@127.0.0.1:5432/wiel_workers .venv/bin/python benchmarks/newsletter_workers.py
    ... --workers 3 --readers 2000 --lease 3 --rate 100 --batch 500 --email-timeout 1 --freeze 4

Builds a fresh PostgreSQL database (DATABASE_URL; ``--reuse`` keeps it), one list with
``--readers`` confirmed readers and one due mailing, starts a real SMTP server in this process
(aiosmtpd) and ``--workers`` worker processes (``manage.py send_newsletters --worker``) with the
given lease, send rate and batch size. With ``--freeze S`` the worker holding the lease is
stopped (SIGSTOP) for S seconds once a quarter of the messages are out, as a hung call, a paused
virtual machine or a host whose clock runs behind would. Prints the messages the server
received, the readers reached twice, and the figures the admin shows, side by side.

``--kill`` kills the lease holder (SIGKILL) once half the messages are out, and ``--flaky P``
answers a share P of recipients "not now" (421, closing the connection, or 451), as a busy server
does. The run of issue 27: ``--workers 3 --readers 1600 --lease 3 --rate 100 --batch 200
--email-timeout 1 --freeze 4 --kill --flaky 0.02``.

The defaults are the scenario of issue 15: two workers, a four-second lease, 25 messages a
second in batches of 200 (eight seconds a batch), 600 readers.
"""

import argparse
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--readers", type=int, default=600)
    parser.add_argument("--lease", type=float, default=4)
    parser.add_argument("--rate", type=float, default=25)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--email-timeout", type=float, default=2)
    parser.add_argument("--freeze", type=float, default=0, help="seconds to stop the lease holder for")
    parser.add_argument("--kill", action="store_true", help="kill -9 the lease holder once half went out")
    parser.add_argument("--flaky", type=float, default=0, help="share of recipients answered 421 or 451")
    parser.add_argument("--retry-base", type=float, default=2, help="NEWSLETTER_RETRY_BASE_SECONDS")
    parser.add_argument("--reuse", action="store_true", help="keep the database a previous run built")
    parser.add_argument("--timeout", type=float, default=300)
    return parser.parse_args()


def fresh_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True)  # noqa: S603


def worker_settings(options):
    return {
        "NEWSLETTER_LEASE_SECONDS": f"{options.lease:g}",
        "NEWSLETTER_SEND_RATE": f"{options.rate:g}",
        "NEWSLETTER_BATCH_SIZE": str(options.batch),
        "EMAIL_TIMEOUT": f"{options.email_timeout:g}",
        "NEWSLETTER_RETRY_BASE_SECONDS": f"{options.retry_base:g}",
    }


def lease_holder(mailing, workers):
    """The worker process whose pid is in the mailing's lease token ("host:pid:random"), if any."""
    from newsletters.models import Mailing

    token = Mailing.objects.get(pk=mailing.pk).lease_token
    pids = {worker.pid: worker for worker in workers}
    for part in token.split(":"):
        if part.isdigit() and int(part) in pids:
            return pids[int(part)]
    return None


def freeze_holder(mailing, workers, server, options, readers):
    while len(server.log) < readers // 4:
        time.sleep(0.05)
    holder = lease_holder(mailing, workers)
    if holder is None:
        return None
    holder.send_signal(signal.SIGSTOP)
    time.sleep(options.freeze)
    holder.send_signal(signal.SIGCONT)
    return holder


def kill_holder(mailing, workers, server, readers):
    while len(server.log) < readers // 2:
        time.sleep(0.05)
    holder = lease_holder(mailing, workers)
    if holder is not None:
        holder.send_signal(signal.SIGKILL)
    return holder


def main():
    options = arguments()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_.settings.dev")
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database this script may rebuild (workers share it).")
    if not options.reuse:
        fresh_database(url)
    import django

    django.setup()
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    from aiosmtpd.controller import Controller
    from wagtail.models import Page

    from newsletters.models import Delivery, Mailing
    from tests.conftest import unused_port
    from tests.newsletter_workers import FlakyServer, RecordingServer, due_mailing, start_worker, stop_workers

    mailing = due_mailing(Page.get_first_root_node(), f"workers-{int(time.time())}", options.readers)
    port = unused_port()
    server = FlakyServer(options.flaky) if options.flaky else RecordingServer()
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    log_path = ROOT / "var" / "newsletter_workers.log"
    log_path.parent.mkdir(exist_ok=True)
    started = time.monotonic()
    workers, frozen = [], {}
    with log_path.open("wb") as log:
        try:
            workers = [start_worker(port, log, worker_settings(options)) for _n in range(options.workers)]
            if options.freeze:
                thread = threading.Thread(
                    target=lambda: frozen.update(
                        holder=freeze_holder(mailing, workers, server, options, options.readers)
                    ),
                    daemon=True,
                )
                thread.start()
            if options.kill:
                threading.Thread(
                    target=lambda: frozen.update(killed=kill_holder(mailing, workers, server, options.readers)),
                    daemon=True,
                ).start()
            while Mailing.objects.get(pk=mailing.pk).status != "klaar":
                if time.monotonic() - started > options.timeout or all(w.poll() is not None for w in workers):
                    print("The mailing did not finish; see", log_path)
                    break
                time.sleep(0.25)
            elapsed = time.monotonic() - started
            time.sleep(1)  # a frozen worker that woke up would send now, if it could
        finally:
            stop_workers(workers, controller)

    received = Counter(server.recipients)
    figures = Counter(Delivery.objects.filter(mailing=mailing).values_list("status", flat=True))
    print(
        f"{options.workers} workers, {options.readers} readers, lease {options.lease:g} s, "
        f"{options.rate:g} messages/s, batches of {options.batch}, EMAIL_TIMEOUT {options.email_timeout:g} s"
        + (f", lease holder frozen for {options.freeze:g} s" if options.freeze else "")
        + (", lease holder killed (SIGKILL) at half" if options.kill else "")
        + (f", {options.flaky:.0%} of recipients refused for now (421/451)" if options.flaky else "")
    )
    if options.flaky:
        print(f"  refusals the server answered:      {dict(server.refused)}")
    reached = Counter(received.values())
    print(
        f"  readers reached 0 / 1 / 2+ times:   {options.readers - len(received)} / {reached[1]} / "
        f"{sum(count for times, count in reached.items() if times > 1)}"
    )
    print(f"  messages the SMTP server received: {len(server.log)} in {elapsed:.1f} s")
    print(f"  readers reached:                   {len(received)} of {options.readers}")
    print(f"  readers reached twice or more:     {sum(1 for count in received.values() if count > 1)}")
    print(f"  figures in the admin:              {dict(figures)}")
    print(f"  connections that sent messages:    {len({peer for peer, _recipient in server.log})}")


if __name__ == "__main__":
    main()
