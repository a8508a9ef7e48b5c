"""Articles: the overviews (national and per werkplaats) with their filters, and the feeds."""

import pytest

from articles.factories import ArticlePageFactory
from core.factories import ThemeFactory, publish_with


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
def test_the_theme_filter_and_its_options(site_tree, client):
    theme = ThemeFactory(name="Thuiszitters")
    other = ArticlePageFactory(parent=site_tree["samen_news"], title="Weer naar school", kind="nieuws")
    publish_with(other, themes=[theme])
    listing = client.get(site_tree["national_news"].url, {"thema": theme.slug}).content.decode()
    assert "Weer naar school" in listing and "Terugblik symposium" not in listing
    everything = client.get(site_tree["national_news"].url).content.decode()
    assert "Weer naar school" in everything and "Terugblik symposium" in everything
    assert f'value="{theme.slug}"' in everything  # a theme is offered once an article carries it
    unknown = client.get(site_tree["national_news"].url, {"thema": "<script>", "soort": "onbekend"})
    assert unknown.status_code == 200 and "Weer naar school" in unknown.content.decode()  # ignored, not an error
