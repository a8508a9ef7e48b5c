"""A real Varnish (Debian's package) in front of Wiel, with deploy/varnish/wiel.vcl: anonymous pages
are served from it, personal requests pass, and a publish purges every URL it affects."""

import pathlib
import shutil
import subprocess
import time
import urllib.request

import pytest
from django.conf import settings as django_settings

from core.factories import publish_with

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not pathlib.Path(VARNISHD).exists(), reason="needs Debian's varnish package (make servers installs it)"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def varnish(live_server, tmp_path, free_port, settings):
    vcl = (django_settings.BASE_DIR / "deploy" / "varnish" / "wiel.vcl").read_text()
    config = tmp_path / "wiel.vcl"
    config.write_text(vcl.replace('.port = "8001";', f'.port = "{live_server.thread.port}";'))
    address = f"127.0.0.1:{free_port}"
    process = subprocess.Popen(  # noqa: S603 (a fixed program with our own arguments)
        [VARNISHD, "-F", "-j", "none", "-n", str(tmp_path / "work"), "-a", address, "-f", str(config)]
        + ["-s", "malloc,32m", "-p", "ban_lurker_sleep=0.01"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://{address}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=2)  # noqa: S310 (our own local server)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"varnishd did not start: {process.stderr.read().decode()}")
            time.sleep(0.1)
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": base}
    }
    yield base
    process.terminate()
    process.wait(timeout=10)


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (our own local server)
        return response.headers.get("X-Cache"), response.read().decode()


def test_pages_come_from_varnish_until_a_publish_purges_them(varnish, site_tree):
    article, overview = site_tree["article"], site_tree["national_news"]
    page, listing = varnish + article.url, varnish + overview.url + "?soort=terugblik"
    assert fetch(page)[0] == "miss"
    state, html = fetch(page)
    assert state == "hit" and article.title in html
    assert fetch(listing)[0] == "miss" and fetch(listing)[0] == "hit"
    werkplaats = varnish + site_tree["samen"].url
    fetch(werkplaats)
    # An editor's request (a session cookie) never gets the shared copy.
    assert fetch(page, cookie="sessionid=abc")[0] == "miss"

    publish_with(article, title="Terugblik symposium: de verslagen")
    time.sleep(0.2)  # the ban lurker
    state, html = fetch(page)
    assert state == "miss" and "Terugblik symposium: de verslagen" in html
    # The national overview lists the article (filtered too), and so does its werkplaats' page.
    state, html = fetch(listing)
    assert state == "miss" and "Terugblik symposium: de verslagen" in html
    assert fetch(werkplaats)[0] == "miss"
    assert fetch(page)[0] == "hit"


def test_unpublishing_purges_the_page_and_its_overview(varnish, site_tree):
    article, overview = site_tree["article"], site_tree["national_news"]
    fetch(varnish + overview.url)
    assert fetch(varnish + overview.url)[0] == "hit"
    article.unpublish()
    time.sleep(0.2)
    state, html = fetch(varnish + overview.url)
    assert state == "miss" and article.title not in html
    with pytest.raises(urllib.error.HTTPError) as gone:
        fetch(varnish + article.url)
    assert gone.value.code == 404


def fetch_encoded(url, accept_encoding):
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept_encoding} if accept_encoding else {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (our own local server)
        return response.headers.get("X-Cache"), response.headers.get("Content-Encoding"), response.read()


def test_each_reader_gets_a_stored_copy_in_the_encoding_it_accepts(varnish, site_tree):
    import gzip

    import brotli

    page = varnish + site_tree["article"].url
    # A browser accepts both: Brotli, kept as Wiel compressed it (Varnish does not unzip per request).
    assert fetch_encoded(page, "gzip, deflate, br")[:2] == ("miss", "br")
    state, encoding, body = fetch_encoded(page, "gzip, deflate, br")
    assert (state, encoding) == ("hit", "br")
    assert site_tree["article"].title in brotli.decompress(body).decode()
    state, encoding, body = fetch_encoded(page, "gzip")
    assert encoding == "gzip" and site_tree["article"].title in gzip.decompress(body).decode()
    assert fetch_encoded(page, "gzip")[:2] == ("hit", "gzip")
    # No compression asked: Varnish unzips its gzip copy.
    state, encoding, body = fetch_encoded(page, None)
    assert (state, encoding) == ("hit", None) and site_tree["article"].title in body.decode()


def test_what_is_behind_a_token_passes_varnish(varnish, site_tree, newsletters):
    from newsletters.factories import subscribe
    from newsletters.subscription import preferences_token

    person = subscribe("anna@example.org", newsletters["samen"])
    page = newsletters["page"]
    token = preferences_token(person)
    for route in ("preferences", "data"):
        url = varnish + page.url + page.reverse_subpage(route, args=[token])
        assert [fetch(url)[0] for _twice in range(2)] == ["pass", "pass"], route
