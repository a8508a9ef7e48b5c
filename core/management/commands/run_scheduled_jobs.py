"""The scheduler: every periodic job at its interval, each safe when several hosts run it.

    manage.py run_scheduled_jobs                 keep running every job at its interval
    manage.py run_scheduled_jobs --once          run every job once and stop (cron: every minute)
    manage.py run_scheduled_jobs --job NAME      run one job once (cron: one line per job)

The jobs and their intervals: core/jobs.py and the apps' AppConfig.ready (register_job); docs/deployment.md.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from core.jobs import BY_NAME, JOBS, due_jobs, run_job


class Command(BaseCommand):
    help = "Run the periodic jobs (publish_scheduled, retries, erasure, clean-ups), each under a lock."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run every job once, then stop")
        parser.add_argument("--job", choices=sorted(BY_NAME), help="run this one job once, then stop")
        parser.add_argument("--tick", type=float, default=5, help="seconds between looking for due jobs")

    def handle(self, *args, once=False, job=None, tick=5, verbosity=1, **options):
        self.verbosity = verbosity
        if job:
            self.report(BY_NAME[job])
            return
        if once:
            failed = [each.name for each in JOBS if self.report(each).startswith("failed")]
            if failed:
                raise CommandError(f"Failed: {', '.join(failed)} (see the log).")
            return
        self.stdout.write(f"Scheduler started: {', '.join(f'{j.name} every {j.every} s' for j in JOBS)}.")
        last_runs = {}
        while True:
            for due in due_jobs(last_runs):
                self.report(due)
                last_runs[due.name] = time.monotonic()
            time.sleep(tick)

    def report(self, job):
        outcome = run_job(job)
        if self.verbosity:
            self.stdout.write(f"{job.name}: {outcome}")
        return outcome
