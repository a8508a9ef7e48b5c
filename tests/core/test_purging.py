"""Which URLs a page change purges from a shared cache (core/http/purging.py)."""

import pytest

from core.http.purging import affected_urls, route_paths


@pytest.mark.django_db
def test_a_practice_change_reaches_every_page_that_shows_it(practice_db, site_tree):
    page = practice_db["a"]  # Groningen's practice
    urls = {url.replace("http://localhost", "") for url in affected_urls(page)}
    overview, national = practice_db["groningen"], practice_db["national"]
    expected = {
        page.url,
        page.url + "pdf/",  # its own route
        overview.url,
        overview.url + "csv/",
        overview.url + "vergelijk/",
        national.url,  # the national overview lists it too
        national.url + "csv/",
        site_tree["groningen"].url,
        site_tree["home"].url,
        "/sitemap.xml",
    }
    assert expected <= urls, expected - urls
    assert site_tree["samen"].url not in urls  # another werkplaats' page does not show it


@pytest.mark.django_db
def test_only_routes_without_parameters_are_named(site_tree):
    paths = route_paths(site_tree["national_news"].specific)
    assert "/" in paths and "/rss/" in paths
    assert all("<" not in path for path in paths)
