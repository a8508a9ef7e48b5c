"""Pick up due or interrupted newsletter mailings, and (with --worker) run the task worker.

    manage.py send_newsletters            queue every mailing that is due and has no live worker
    manage.py send_newsletters --now      send them here and now, in this process
    manage.py send_newsletters --worker   the background worker: resume, run every database queue, repeat

The worker runs every task queue kept in the database (the mailings, and Wagtail's own tasks when
TASKS_BACKEND is django_tasks_db.DatabaseBackend). `make run` starts it beside the development
server; in production run one or more `--worker` processes under the process manager (see
docs/deployment.md).
"""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from newsletters.sending import resume_due, send_mailing


def database_queues():
    return [
        alias for alias, options in settings.TASKS.items() if options["BACKEND"] == "django_tasks_db.DatabaseBackend"
    ]


class Command(BaseCommand):
    help = "Queue (or send) due and interrupted newsletter mailings; with --worker, keep running tasks."

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--now", action="store_true", help="Send due mailings in this process.")
        mode.add_argument("--worker", action="store_true", help="Run the task worker, resuming mailings as needed.")
        parser.add_argument("--interval", type=float, default=5, help="Seconds between checks in --worker mode.")

    def handle(self, *args, now=False, worker=False, interval=5, verbosity=1, **options):
        if worker:
            self.stdout.write("Newsletter worker started (Ctrl-C stops it).")
            while True:
                self.resume(verbosity)
                # Every queue kept in the database: the mailings, and Wagtail's own tasks (index
                # updates, document text) when TASKS_BACKEND puts them there too.
                for backend in database_queues():
                    # Options as command-line words: db_worker checks its --backend default otherwise.
                    call_command(
                        "db_worker",
                        "--backend",
                        backend,
                        "--queue-name",
                        "*",
                        "--batch",
                        "--no-reload",
                        "--no-startup-delay",
                        verbosity=max(verbosity - 1, 0),
                    )
                time.sleep(interval)
        mailings = self.resume(verbosity, enqueue=not now)
        if now:
            for mailing in mailings:
                self.stdout.write(f"{mailing}: {send_mailing(mailing.pk)}")

    def resume(self, verbosity, enqueue=True):
        mailings = resume_due(enqueue=enqueue)
        if verbosity and mailings:
            self.stdout.write(f"{len(mailings)} mailing(s) due: {', '.join(str(m) for m in mailings)}")
        return mailings
