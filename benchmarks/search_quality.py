"""Search quality: does what professionals type find the page they expect, on every backend?

    .venv/bin/python benchmarks/search_quality.py              # SQLite, PostgreSQL when it answers, the engine
    .venv/bin/python benchmarks/search_quality.py --backend sqlite
    ELASTICSEARCH_URL=http://127.0.0.1:9200 SEARCH_ENGINE=elasticsearch8 .venv/bin/python benchmarks/search_quality.py

The queries and the pages they should find are in ``benchmarks/search_queries.json`` (written
before the search was tuned). Each backend gets a demo site of its own, built afresh (``--reuse``
searches the one a previous run left): SQLite in ``var/``, PostgreSQL in the database
``SEARCH_QUALITY_DATABASE_URL`` (default ``postgres://wiel:wiel@127.0.0.1:5432/wiel_search_quality``,
created if missing, its public schema dropped), the search engine beside a SQLite file: the one at
``ELASTICSEARCH_URL`` (its backend in ``SEARCH_ENGINE``), or else an OpenSearch node that
``deploy/search-engine/run`` starts on 127.0.0.1:9250 and leaves running. Every query
goes through the search page's own path (``search.query.run``: synonyms, relaxation, typo
correction). Printed per backend, side by side: MRR (the mean of 1/rank of the first expected
page), top-3 (every expected page among the first three), and the queries that found nothing,
for all queries, per language and per set (the original 93, and the sets added later); then every
query that missed, with what came first. ``-v`` prints every query.

An expectation names the Dutch page by its slug; an English query expects that page's English
version (the page with its ``translation_key`` in the English tree), so a translated page with a
slug of its own still counts.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = Path(__file__).resolve().parent / "search_queries.json"
POSTGRES_URL = os.environ.get("SEARCH_QUALITY_DATABASE_URL", "postgres://wiel:wiel@127.0.0.1:5432/wiel_search_quality")
BACKENDS = ["sqlite", "postgresql", "engine"]
ENGINE_PREFIX = "wiel_quality_"


def child(backend, reuse):
    """Build (or reuse) the demo site on one backend, run every query, print the results as JSON."""
    env = os.environ
    env.setdefault("DJANGO_SETTINGS_MODULE", "site_.settings.test")
    if backend == "postgresql":
        env["DATABASE_URL"] = POSTGRES_URL
        env.pop("ELASTICSEARCH_URL", None)
    else:
        sqlite_file = ROOT / "var" / f"search_quality_{backend}.sqlite3"
        sqlite_file.parent.mkdir(exist_ok=True)
        if not reuse:
            sqlite_file.unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{sqlite_file}"
        if backend == "sqlite":
            env.pop("ELASTICSEARCH_URL", None)
        else:
            env["ELASTICSEARCH_INDEX_PREFIX"] = ENGINE_PREFIX
    sys.path.insert(0, str(ROOT))
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.http import QueryDict
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from search.facets import chosen_values
    from search.query import clean_query, run

    if not reuse:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        call_command("migrate", verbosity=0)
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
        if backend == "engine":
            call_command("update_index", stdout=open(os.devnull, "w"))  # noqa: SIM115
    search_backend = get_search_backend()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    expected = expected_pages(queries, locales["nl"])
    results = []
    for item in queries:
        locale = locales[item["language"]]
        started = time.perf_counter()
        found = run(clean_query(item["q"]), chosen_values(QueryDict()), locale=locale, backend=search_backend)
        elapsed = (time.perf_counter() - started) * 1000
        pages = Page.objects.filter(pk__in=found.ids[:50]).values_list("pk", "translation_key", "slug")
        keys = {pk: (key, slug) for pk, key, slug in pages}
        ranked = [keys[pk] for pk in found.ids[:50] if pk in keys]
        ranked_keys = [key for key, _slug in ranked]
        ranks = [ranked_keys.index(expected[slug]) + 1 for slug in item["expect"] if expected[slug] in ranked_keys]
        results.append(
            {
                **item,
                "first": min(ranks) if ranks else None,
                "top3": len(ranks) == len(item["expect"]) and max(ranks) <= 3,
                "found": len(found.ids),
                "shown": [slug for _key, slug in ranked[:3]],
                "notice": getattr(found, "notice", "") or ("fuzzy" if getattr(found, "fuzzy", False) else ""),
                "ms": elapsed,
            }
        )
    print(json.dumps({"backend": backend, "vendor": connection.vendor, "results": results}))


def expected_pages(queries, dutch):
    """{slug: translation_key} of every expected page: one live Dutch page per slug, or a clear
    stop naming the slugs the demo no longer has (tests/demo/test_demo_search.py checks this too)."""
    from wagtail.models import Page

    slugs = {slug for item in queries for slug in item["expect"]}
    found = {}
    for slug, key in Page.objects.live().filter(locale=dutch, slug__in=slugs).values_list("slug", "translation_key"):
        if slug in found:
            raise SystemExit(f"Two Dutch pages have the slug {slug!r}: an expectation must name one page")
        found[slug] = key
    if missing := sorted(slugs - set(found)):
        raise SystemExit(f"Expected pages missing from the demo: {', '.join(missing)}")
    return found


def engine_url():
    """The engine at ELASTICSEARCH_URL, or an OpenSearch node started here (and left running)."""
    if os.environ.get("ELASTICSEARCH_URL"):
        return os.environ["ELASTICSEARCH_URL"]
    started = subprocess.run(  # noqa: S603 (the project's own script)
        [ROOT / "deploy" / "search-engine" / "run", "start"], capture_output=True, text=True, check=False
    )
    if started.returncode:
        print(f"The engine not measured: {started.stderr.strip()}", file=sys.stderr)
        return None
    os.environ.setdefault("SEARCH_ENGINE", "opensearch2")
    return next(line for line in reversed(started.stdout.splitlines()) if line.startswith("http"))


def postgres_answers():
    try:
        import psycopg

        base, name = POSTGRES_URL.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=3) as connection:
            if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                connection.execute(f'CREATE DATABASE "{name}"')
        return True
    except Exception as error:  # noqa: BLE001 (any failure means: no PostgreSQL here)
        print(f"PostgreSQL not measured: {error}", file=sys.stderr)
        return False


def summary(results):
    first = [1 / r["first"] if r["first"] else 0 for r in results]
    return {
        "queries": len(results),
        "mrr": statistics.mean(first),
        "top3": sum(r["top3"] for r in results),
        "zero": sum(1 for r in results if not r["found"]),
        "p50": statistics.median(r["ms"] for r in results),
    }


GROUPS = {
    "all queries": lambda r: True,
    "Dutch": lambda r: r["language"] == "nl",
    "English": lambda r: r["language"] == "en",
    "the original set": lambda r: "set" not in r,
    "set: words the site lacks": lambda r: r.get("set") == "words the site lacks",
    "set: goal first": lambda r: r.get("set") == "goal first",
}


def report(runs, verbose):
    print(f"{'':<34}" + "".join(f"{run['backend']:>16}" for run in runs))
    for label, belongs in GROUPS.items():
        rows = [summary([r for r in run["results"] if belongs(r)]) for run in runs]
        print(f"{label + ' (' + str(rows[0]['queries']) + ')':<34}")
        print(f"{'  MRR':<34}" + "".join(f"{row['mrr']:>16.3f}" for row in rows))
        print(
            f"{'  every expected page in top 3':<34}"
            + "".join(f"{row['top3']:>9} ({row['top3'] / row['queries']:.0%})" for row in rows)
        )
        print(f"{'  found nothing':<34}" + "".join(f"{row['zero']:>16}" for row in rows))
        print(f"{'  p50 per query (ms)':<34}" + "".join(f"{row['p50']:>16.1f}" for row in rows))
    for run in runs:
        misses = [r for r in run["results"] if verbose or not r["top3"]]
        print(f"\n{run['backend']}: {'every query' if verbose else 'queries not fully in the top 3'} ({len(misses)})")
        for r in misses:
            rank = r["first"] or "-"
            notice = f" [{r['notice']}]" if r["notice"] else ""
            print(f"  {r['language']} {r['q']!r:<48} first expected at {rank}; top: {', '.join(r['shown'])}{notice}")


def main():
    args = sys.argv[1:]
    reuse = "--reuse" in args
    if "--child" in args:
        child(args[args.index("--child") + 1], reuse)
        return
    chosen = [args[args.index("--backend") + 1]] if "--backend" in args else BACKENDS
    runs = []
    for backend in chosen:
        if backend == "postgresql" and not postgres_answers():
            continue
        if backend == "engine":
            url = engine_url()
            if not url:
                continue
            os.environ["ELASTICSEARCH_URL"] = url
        print(f"{backend}: {'searching' if reuse else 'building the demo site and searching'}...", file=sys.stderr)
        command = [sys.executable, __file__, "--child", backend] + (["--reuse"] if reuse else [])
        output = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)  # noqa: S603
        if output.returncode:
            raise SystemExit(f"{backend} failed:\n{output.stderr}")
        runs.append(json.loads(output.stdout.strip().splitlines()[-1]))
    report(runs, "-v" in args)


if __name__ == "__main__":
    main()
