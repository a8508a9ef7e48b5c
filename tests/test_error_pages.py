"""Error pages in the reader's language: Dutch at the root, English below /en/, each linking to
the home page of that language; the 500 page needs no database."""

from unittest import mock

import pytest
from django.test import Client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status", "language", "words", "home"),
    [
        ("/bestaat-niet/", 404, "nl", "Pagina niet gevonden", 'href="/"'),
        ("/en/does-not-exist/", 404, "en", "Page not found", 'href="/en/"'),
        ("/zoeken/?q=a%00b", 400, "nl", "Dit adres kunnen wij niet lezen", 'href="/"'),
        ("/en/search/?q=a%00b", 400, "en", "This address cannot be read", 'href="/en/"'),
        ("/zoeken/?q=jeugd", 500, "nl", "Er ging iets mis", 'href="/"'),
        ("/en/search/?q=youth", 500, "en", "Something went wrong", 'href="/en/"'),
    ],
)
def test_an_error_page_speaks_the_language_of_its_address(site_tree, url, status, language, words, home):
    client = Client(raise_request_exception=False)
    with mock.patch("search.views.execute", side_effect=RuntimeError("a part failed")):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}"' in html and words in html and home in html
