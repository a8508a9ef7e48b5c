"""The production settings: clean under `check --deploy`, refusing to start half-configured, and
serving when a part fails (gunicorn with the production settings)."""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "x7#kq!2v9Lp$0wZr@e5Tn8Yb^c1Hm4Gd6Js&3Fa*Vu+Qo-Ri=Xe_Wl~Ck%Ny)Bz("


def production_env(**changes):
    """The environment of a complete production deployment, with ``changes`` (None removes a name)."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "site_.settings.production",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "wiel.example",
        "DATABASE_URL": "postgres://wiel:wiel@127.0.0.1:5432/postgres",
        "CACHE_URL": "redis://127.0.0.1:6379/1",
        "MEDIA_ROOT_SHARED": "1",
        "WIEL_BASE_URL": "https://wiel.example",
    }
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def manage(env, *args):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_production_settings_pass_deploy_check():
    result = manage(production_env(), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_the_production_settings_turn_secure_cookies_on():
    names = ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "LANGUAGE_COOKIE_SECURE"]
    code = f"from django.conf import settings; print(*(getattr(settings, name) for name in {names}))"
    result = manage(production_env(), "shell", "--no-imports", "-c", code)
    assert result.stdout.split() == ["True", "True", "True"], result.stdout + result.stderr


@pytest.mark.slow
def test_settings_for_one_host_only_are_named():
    result = manage(
        production_env(DATABASE_URL="sqlite:///:memory:", MEDIA_ROOT_SHARED=None),
        "check",
        "--deploy",
        "--fail-level",
        "ERROR",
    )
    assert "wiel.W002" in result.stderr
    assert "the database is a SQLite file" in result.stderr and "this host's MEDIA_ROOT" in result.stderr


def test_base_settings_refuse_to_start_without_secret_key():
    result = manage(production_env(SECRET_KEY=None), "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"DATABASE_URL": None}, "Production settings need DATABASE_URL in the environment"),
        ({"CACHE_URL": None}, "Production settings need CACHE_URL in the environment"),
        ({"WIEL_BASE_URL": None}, "Production settings need WIEL_BASE_URL in the environment"),
        ({"WIEL_BASE_URL": "https://wiel.example/wiel/"}, "WIEL_BASE_URL must be like https://wiel.example"),
        ({"ALLOWED_HOSTS": None, "CACHE_URL": ""}, "Production settings need CACHE_URL, ALLOWED_HOSTS"),
        ({"SECRET_KEY": "short-and-guessable"}, "SECRET_KEY is too weak for production"),
        ({"SECRET_KEY": "django-insecure-" + "a1b2c3d4e5" * 5}, "SECRET_KEY is too weak for production"),
        ({"SECRET_KEY": "a" * 60}, "SECRET_KEY is too weak for production"),
    ],
)
def test_production_refuses_to_start_half_configured(changes, message):
    result = manage(production_env(**changes), "check")
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(
    "value",
    ["ftp://wiel.example", "https://", "https://wiel.example/wiel/", "wiel.example", "https://a:b@wiel.example"],
)
def test_a_base_url_that_cannot_be_one_is_refused(value):
    from django.core.exceptions import ImproperlyConfigured

    from site_.settings.base import base_url

    with pytest.raises(ImproperlyConfigured, match="WIEL_BASE_URL"):
        base_url(value)
    assert base_url("HTTPS://Wiel.Example/") == "https://wiel.example"


@pytest.fixture(scope="module")
def production_site(tmp_path_factory):
    """A production deployment's database and static files (SQLite, in a folder of its own)."""
    folder = tmp_path_factory.mktemp("production")
    changes = {"DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}", "STATIC_ROOT": str(folder / "static")}
    for command in (("migrate", "--noinput"), ("collectstatic", "--noinput")):
        result = manage(production_env(**changes), *command)
        assert result.returncode == 0, result.stdout + result.stderr
    return changes


@contextlib.contextmanager
def gunicorn(env):
    """``site_.wsgi`` under gunicorn (one worker) with ``env``; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(  # noqa: S603 (our own program and arguments)
        [sys.executable, "-m", "gunicorn", "site_.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if server.poll() is not None:
                pytest.fail(f"gunicorn stopped: {server.stderr.read().decode()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def request(url, https=True):
    """(status, headers, body) of a GET as the site's proxy passes it on."""
    headers = {"Host": "wiel.example", **({"X-Forwarded-Proto": "https"} if https else {})}
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=10) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.slow
def test_with_redis_unreachable_pages_are_served_and_healthz_says_503(production_site, free_port):
    env = production_env(**production_site, CACHE_URL=f"redis://127.0.0.1:{free_port}/1")
    with gunicorn(env) as base:
        for path in ("/", "/zoeken/?q=jeugd", "/robots.txt"):
            status, _headers, _body = request(base + path)
            assert status < 500, path
        status, _headers, body = request(base + "/healthz/")
        health = json.loads(body)
    assert status == 503 and health["checks"]["cache"] == {"status": "error", "error": "CacheUnavailable"}
    assert health["checks"]["database"]["status"] == "ok"


@pytest.mark.slow
def test_plain_http_is_redirected_before_the_page_cache_answers(production_site):
    with gunicorn(production_env(**production_site)) as base:  # Redis of `make services`
        assert request(base + "/robots.txt")[0] == 200
        status, headers, _body = request(base + "/robots.txt")
        assert status == 200 and headers["X-Cache"] == "hit"  # kept, over HTTPS
        status, headers, _body = request(base + "/robots.txt", https=False)
    assert status == 301 and headers["Location"] == "https://wiel.example/robots.txt"


@pytest.mark.slow
def test_production_has_no_demo():
    code = "from django.conf import settings; print('demo' in settings.INSTALLED_APPS)"
    assert manage(production_env(), "shell", "--no-imports", "-c", code).stdout.split() == ["False"]
    assert "Unknown command: 'load_demo_content'" in manage(production_env(), "load_demo_content").stderr
