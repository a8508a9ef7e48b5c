"""The production settings: clean under `check --deploy`, and refusing to start half-configured."""

import os
import subprocess
import sys
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
