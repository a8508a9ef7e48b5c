"""The database backend as Wiel uses it: ranked pages, ids for the facets, and (PostgreSQL) the
indexes that keep it fast."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from wagtail.search.backends import get_search_backend

from articles.factories import ArticlePageFactory
from core.templatetags.wiel_tags import page_numbers
from search.query import searchable_pages


@pytest.fixture
def articles(site_tree):
    news = site_tree["samen_news"]
    body_only = [
        ArticlePageFactory(parent=news, title=f"Verslag {number}", summary="Over pleegzorg, terloops.")
        for number in range(3)
    ]
    in_title = ArticlePageFactory(parent=news, title="Pleegzorg in de wijk", summary="Pleegzorg en pleegzorg.")
    ArticlePageFactory(parent=news, title="Iets anders", summary="Niets hierover.")
    return in_title, body_only


@pytest.mark.django_db
def test_results_are_ranked_and_paged_and_ids_cover_every_match(articles):
    in_title, body_only = articles
    backend = get_search_backend()
    results = backend.search("pleegzorg", searchable_pages())
    assert results[0].pk == in_title.pk  # the title counts most
    assert {page.pk for page in results[1:4]} == {page.pk for page in body_only}
    assert results.count() == 4 and len(list(results[2:10])) == 2
    assert sorted(results.ids(100)) == sorted([in_title.pk, *(page.pk for page in body_only)])
    assert len(results.ids(2)) == 2


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's (migration 0003)")
def test_postgresql_has_the_search_indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'wiel_%'")
        names = {row[0] for row in cursor.fetchall()}
    assert {"wiel_indexentry_title_body", "wiel_page_id_as_text"} <= names


def test_long_result_lists_link_a_few_page_numbers_not_all():
    pages = Paginator(range(4880), 10)
    assert page_numbers(pages.page(1)) == [1, 2, 3, None, 488]
    assert page_numbers(pages.page(200)) == [1, None, 198, 199, 200, 201, 202, None, 488]
    assert page_numbers(Paginator(range(30), 10).page(2)) == [1, 2, 3]


@pytest.mark.django_db
def test_in_ids_finds_exactly_the_ids_given(articles, monkeypatch):
    from django.db import connection as db
    from wagtail.models import Page

    from search.lookups import Ids

    in_title, body_only = articles
    wanted = [in_title.pk, body_only[0].pk]
    for value in (wanted, Ids(wanted)):
        assert sorted(Page.objects.filter(pk__in_ids=value).values_list("pk", flat=True)) == sorted(wanted)
    assert not Page.objects.filter(pk__in_ids=[]).exists()
    monkeypatch.setattr(db, "vendor", "mysql")  # any other database: a plain IN, only compiled here
    sql, params = Page.objects.filter(pk__in_ids=Ids(wanted)).query.sql_with_params()
    assert "IN (%s, %s)" in sql and list(params[-2:]) == wanted
