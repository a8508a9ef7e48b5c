"""Practice database at scale: generate 10,000 practices, then time the listing and a practice page.

    .venv/bin/python benchmarks/practices.py                 # SQLite file in var/
    createdb -h 127.0.0.1 -U wiel wiel_benchmark   # password wiel (make services)
    DATABASE_URL=postgres://wiel:wiel@127.0.0.1:5432/wiel_benchmark .venv/bin/python benchmarks/practices.py

Add ``--reuse`` to measure again on the database a previous run left (building 10,000
practices takes several minutes). Prints p50 and p95 latency and the SQL queries per request
for each page. The figures are printed, never asserted: query counts are pinned by
tests/practices/test_listing.py.
The database is created from scratch on every run (for PostgreSQL: its public schema is dropped,
so point DATABASE_URL at a database of its own).
"""

import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.database import build_site, prepare  # noqa: E402

REUSE = prepare("benchmark.sqlite3")

from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from benchmarks.pages import measure as timed  # noqa: E402

PRACTICES = int(os.environ.get("BENCHMARK_PRACTICES", "10000"))
REQUESTS = int(os.environ.get("BENCHMARK_REQUESTS", "40"))
EVIDENCE = ["niet-beoordeeld", "goed-beschreven", "goed-onderbouwd", "effectief-eerste", "effectief-goede"]


def generate(count):
    from core.models import CareSetting, Municipality, TargetGroup, Theme
    from practices.models import Implementation, PartnerType, PracticeIndexPage, PracticePage

    rng = random.Random(2026)  # noqa: S311 (reproducible test data, not security)
    themes, groups = list(Theme.objects.all()), list(TargetGroup.objects.all())
    settings, partners = list(CareSetting.objects.all()), list(PartnerType.objects.all())
    places = list(Municipality.objects.all())
    indexes = list(PracticeIndexPage.objects.filter(locale__language_code="nl", depth__gt=3))
    started = time.perf_counter()
    for number in range(count):
        low = rng.randint(0, 18)
        page = PracticePage(
            title=f"Praktijk {number:05d}",
            slug=f"praktijk-{number:05d}",
            summary="Een gegenereerde praktijk voor de benchmark.",
            aim="Meten hoe snel de lijst blijft.",
            age_min=low,
            age_max=min(27, low + rng.randint(0, 9)),
            evidence_level=rng.choice(EVIDENCE),
            cost_band=rng.randint(1, 5),
            live=True,
        )
        page.themes = rng.sample(themes, 2)
        page.target_groups = rng.sample(groups, 2)
        page.care_settings = rng.sample(settings, 2)
        page.partners_needed = rng.sample(partners, rng.randint(0, 3))
        implementations = []
        for _ in range(rng.randint(0, 3)):
            implementation = Implementation(started=rng.randint(2015, 2025), outcome="voortgezet")
            implementation.municipalities = rng.sample(places, rng.randint(1, 3))
            implementations.append(implementation)
        page.implementations = implementations
        with transaction.atomic():
            rng.choice(indexes).add_child(instance=page)
        if (number + 1) % 1000 == 0:
            print(f"  {number + 1} practices ({time.perf_counter() - started:.0f} s)", flush=True)


def measure(label, url, params=None, cold=False):
    return timed(label, url, params, cold=cold, requests=REQUESTS)


def main():
    setup_test_environment()
    from practices.models import PracticeIndexPage, PracticePage

    if REUSE:
        print(f"Database: {connection.vendor}; reusing the practices of the previous run")
    else:
        print(f"Database: {connection.vendor}; building the demo site and {PRACTICES} practices...")
        build_site()
        generate(PRACTICES)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics, as autovacuum keeps them in production

    national = PracticeIndexPage.objects.get(slug="praktijkvoorbeelden", depth=3, locale__language_code="nl")
    generated = PracticePage.objects.filter(slug__startswith="praktijk-").annotate(runs=Count("implementations"))
    practice = generated.order_by("pk").last()
    unrecorded = generated.filter(runs=0).order_by("pk").last()  # no record: no map, no fit reasons
    mapped = generated.filter(runs__gte=3).order_by("pk").last()  # three implementations on its map
    total = PracticePage.objects.count()
    print(f"{total} practices, {REQUESTS} requests per line\n")
    measure("listing, no filters", national.url)
    measure("listing, theme + evidence filter", national.url, {"thema": "informele-steun", "bewijs": "goed-beschreven"})
    measure("listing, sorted by fit, first asked", national.url, {"gemeente": "leeuwarden"}, cold=True)
    measure("listing, sorted by fit (Leeuwarden)", national.url, {"gemeente": "leeuwarden"})
    measure(
        "listing, fit + partners + budget + theme",
        national.url,
        {"gemeente": "leeuwarden", "partner": ["school", "wijkteam"], "budget": "3", "thema": "informele-steun"},
    )
    measure("CSV export of a filtered listing", national.url + "csv/", {"thema": "informele-steun", "kosten": "1"})
    measure("practice page", practice.url)
    measure("practice page with fit", practice.url, {"gemeente": "leeuwarden", "partner": "school"})
    measure("reference: practice page without a record", unrecorded.url)
    measure("practice page with map (3 implementations)", mapped.url)
    measure("practice page with map and fit", mapped.url, {"gemeente": "Den Haag", "partner": "school"})
    measure("municipalities like mine (Leeuwarden)", "/gemeenten/leeuwarden/")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
