"""The proposal overview at scale: 5,000 improvement proposals with two actions each and their
follow-ups in every state, then the overview, a filtered overview and a proposal page timed
uncached, beside the story overview and the practice overview of the same site as references.

    .venv/bin/python benchmarks/learning.py                 # SQLite file in var/
    DATABASE_URL=postgres://wiel:wiel@127.0.0.1:5432/wiel_benchmark .venv/bin/python benchmarks/learning.py

Add ``--reuse`` to measure again on the database a previous run left. Target (issue 29): the
overview's p50 at most 50 ms uncached. The figures are printed, never asserted: the query counts
are pinned by tests/learning/test_proposals.py.
"""

import datetime
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.database import build_site, prepare  # noqa: E402

REUSE = prepare("benchmark-learning.sqlite3")

from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.pages import measure  # noqa: E402

PROPOSALS = int(os.environ.get("BENCHMARK_PROPOSALS", "5000"))
REQUESTS = int(os.environ.get("BENCHMARK_REQUESTS", "40"))
STATUSES = ["aangekondigd", "gestart", "klaar", "gestopt", "geen-antwoord"]


def generate(count):
    from core.models import Municipality, Theme
    from learning.models import Action, ActionUpdate, FollowUp, ProposalIndexPage, ProposalPage

    rng = random.Random(2026)  # noqa: S311 (reproducible test data, not security)
    themes, places = list(Theme.objects.all()), list(Municipality.objects.all())
    indexes = list(ProposalIndexPage.objects.filter(locale__language_code="nl", depth__gt=3))
    started = time.perf_counter()
    for number in range(count):
        made_on = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 2500))
        page = ProposalPage(
            title=f"Voorstel {number:05d}",
            slug=f"voorstel-{number:05d}",
            summary="Een gegenereerd verbetervoorstel voor de benchmark.",
            problem="Gezinnen vertellen hun verhaal steeds opnieuw.",
            proposal="Eén vast aanspreekpunt per gezin.",
            made_on=made_on,
            live=True,
        )
        page.themes = rng.sample(themes, 2)
        page.municipalities = rng.sample(places, rng.randint(1, 2))
        page.actions = [
            Action(what=f"Actie {n}", owner_role="wethouder jeugd", owner_email=f"e{number}-{n}@example.org")
            for n in range(2)
        ]
        with transaction.atomic():
            rng.choice(indexes).add_child(instance=page)
            for action in page.actions.all():
                status = rng.choice(STATUSES)
                due = made_on + datetime.timedelta(days=61)
                answered = status in ("gestart", "klaar", "gestopt")
                follow_up = FollowUp.objects.create(
                    action_key=action.translation_key or uuid.uuid4(),
                    proposal=page,
                    owner_role=action.owner_role,
                    owner_email=action.owner_email,
                    page_email=action.owner_email,
                    due_on=due,
                    status=status,
                    asked_at=timezone.now(),
                    answered_at=timezone.now() if answered else None,
                    answered_in_time=answered and rng.random() < 0.7,
                )
                if answered:
                    ActionUpdate.objects.create(
                        follow_up=follow_up,
                        status=status,
                        text="Een gegenereerd antwoord.",
                        why_stopped="Geen budget." if status == "gestopt" else "",
                        happened_on=due,
                        accepted_at=timezone.now(),
                    )
        if (number + 1) % 1000 == 0:
            print(f"  {number + 1} proposals ({time.perf_counter() - started:.0f} s)", flush=True)


def main():
    setup_test_environment()
    from learning.models import ProposalIndexPage, ProposalPage, StoryIndexPage
    from practices.models import PracticeIndexPage

    if REUSE:
        print(f"Database: {connection.vendor}; reusing the proposals of the previous run")
    else:
        print(f"Database: {connection.vendor}; building the demo site and {PROPOSALS} proposals...")
        build_site()
        generate(PROPOSALS)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    national = ProposalIndexPage.objects.get(depth=3, locale__language_code="nl")
    print(f"{ProposalPage.objects.count()} proposals, {REQUESTS} requests per line, uncached (as after a publish)\n")
    # Uncached: the test settings keep no page cache, so each request builds the page (the site's
    # furniture, such as the menu, is kept as on a live site); the last lines as after a publish.
    overview = measure("proposal overview", national.url, requests=REQUESTS)
    measure("proposal overview, status + year", national.url, {"status": "klaar", "jaar": "2021"}, requests=REQUESTS)
    measure("proposal overview, page 20", national.url, {"pagina": "20"}, requests=REQUESTS)
    proposal = ProposalPage.objects.filter(slug__startswith="voorstel-").order_by("pk").last()
    measure("proposal page", proposal.url, requests=REQUESTS)
    stories = StoryIndexPage.objects.get(depth=3, locale__language_code="nl")
    measure("reference: story overview (4 stories)", stories.url, requests=REQUESTS)
    practices = PracticeIndexPage.objects.get(depth=3, locale__language_code="nl")
    measure("reference: practice overview (18 practices)", practices.url, requests=REQUESTS)
    measure("proposal overview, first reader after a publish", national.url, cold=True, requests=REQUESTS)
    measure("reference: story overview, after a publish", stories.url, cold=True, requests=REQUESTS)
    target = 50
    p50 = statistics.median(overview)
    print(f"\nproposal overview p50 {p50:.1f} ms: {'within' if p50 <= target else 'ABOVE'} the {target} ms target")


if __name__ == "__main__":
    main()
