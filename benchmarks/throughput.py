"""Pages per second, side by side with a ceiling, in one run: uncached, cached in Django, through Varnish.

    make servers                      # Debian's varnish and wrk
    .venv/bin/python benchmarks/throughput.py [--rounds 2] [--seconds 3]

Starts, each under gunicorn with 2 workers and the production settings on PostgreSQL (database
``wiel_throughput``, created and given the demo content on the first run; DATABASE_URL to use
another) and Redis (CACHE_URL, default redis://127.0.0.1:6379/3):

- the *ceiling*: a bare WSGI app answering 20 KB (benchmarks/ceiling.py), what gunicorn and this
  machine can do at all;
- *uncached*: Wiel with its per-site page cache off (every request runs Django);
- *Django cache*: Wiel with the per-site page cache on (the embedded default's cache);
- *Varnish*: deploy/varnish/wiel.vcl in front of the uncached Wiel.

Then measures with wrk (-t2 -c8, Brotli accepted as a browser does) every page type against every
target, in interleaved rounds so that the machine's drift hits all alike, and prints requests per
second and the median latency, each page's rate also as a ratio of the ceiling's in the same
round (the median over rounds). The load average is printed before and after.
"""

import argparse
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
PORTS = {"ceiling": 8710, "uncached": 8711, "django cache": 8712, "Varnish": 8713}


def environment():
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", "postgres://wiel:wiel@127.0.0.1:5432/wiel_throughput")
    env.setdefault("CACHE_URL", "redis://127.0.0.1:6379/3")
    env.update(
        DJANGO_SETTINGS_MODULE="site_.settings.production",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WIEL_BASE_URL=f"http://127.0.0.1:{PORTS['Varnish']}",
        SECURE_SSL_REDIRECT="0",
        MEDIA_ROOT_SHARED="1",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        LOG_LEVEL="WARNING",
    )
    return env


def prepare(env):
    url = env["DATABASE_URL"]
    if url.startswith("postgres"):
        import psycopg
        from psycopg import sql

        server, name = url.rsplit("/", 1)
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    demo = {**env, "DJANGO_SETTINGS_MODULE": "site_.settings.dev"}  # production has no demo
    for command, environment in (
        (["migrate", "--noinput"], env),
        (["collectstatic", "--noinput"], env),
        (["load_demo_content"], demo),
    ):
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *command, "--verbosity", "0"], cwd=ROOT, env=environment, check=True
        )


def pages(env):
    script = (
        "from practices.models import PracticePage; from articles.models import ArticlePage;"
        "print(PracticePage.objects.live().filter(locale__language_code='nl').order_by('pk').first().url);"
        "print(ArticlePage.objects.live().filter(locale__language_code='nl').order_by('pk').first().url)"
    )
    out = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return {
        "home": "/",
        "overview": "/praktijkvoorbeelden/",
        "practice": out[-2],
        "search": "/zoeken/?q=jeugd",
        "calendar": "/agenda/",
        "article": out[-1],
        "API (20)": "/api/v2/pages/?type=practices.PracticePage&fields=*&limit=20",
    }


def start(env, workdir):
    servers = []
    gunicorn = [GUNICORN, "--workers", "2", "--bind"]
    ceiling = [*gunicorn, f"127.0.0.1:{PORTS['ceiling']}", "benchmarks.ceiling:application"]
    servers.append(subprocess.Popen(ceiling, cwd=ROOT))  # noqa: S603
    for name, page_cache in (("uncached", "0"), ("django cache", "1")):
        servers.append(
            subprocess.Popen(  # noqa: S603
                [*gunicorn, f"127.0.0.1:{PORTS[name]}", "site_.wsgi:application"],
                cwd=ROOT,
                env={**env, "WIEL_PAGE_CACHE": page_cache},
            )
        )
    vcl = (ROOT / "deploy" / "varnish" / "wiel.vcl").read_text()
    config = workdir / "wiel.vcl"
    config.write_text(vcl.replace('.port = "8001";', f'.port = "{PORTS["uncached"]}";'))
    servers.append(
        subprocess.Popen(  # noqa: S603
            [VARNISHD, "-F", "-j", "none", "-n", str(workdir / "work"), "-a", f"127.0.0.1:{PORTS['Varnish']}"]
            + ["-f", str(config), "-s", "malloc,256m"],
            stdout=subprocess.DEVNULL,
        )
    )
    for port in PORTS.values():
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5)  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
    return servers


def wrk(url, seconds):
    out = subprocess.run(  # noqa: S603
        [WRK, "-t2", "-c8", f"-d{seconds}s", "--latency", "-H", "Accept-Encoding: gzip, br", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    median = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    factor = {"us": 0.001, "ms": 1, "s": 1000}[median.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, float(median.group(1)) * factor, int(errors.group(1)) if errors else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=3)
    args = parser.parse_args()
    for tool in (VARNISHD, WRK):
        if not Path(tool).exists():
            sys.exit(f"{tool} is missing: run `make servers`")
    env = environment()
    prepare(env)
    paths = pages(env)
    workdir = ROOT / "var" / "throughput"
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {os.getloadavg()}")
    servers = start(env, workdir)
    try:
        for name in PORTS:  # warm every target: the caches hold each page once
            for path in paths.values():
                urllib.request.urlopen(f"http://127.0.0.1:{PORTS[name]}{path if name != 'ceiling' else '/'}")  # noqa: S310
        results = {}
        for _round in range(args.rounds):
            ceiling = wrk(f"http://127.0.0.1:{PORTS['ceiling']}/", args.seconds)
            results.setdefault(("ceiling", "-"), []).append((*ceiling, 1.0))
            for page, path in paths.items():
                for target in ("uncached", "django cache", "Varnish"):
                    rate, median, errors = wrk(f"http://127.0.0.1:{PORTS[target]}{path}", args.seconds)
                    if errors:
                        print(f"  {target} {page}: {errors} non-2xx answers")
                    results.setdefault((target, page), []).append((rate, median, errors, rate / ceiling[0]))
        print(f"load average after: {os.getloadavg()}\n")
        print(f"{'target':14} {'page':12} {'requests/s':>11} {'p50 ms':>8} {'x ceiling':>10}")
        for (target, page), rows in results.items():
            rate = statistics.median(row[0] for row in rows)
            median = statistics.median(row[1] for row in rows)
            ratio = statistics.median(row[-1] for row in rows)
            print(f"{target:14} {page:12} {rate:11.0f} {median:8.2f} {ratio:10.3f}")
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
