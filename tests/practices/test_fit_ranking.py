"""The ranking by fit is worked out once per question and content version (practices/listing.py)."""

import pytest
from django.test import Client

from practices import listing
from practices.factories import make_practice


@pytest.fixture
def rankings(monkeypatch):
    """The questions ranked from the practices' fit profiles (not from the cache), in order."""
    worked_out = []
    rank = listing._rank

    def counted(queryset, question, geography, labels):
        worked_out.append(question.municipality.slug)
        return rank(queryset, question, geography, labels)

    monkeypatch.setattr(listing, "_rank", counted)
    return worked_out


def titles(response):
    assert response.status_code == 200
    return [page.title for page in response.context["practices"]]


@pytest.mark.django_db
def test_the_next_page_and_the_csv_reuse_the_ranking_until_the_content_changes(practice_db, rankings):
    client, url = Client(), practice_db["national"].url
    first = client.get(url, {"gemeente": "groningen"})
    assert first.context["sort"] == "passend" and rankings == ["groningen"]
    assert titles(client.get(url, {"gemeente": "groningen", "pagina": "1"})) == titles(first)
    assert client.get(url + "csv/", {"gemeente": "groningen"}).status_code == 200
    assert rankings == ["groningen"]  # the same question: from the cache
    client.get(url, {"gemeente": "leiden"})
    assert rankings == ["groningen", "leiden"]  # another question is ranked on its own
    # A new practice (a publish) makes every ranking stale.
    make_practice(practice_db["groningen"], "Aanpak Nieuw", record=[(["Groningen"], "voortgezet", {})])
    assert "Aanpak Nieuw" in titles(client.get(url, {"gemeente": "groningen"}))
    assert rankings == ["groningen", "leiden", "groningen"]
