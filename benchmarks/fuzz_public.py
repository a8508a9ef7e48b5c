"""Hostile requests against the site as it runs in production: gunicorn, production settings.

    .venv/bin/python benchmarks/fuzz_public.py            # 10,000 requests
    FUZZ_REQUESTS=3000 .venv/bin/python benchmarks/fuzz_public.py --reuse

Builds the demo site in ``var/fuzz.sqlite3`` (``--reuse`` keeps the one a previous run left),
collects the static files, starts gunicorn with ``site_.settings.production`` on a free port
(plain HTTP, so ``SECURE_SSL_REDIRECT=0``), crawls the site's own links for every kind of page,
then sends generated requests: the parameters the pages read and others, with values that are
slugs with dots, huge numbers, Unicode digits, control characters, bytes that are not UTF-8,
very long text, and form posts to the public forms. Prints the requests sent, the answers by
status, every 5xx (there must be none) and the slowest answers. The same generator runs, bounded,
as a test (tests/test_hostile_requests.py).
"""

import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.hostile_inputs import HOSTILE_VALUES, QUERY_KEYS  # noqa: E402 (what the hostile-request test sends too)

DATABASE = ROOT / "var" / "fuzz.sqlite3"
STATIC = ROOT / "var" / "fuzz-static"
REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "10000"))
CRAWL = 150
PER_KIND = 12
# Addresses no link leads to, where a hostile value once gave a 500 (the API's find and its
# filters, a media file name longer than the disk takes).
EXTRA_PATHS = [
    "/api/v2/pages/find/",
    "/api/v2/images/find/",
    "/api/v2/documents/find/",
    "/api/v2/pages/",
    "/media/images/" + "a" * 300 + ".jpg",
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment():
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="site_.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{DATABASE}",
        STATIC_ROOT=str(STATIC),
        SECURE_SSL_REDIRECT="0",
        WIEL_BASE_URL="http://127.0.0.1",
        CACHE_URL=os.environ.get("FUZZ_CACHE_URL", "redis://127.0.0.1:6379/15"),
    )
    env.pop("ELASTICSEARCH_URL", None)
    return env


def manage(*args, env):
    command = [sys.executable, "manage.py", *args]
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 (our own)


def build(env):
    DATABASE.parent.mkdir(exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    manage("migrate", "--noinput", env=env)
    manage("load_demo_content", env={**env, "DJANGO_SETTINGS_MODULE": "site_.settings.dev"})  # production has no demo


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer: its target may name the public address (WIEL_BASE_URL), not ours."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, data=None, timeout=30):
    started = time.perf_counter()
    request = urllib.request.Request(url, data=data, headers={"User-Agent": "wiel-fuzz"})  # noqa: S310 (local)
    try:
        with OPENER.open(request, timeout=timeout) as response:  # our own local server
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        return None, str(error), time.perf_counter() - started
    return status, body, time.perf_counter() - started


def kind(path):
    """The part of a path that tells its kind of page: the first two segments."""
    return "/".join(path.split("/")[:3])


def crawl(base):
    """Paths of the site's own pages, following its links from the home page: a bounded breadth-first
    walk that takes at most PER_KIND paths of each kind, so 342 municipality pages do not crowd out the rest."""
    seen, queue = set(), ["/", "/en/", "/zoeken/?q=jeugd", "/gemeenten/", "/api/v2/pages/", "/sitemap.xml"]
    kinds = Counter()
    while queue and len(seen) < CRAWL:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        status, body, _elapsed = fetch(base + path)
        if status != 200 or not isinstance(body, bytes):
            continue
        for link in re.findall(rb'href="([^"#]+)"', body):
            target = urljoin(path, link.decode("utf-8", "replace").replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.netloc or not parts.path.startswith("/") or parts.path.startswith(("/admin", "/static", "/media")):
                continue
            if parts.path not in seen and parts.path not in queue and kinds[kind(parts.path)] < PER_KIND:
                kinds[kind(parts.path)] += 1
                queue.append(parts.path)
    return sorted(seen)


def hostile_request(rng, paths, base):
    path = rng.choice(paths).split("?")[0]
    pairs = [
        (rng.choice(QUERY_KEYS + ["x", "🙂", "a[b]"]), rng.choice(HOSTILE_VALUES)) for _ in range(rng.randint(0, 5))
    ]
    query = "&".join(f"{quote(key, safe='')}={quote(value, safe='')}" for key, value in pairs)
    if rng.random() < 0.2:  # bytes that are not UTF-8
        query += "&y=" + "".join(f"%{rng.randrange(128, 256):02X}" for _ in range(rng.randint(1, 6)))
    data = None
    if rng.random() < 0.1:  # a form post without a CSRF token: refused, never an error
        data = ("email=" + quote(rng.choice(HOSTILE_VALUES)) + "&name=" + quote(rng.choice(HOSTILE_VALUES))).encode()
    return f"{base}{path}?{query}", data


def main():
    env = environment()
    if "--reuse" not in sys.argv[1:] or not DATABASE.exists():
        print("Building the demo site...", file=sys.stderr)
        build(env)
    manage("collectstatic", "--noinput", env=env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "site_.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2", "--timeout", "60"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if fetch(base + "/")[0] is not None:
                break
            time.sleep(0.2)
        paths = crawl(base) + EXTRA_PATHS
        print(f"gunicorn (2 workers, production settings) on {base}; {len(paths)} pages found by crawling")
        rng = random.Random(2026)  # noqa: S311 (reproducible, not security)
        requests = [hostile_request(rng, paths, base) for _ in range(REQUESTS)]
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=4) as pool:
            answers = list(pool.map(lambda item: (item[0], *fetch(*item)), requests))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    statuses = Counter(status for _url, status, _body, _elapsed in answers)
    errors = [(url, status) for url, status, _body, _elapsed in answers if status is None or status >= 500]
    times = sorted(((seconds, url) for url, _status, _body, seconds in answers), reverse=True)
    print(f"{len(answers)} requests in {elapsed:.0f} s; answers by status: {dict(sorted(statuses.items(), key=str))}")
    print(f"5xx or no answer: {len(errors)}")
    for url, status in errors[:20]:
        print(f"  {status} {url[:160]}")
    print(f"median {statistics.median(seconds for seconds, _url in times) * 1000:.0f} ms; slowest:")
    for seconds, url in times[:8]:
        print(f"  {seconds * 1000:7.0f} ms  {url[len(base) :][:140]}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
