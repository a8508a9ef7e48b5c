"""The scheduler: every periodic job runs, scheduled pages go live, and a job that another
process runs is skipped (PostgreSQL: an advisory lock; SQLite: a key in the shared cache)."""

import threading
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles.factories import ArticlePageFactory
from core.jobs import BY_NAME, JOBS, due_jobs, lock_key, run_exclusively, run_job


def scheduled_article(site_tree):
    """An article approved to go live a minute ago, which nothing has published yet."""
    page = ArticlePageFactory(parent=site_tree["samen_news"], title="Gepland bericht", live=False)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live and page.latest_revision.approved_go_live_at
    # The hour has passed (moved back rather than waited for): the revision is due.
    revision = page.latest_revision
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    return page


class OtherHost:
    """Another process holding a job's lock, as a second host's scheduler would."""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        if connection.vendor == "postgresql":
            import psycopg

            params = {k: v for k, v in connection.get_connection_params().items() if k != "cursor_factory"}
            self.other = psycopg.connect(**params, autocommit=True)
            self.other.execute("SELECT pg_advisory_lock(%s)", [lock_key(self.name)])
        else:
            cache.add(f"wiel:job:{self.name}", "other-host", timeout=60)
        return self

    def __exit__(self, *exc):
        if connection.vendor == "postgresql":
            # Unlock before closing: a closed connection's locks go only once the server has seen it go.
            self.other.execute("SELECT pg_advisory_unlock(%s)", [lock_key(self.name)])
            self.other.close()
        else:
            cache.delete(f"wiel:job:{self.name}")


@pytest.mark.django_db
def test_every_job_runs_and_scheduled_pages_go_live(site_tree, capsys):
    page = scheduled_article(site_tree)
    call_command("run_scheduled_jobs", "--once")
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{job.name}: done" for job in JOBS]
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_a_job_another_host_runs_is_skipped(site_tree):
    page = scheduled_article(site_tree)
    with OtherHost("publish_scheduled"):
        assert run_job(BY_NAME["publish_scheduled"]) == "skipped"
        page.refresh_from_db()
        assert not page.live
    assert run_job(BY_NAME["publish_scheduled"]) == "done"
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_two_runs_at_the_same_moment_do_the_work_once():
    start, runs, outcomes = threading.Barrier(2), [], []

    def work():
        runs.append(1)
        time.sleep(0.5)  # long enough for the other run to find the job taken

    def attempt():
        try:
            start.wait()
            outcomes.append(run_exclusively("concurrency-test", work)[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(runs) == 1 and sorted(outcomes) == [False, True]


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(name for name, job in BY_NAME.items() if job.exclusive))
def test_every_job_is_skipped_while_another_host_runs_it(name):
    with OtherHost(name):
        assert run_job(BY_NAME[name]) == "skipped"
    assert run_job(BY_NAME[name]) == "done"


@pytest.mark.django_db
def test_a_job_that_claims_its_own_rows_runs_in_every_process_without_the_lock():
    unlocked = sorted(name for name, job in BY_NAME.items() if not job.exclusive)
    assert unlocked == ["follow_up_actions", "send_outgoing_mail"]
    for name in unlocked:
        with OtherHost(name):
            assert run_job(BY_NAME[name]) == "done"


def test_the_worker_runs_every_queue_kept_in_the_database(settings):
    from newsletters.management.commands.send_newsletters import database_queues

    database = {"BACKEND": "django_tasks_db.DatabaseBackend"}
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "newsletters": database,
    }
    assert database_queues() == ["newsletters"]
    settings.TASKS = {"default": database, "newsletters": database}  # TASKS_BACKEND moved Wagtail's tasks there
    assert database_queues() == ["default", "newsletters"]


def test_due_jobs_follow_their_intervals():
    assert due_jobs({}, now=0) == JOBS
    ran = {job.name: 1000 for job in JOBS}
    assert due_jobs(ran, now=1030) == []
    assert [job.name for job in due_jobs(ran, now=1060)] == [
        "publish_scheduled",
        "send_outgoing_mail",
        "send_newsletters",
        "refresh_search_vocabulary",
    ]


def test_the_apps_register_their_jobs_and_the_core_names_none():
    """Each app hands the scheduler its jobs in AppConfig.ready; the core's list has only its own."""
    from pathlib import Path

    assert {"send_newsletters", "erase_unconfirmed_subscribers", "erase_event_registrations"} <= set(BY_NAME)
    assert {"send_outgoing_mail", "prune_outgoing_mail"} <= set(BY_NAME)
    assert "retry_index_updates" in BY_NAME and len(BY_NAME) == len(JOBS)
    source = (Path(__file__).resolve().parents[2] / "core" / "jobs.py").read_text()
    assert not any(name in source for name in ("send_newsletters", "erase_event", "retry_index", "newsletters."))


@pytest.mark.django_db
def test_a_job_that_breaks_is_reported_and_the_scheduler_goes_on():
    from core.jobs import Job

    def broken(output):
        raise ZeroDivisionError("division by zero")

    assert run_job(Job("broken", 60, broken)) == "failed: ZeroDivisionError: division by zero"
    assert run_job(Job("broken-unlocked", 60, broken, exclusive=False)).startswith("failed: ZeroDivisionError")
    assert run_job(BY_NAME["clearsessions"]) == "done"
