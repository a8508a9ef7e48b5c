"""Settings for more than one host: a connection pool or a transaction-mode pooler for
PostgreSQL, and an Elasticsearch cluster with several nodes, an API key and its own CA."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # each test starts Django in a subprocess
# The pool test takes a real connection: the suite's own PostgreSQL when it runs on one, otherwise
# the server `make services` starts (deploy/services).
POSTGRES_URL = next(
    url
    for url in (
        os.environ.get("DATABASE_URL", ""),
        os.environ.get("TEST_DATABASE_URL", ""),
        "postgres://wiel:wiel@127.0.0.1:5432/test",
    )
    if url.startswith("postgres")
)

READ = """
import json
from django.conf import settings
from django.db import connection
from wagtail.search.backends import get_search_backend

out = {"database": {k: settings.DATABASES["default"].get(k) for k in ("CONN_MAX_AGE", "DISABLE_SERVER_SIDE_CURSORS")}}
out["pool"] = settings.DATABASES["default"].get("OPTIONS", {}).get("pool")
out["media"] = settings.STORAGES["default"]
out["img_src"] = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
out["documents"] = settings.WAGTAILDOCS_SERVE_METHOD
out["serve_media"] = settings.SERVE_MEDIA
if getattr(settings, "ELASTICSEARCH_URL", None):
    client = get_search_backend("default").es
    out["nodes"] = sorted(str(node.base_url) for node in client.transport.node_pool.all())
    out["authorization"] = client._headers.get("authorization")
    out["ca_certs"] = sorted({str(node.config.ca_certs) for node in client.transport.node_pool.all()})
    out["index"] = get_search_backend("default").settings["settings"]["index"]
if settings.DATABASES["default"].get("OPTIONS", {}).get("pool"):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    out["pooled"] = connection.pool is not None
print(json.dumps(out))
"""


def read_settings(**extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_.settings.dev",
        "DATABASE_URL": POSTGRES_URL,
        **extra,
    }
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", READ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_connection_pool_and_a_transaction_pooler_are_settings():
    plain = read_settings()
    assert plain["pool"] is None and not plain["database"]["DISABLE_SERVER_SIDE_CURSORS"]
    pooled = read_settings(DATABASE_POOL="1", DATABASE_POOL_MAX="4", DATABASE_TRANSACTION_POOLER="1")
    assert pooled["pool"]["max_size"] == 4 and pooled["database"]["CONN_MAX_AGE"] == 0
    assert pooled["pooled"] is True  # a real connection from psycopg's pool
    assert pooled["database"]["DISABLE_SERVER_SIDE_CURSORS"] is True


def test_elasticsearch_takes_several_nodes_an_api_key_and_a_ca():
    ca = "/etc/ssl/certs/ca-certificates.crt"  # any PEM bundle: the client loads it at once
    cluster = read_settings(
        ELASTICSEARCH_URL="https://es1.internal:9200,https://es2.internal:9200,https://es3.internal:9200",
        ELASTICSEARCH_API_KEY="c2VjcmV0LWtleQ==",
        ELASTICSEARCH_CA_CERTS=ca,
        ELASTICSEARCH_REPLICAS="1",
        ELASTICSEARCH_SHARDS="3",
    )
    assert cluster["nodes"] == [f"https://es{n}.internal:9200" for n in (1, 2, 3)]
    assert cluster["authorization"] == "ApiKey c2VjcmV0LWtleQ=="
    assert cluster["ca_certs"] == [ca]
    assert cluster["index"]["number_of_replicas"] == 1 and cluster["index"]["number_of_shards"] == 3
    assert cluster["index"]["max_ngram_diff"] == 12  # Wagtail's own index settings are kept
    default = read_settings(ELASTICSEARCH_URL="http://127.0.0.1:9200")
    assert default["index"] == {"max_ngram_diff": 12}  # nothing set: the engine's replicas and shards


def test_media_on_object_storage_are_a_setting():
    local = read_settings()
    assert local["media"]["BACKEND"].endswith("FileSystemStorage") and local["serve_media"]
    assert local["documents"] == "serve_view"
    s3 = read_settings(
        AWS_STORAGE_BUCKET_NAME="wiel-media",
        AWS_S3_ENDPOINT_URL="https://s3.nl-ams.scw.cloud",
        AWS_S3_CUSTOM_DOMAIN="media.wiel.example",
    )
    options = s3["media"]["OPTIONS"]
    assert s3["media"]["BACKEND"] == "storages.backends.s3.S3Storage" and not s3["serve_media"]
    assert options["bucket_name"] == "wiel-media" and options["file_overwrite"] is False
    assert options["custom_domain"] == "media.wiel.example" and options["endpoint_url"] == "https://s3.nl-ams.scw.cloud"
    assert s3["img_src"] == ["'self'", "data:", "https://media.wiel.example", "https://s3.nl-ams.scw.cloud"]
    assert s3["documents"] == "redirect"
