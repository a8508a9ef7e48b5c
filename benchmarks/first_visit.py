"""The first reader of the news and of an article on a fresh demo: do they wait for renditions?

    .venv/bin/python benchmarks/first_visit.py

Builds the demo twice in a database and media folder of its own: once as before (renditions made
by the first page that shows an image: WIEL_PREPARE_RENDITIONS=0) and once as now (made when the
image is imported), and prints the time of the first GET of /nieuws/, of the newest article and
of the home page, side by side. Each run is a separate process, so nothing is shared between them.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/nieuws/", "ARTICLE", "/"]


def child(prepare):
    sys.path.insert(0, str(ROOT))
    from benchmarks.database import build_site
    from benchmarks.database import prepare as set_up

    set_up(f"first-visit-{prepare}.sqlite3")
    from django.test import Client, override_settings

    media = ROOT / "var" / f"first-visit-media-{prepare}"  # of its own: the tests' media stay untouched
    shutil.rmtree(media, ignore_errors=True)
    with override_settings(MEDIA_ROOT=media):
        measure(prepare, Client, build_site)


def measure(prepare, Client, build_site):
    started = time.perf_counter()
    build_site()
    built = time.perf_counter() - started
    from articles.models import ArticlePage

    article = ArticlePage.objects.live().filter(locale__language_code="nl", listing_image__isnull=False)
    article = article.order_by("-date").first()
    client = Client()
    figures = []
    for url in PAGES:
        url = article.url if url == "ARTICLE" else url
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST="localhost")
        figures.append((url, response.status_code, (time.perf_counter() - start) * 1000))
    label = "renditions made on import" if prepare == "1" else "renditions made by the first reader"
    print(f"{label} (demo built in {built:.0f} s)")
    for url, status, ms in figures:
        print(f"  first GET {url:<60} {status}  {ms:8.0f} ms")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in {"0", "1"}:
        os.environ["WIEL_PREPARE_RENDITIONS"] = sys.argv[1]
        child(sys.argv[1])
    else:
        for prepare in ("0", "1"):
            subprocess.run([sys.executable, __file__, prepare], check=True, cwd=ROOT)  # noqa: S603 (this script itself)
