import pytest
from django.test import Client

from core.factories import ContentPageFactory


@pytest.fixture
def client():
    return Client()


@pytest.mark.django_db
def test_every_page_type_renders(site_tree, client):
    content = ContentPageFactory(parent=site_tree["home"], title="Toegankelijkheid")
    pages = [
        site_tree["home"],
        site_tree["index"],
        site_tree["samen"],
        site_tree["national_news"],
        site_tree["samen_news"],
        site_tree["article"],
        content,
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert "<h1" in html and page.title in html
        assert '<html lang="nl">' in html
        assert 'href="#main"' in html  # skip link


@pytest.mark.django_db
def test_article_listing_filters_and_werkplaats(site_tree, client):
    response = client.get(site_tree["national_news"].url, {"soort": "terugblik"})
    assert "Terugblik symposium" in response.content.decode()
    response = client.get(site_tree["national_news"].url, {"soort": "interview"})
    assert "Terugblik symposium" not in response.content.decode()
    # The werkplaats index lists only its own articles.
    response = client.get(site_tree["groningen_news"].url)
    assert "Terugblik symposium" not in response.content.decode()
    assert site_tree["article"].werkplaats.pk == site_tree["samen"].pk


@pytest.mark.django_db
def test_open_graph_rss_sitemap_robots(site_tree, client):
    html = client.get(site_tree["article"].url).content.decode()
    assert 'property="og:title"' in html and 'property="og:type" content="article"' in html
    feed = client.get(site_tree["national_news"].url + "rss/")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/rss+xml")
    assert "Terugblik symposium" in feed.content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert site_tree["article"].full_url in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap:" in robots


@pytest.mark.django_db
def test_unknown_page_is_a_friendly_404(site_tree, client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
