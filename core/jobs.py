"""Periodic jobs, each run by at most one process at a time on any number of hosts (unless it needs no lock).

``manage.py run_scheduled_jobs`` is the scheduler: one process (or a cron line per job with
``--job``) runs every job below at its interval. Any number of hosts may run it: each run takes
a lock first and skips the job when another process holds it; a job that claims its own rows
(``exclusive=False``: the outbox, the follow-up questions) runs without it, in every process.
On PostgreSQL the lock is an advisory lock held by the job's own transaction
(``pg_try_advisory_xact_lock``, which a pooler in transaction mode keeps correct); elsewhere (the
embedded SQLite profile) a key added to the shared cache, which expires after the job's longest run.
"""

import logging
import time
import uuid
import zlib
from dataclasses import dataclass
from io import StringIO

from django.conf import settings
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection, transaction

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every: int  # seconds between runs
    command: tuple  # manage.py words, or a function that runs the job
    longest: int = 3600  # seconds a run may take before another process may start one (cache lock)
    # False for a job that is safe to run in several processes at once (it claims its own rows):
    # it runs without the lock, so it commits as it goes and a process that dies loses nothing.
    exclusive: bool = True

    def run(self, output):
        if callable(self.command):
            return self.command(output)
        return call_command(*self.command, stdout=output, stderr=output, verbosity=1)


def prune_task_results(output):
    """Finished task rows older than two weeks, in every queue kept in the database."""
    for alias, options in settings.TASKS.items():
        if options["BACKEND"] == "django_tasks_db.DatabaseBackend":
            call_command("prune_db_task_results", "--backend", alias, "--queue-name", "*", stdout=output, verbosity=1)


# The jobs of the core and of Django and Wagtail themselves; each app adds its own in its
# AppConfig.ready with ``register_job``, so the core names no app.
JOBS = [
    # Wagtail's scheduled go-live and expiry of pages.
    Job("publish_scheduled", 60, ("publish_scheduled",)),
    # Expired sessions, old task results.
    Job("clearsessions", 86400, ("clearsessions",)),
    Job("prune_task_results", 86400, prune_task_results),
]
BY_NAME = {job.name: job for job in JOBS}


def register_job(job):
    """Add an app's periodic job (from its AppConfig.ready); registering it again replaces it."""
    if job.name in BY_NAME:
        JOBS[JOBS.index(BY_NAME[job.name])] = job
    else:
        JOBS.append(job)
    BY_NAME[job.name] = job


def lock_key(name):
    """A stable 63-bit number for the job's advisory lock."""
    return zlib.crc32(f"wiel:job:{name}".encode()) + (1 << 40)


def run_exclusively(name, work, longest=3600):
    """``work()`` if no other process runs job ``name`` now; returns (ran, result)."""
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [lock_key(name)])
                if not cursor.fetchone()[0]:
                    return False, None
            return True, work()
    key, token = f"wiel:job:{name}", uuid.uuid4().hex
    if not cache.add(key, token, timeout=longest):
        return False, None
    try:
        return True, work()
    finally:
        if cache.get(key) == token:
            cache.delete(key)


def run_job(job):
    """Run one job under its lock. Returns 'skipped', 'done' or 'failed: …' (and logs it)."""
    output = StringIO()

    try:
        if job.exclusive:
            ran, _result = run_exclusively(job.name, lambda: job.run(output), job.longest)
        else:
            ran, _result = True, job.run(output)
    except CommandError as error:
        logger.warning("Job %s failed: %s", job.name, error)
        return f"failed: {error}"
    except Exception as error:  # one job's bug must not stop the scheduler and every other job with it
        logger.exception("Job %s failed", job.name)
        return f"failed: {type(error).__name__}: {error}"
    if not ran:
        logger.info("Job %s runs elsewhere; skipped", job.name)
        return "skipped"
    if output.getvalue().strip():
        logger.info("Job %s: %s", job.name, output.getvalue().strip()[:500])
    return "done"


def due_jobs(last_runs, now=None):
    now = time.monotonic() if now is None else now
    return [job for job in JOBS if job.name not in last_runs or now - last_runs[job.name] >= job.every]
