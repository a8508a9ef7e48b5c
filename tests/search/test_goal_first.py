"""The reader's goal first (search/ranking.py), the same on every backend: a title that holds the
query's words (or a synonym's) before pages that only mention them, and a practice before other
kinds when their places are close."""

import pytest
from django.test import Client

from articles.factories import ArticlePageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from practices.factories import PracticeIndexPageFactory, make_practice
from search.models import Synonym
from search.ranking import goal_first


def ranked(query):
    return [hit["page"].title for hit in Client().get("/zoeken/", {"q": query}).context["hits"]]


@pytest.mark.django_db
def test_a_title_with_the_words_comes_before_pages_that_only_mention_them(site_tree):
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    for n in range(3):
        ArticlePageFactory(
            parent=site_tree["samen_news"],
            title=f"Nieuws {n}",
            summary="Over thuiszitters, thuiszitters en nog eens thuiszitters in de regio.",
        )
    make_practice(practices, "Anders kijken naar thuiszitters", summary="Kleine stappen met leerling en ouders.")
    assert ranked("thuiszitters")[0] == "Anders kijken naar thuiszitters"


@pytest.mark.django_db
def test_a_synonym_in_the_title_counts_and_a_practice_goes_first_when_close(site_tree):
    Synonym.objects.create(terms="thuiszitter, thuiszittende leerling")
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    calendar = EventIndexPageFactory(parent=site_tree["samen"])
    EventPageFactory(parent=calendar, title="Online bijeenkomst thuiszittende leerlingen")
    make_practice(practices, "Anders kijken naar thuiszitters")
    ArticlePageFactory(parent=site_tree["samen_news"], title="Terugblik", summary="Iets over thuiszitters.")
    order = ranked("thuiszitters")
    assert order[:2] == ["Anders kijken naar thuiszitters", "Online bijeenkomst thuiszittende leerlingen"]
    assert order[-1] == "Terugblik"


@pytest.mark.django_db
def test_a_practice_moves_up_only_a_little(site_tree):
    """Past at most two pages of another kind in the same tier: a clearly better page stays above."""
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    articles = [ArticlePageFactory(parent=site_tree["samen_news"], title=f"Mantelzorg {n}") for n in range(4)]
    practice = make_practice(practices, "Mantelzorg in de wijk")
    ids = [article.pk for article in articles] + [practice.pk]
    from practices.models import PracticePage

    reordered = goal_first(ids, "mantelzorg", "nl", preferred=(PracticePage,))
    assert reordered == [articles[0].pk, articles[1].pk, practice.pk, articles[2].pk, articles[3].pk]
    assert goal_first(ids, "mantelzorg", "nl") == ids  # nothing preferred: the backend's order


@pytest.mark.django_db
def test_a_synonym_counts_whole_not_without_its_small_words(site_tree):
    """ "niet naar school" stands for "thuiszitter": a title with just "school" does not hold it."""
    Synonym.objects.create(terms="thuiszitter, niet naar school")
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    for n in range(3):
        make_practice(practices, f"Werken op school {n}", summary="Thuiszitters, thuiszitters en thuiszitters.")
    make_practice(practices, "Anders kijken naar thuiszitters", summary="Kleine stappen.")
    assert ranked("thuiszitters")[0] == "Anders kijken naar thuiszitters"
