"""/healthz/ for load balancers: 200 when the database and cache answer, 503 when either fails;
Elasticsearch is reported, never fatal."""

from unittest import mock

import pytest
from django.db.utils import OperationalError


@pytest.mark.django_db
def test_a_healthy_process_answers_200(client, settings):
    settings.ELASTICSEARCH_URL = None
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["cache"]["status"] == "ok" and body["checks"]["search"]["status"].startswith("not configured")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_broken_database_answers_503(client):
    with mock.patch("core.http.health.connection.cursor", side_effect=OperationalError("server closed the connection")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"status": "error", "error": "OperationalError"}


@pytest.mark.django_db
def test_elasticsearch_down_is_reported_but_not_fatal(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch8", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1},
        "fallback": settings.WAGTAILSEARCH_BACKENDS["default"],
    }
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json()["checks"]["search"]["status"] == "error"
    assert client.post("/healthz/").status_code == 405


@pytest.mark.slow
def test_a_database_that_does_not_answer_gives_503():
    """Production settings against a PostgreSQL port where nothing listens, in a process of its own."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "from django.test import Client; r = Client(HTTP_HOST='wiel.example').get('/healthz/', secure=True); "
        "print(r.status_code, r.json()['checks']['database']['status'], r.json()['checks']['cache']['status'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_.settings.production",
        "SECRET_KEY": "k" + "".join(chr(65 + n % 26) + str(n) for n in range(40)),
        "ALLOWED_HOSTS": "wiel.example",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/nothing",
        "CACHE_URL": "redis://127.0.0.1:6379/1",
        "WIEL_BASE_URL": "https://wiel.example",
    }
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.split() == ["503", "error", "ok"], result.stderr[-2000:]
