"""Media on S3-compatible object storage: an upload, its renditions and a document go to the
bucket, and are served from the bucket's URLs. The server is moto's S3 (from PyPI), a real HTTP
server speaking the S3 protocol, started here on a free port."""

import json
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from wagtail.documents import get_document_model

from demo.utils import generated_image

pytestmark = pytest.mark.slow  # subprocesses or servers of their own

moto_server = pytest.importorskip("moto.server", reason="moto's S3 server is not installed (requirements/dev.txt)")
BUCKET = "wiel-media"


@pytest.fixture
def bucket(monkeypatch, free_port):
    import boto3

    for name, value in (
        ("AWS_ACCESS_KEY_ID", "wiel"),
        ("AWS_SECRET_ACCESS_KEY", "wiel-secret"),
        ("AWS_DEFAULT_REGION", "eu-west-1"),
    ):
        monkeypatch.setenv(name, value)
    port = free_port
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-1")
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    # Media are public: what docs/deployment.md sets on the bucket (anyone may read media/*).
    client.put_bucket_policy(
        Bucket=BUCKET,
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "s3:GetObject",
                        "Resource": f"arn:aws:s3:::{BUCKET}/media/*",
                    }
                ],
            }
        ),
    )
    storages = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "eu-west-1",
                "location": "media",
                "file_overwrite": False,
                "default_acl": None,
                "querystring_auth": False,
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, WAGTAILDOCS_SERVE_METHOD="redirect"):
        yield client, endpoint
    server.stop()


def keys(client):
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the local test server)
        return response.status, response.headers["Content-Type"], response.read()


@pytest.mark.django_db
def test_uploads_renditions_and_documents_live_in_the_bucket(bucket, client):
    s3, endpoint = bucket
    image = generated_image("Foto op de opslag", "Cirkels op een kleurverloop")
    rendition = image.get_rendition("fill-300x200")
    stored = keys(s3)
    assert image.file.name in [key.removeprefix("media/") for key in stored]
    assert rendition.file.name in [key.removeprefix("media/") for key in stored]
    assert rendition.url.startswith(f"{endpoint}/{BUCKET}/media/images/")  # served by the storage, not Django
    status, content_type, body = fetch(rendition.url)
    assert status == 200 and content_type == "image/jpeg" and body[:2] == b"\xff\xd8"

    second = default_storage.save(image.file.name, ContentFile(b"another picture"))
    assert second != image.file.name  # no overwrite: the second file gets a name of its own
    assert fetch(image.file.url)[2][:2] == b"\xff\xd8"  # and the first one is still itself

    document = get_document_model().objects.create(
        title="Factsheet", file=ContentFile(b"%PDF-1.4 factsheet", name="factsheet.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 302 and response["Location"].startswith(f"{endpoint}/{BUCKET}/media/documents/")
    assert fetch(response["Location"])[2] == b"%PDF-1.4 factsheet"


@pytest.mark.django_db
def test_media_on_this_hosts_disk_are_served_when_no_proxy_does(client):
    image = generated_image("Foto op schijf", "Cirkels")
    response = client.get(image.file.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert client.get("/media/%2e%2e/site_/settings/base.py").status_code in (400, 404)  # nothing outside
