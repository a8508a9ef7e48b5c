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
def test_unknown_page_is_a_friendly_404(site_tree, client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
