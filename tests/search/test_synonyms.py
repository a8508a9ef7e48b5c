"""Synonyms: the editors' list, query expansion on the database backend, and what Elasticsearch is
handed (index settings with Dutch analysis, mappings, query bodies), checked on the real backend
objects since no Elasticsearch server runs here."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from articles.factories import ArticlePageFactory
from practices.models import PracticePage
from search.models import Synonym
from search.synonyms import elasticsearch_rules, expand


def test_expansion_swaps_each_phrase_for_the_others():
    groups = [["jim", "jouw informele mentor", "informele mentor"], ["ojg", "ondersteuner jeugd en gezin"]]
    assert expand("Informele mentor op school", groups, []) == ["jim op school", "jouw informele mentor op school"]
    assert expand("OJG", groups, []) == ["ondersteuner jeugd en gezin"]
    assert expand("jimmy", groups, []) == []  # whole words only
    assert expand("", groups, []) == []
    # Terms are recognised by their stems: plural in the query, singular in the list.
    assert expand("thuiszittende leerlingen", [["thuiszitter", "thuiszittende leerling"]], []) == ["thuiszitter"]


def test_compounds_work_three_ways():
    compounds = [("gezinsbuddy", ["gezin", "buddy"])]
    assert expand("gezinsbuddy", [], compounds) == ["gezin buddy"]  # the compound finds its parts
    assert expand("gezins buddy", [], compounds) == ["gezinsbuddy"]  # the parts find the compound
    assert expand("buddy voor gezinnen", [], compounds) == ["gezinsbuddy voor gezinnen"]  # so does its head
    assert expand("gezin", [], compounds) == []  # the first part alone is too broad


@pytest.mark.django_db
def test_the_list_is_validated_and_tidied():
    synonym = Synonym(terms=" SKJ ,  Stichting Kwaliteitsregister Jeugd, skj ,")
    synonym.full_clean()
    assert synonym.terms == "SKJ, Stichting Kwaliteitsregister Jeugd"
    with pytest.raises(ValidationError):
        Synonym(terms="alleen één").full_clean()


@pytest.mark.django_db
def test_informele_mentor_finds_jim_on_the_database_backend(site_tree, synonyms):
    ArticlePageFactory(
        parent=site_tree["samen_news"], title="JIM in Maastricht", summary="Een eigen JIM voor elke jongere."
    )
    response = Client().get("/zoeken/", {"q": "informele mentor"})
    assert [hit["page"].title for hit in response.context["hits"]] == ["JIM in Maastricht"]


def test_index_settings_use_dutch_analysis_with_the_synonyms(es_backend):
    analysis = es_backend.index_settings()["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"] == [
        "lowercase",
        "asciifolding",
        "wiel_singular",
        "dutch_stemmer",
        "wiel_undouble",
        "dutch_stop",
    ]
    # Synonyms after stemming, stop words last: see test_engine.py for what that does on a live engine.
    assert analysis["analyzer"]["default_search"]["filter"] == [
        "lowercase",
        "asciifolding",
        "wiel_singular",
        "dutch_stemmer",
        "wiel_undouble",
        "wiel_synonyms",
        "dutch_stop",
    ]
    assert analysis["filter"]["wiel_undouble"] == {
        "type": "pattern_replace",
        "pattern": "([b-df-hj-np-tv-z])\\1$",
        "replacement": "$1",
    }
    assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    stop_words = analysis["filter"]["dutch_stop"]["stopwords"]
    assert {"de", "het", "een", "vor", "en"} <= set(stop_words)  # as stems: "voor" is "vor"
    assert "jeugd" not in stop_words
    assert analysis["filter"]["wiel_synonyms"]["type"] == "synonym_graph"
    assert analysis["filter"]["wiel_synonyms"]["synonyms"] == elasticsearch_rules()
    assert "jim, jouw informele mentor, informele mentor" in elasticsearch_rules()
    assert "edgengram_analyzer" in analysis["analyzer"]  # Wagtail's own analysers are kept


def test_mapping_and_query_body_for_practices(es_backend):
    mapping = es_backend.mapping_class(PracticePage).get_mapping()
    properties = mapping["properties"]
    title = next(value for key, value in properties.items() if key.endswith("title"))
    assert title["type"] == "text" and "analyzer" not in title  # the Dutch default analyser applies
    results = es_backend.search("informele mentor", PracticePage.objects.live())
    body = results.query_compiler.get_query()
    assert "informele mentor" in str(body)
    assert "live" in str(body)  # the .live() filter is part of the query, not applied afterwards


@pytest.mark.django_db
def test_a_new_synonym_or_promotion_takes_effect_at_once(site_tree, django_capture_on_commit_callbacks):
    """An editor fixes a search that found nothing: the result kept for it gives way at once."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    article = ArticlePageFactory(parent=site_tree["samen_news"], title="Informele steun in de wijk")

    def found(query):
        return [hit["page"].title for hit in Client().get("/zoeken/", {"q": query}).context["hits"]]

    assert found("mantelzorg") == []  # asked, and its (empty) result kept for the content version
    with django_capture_on_commit_callbacks(execute=True):
        synonym = Synonym.objects.create(terms="mantelzorg, informele steun")
    assert found("mantelzorg") == ["Informele steun in de wijk"]
    with django_capture_on_commit_callbacks(execute=True):
        synonym.delete()
    assert found("mantelzorg") == []

    assert Client().get("/zoeken/", {"q": "wijkaanpak"}).context["promotions"] == []
    with django_capture_on_commit_callbacks(execute=True):
        SearchPromotion.objects.create(query=Query.get("wijkaanpak"), page=article, sort_order=0)
    promoted = Client().get("/zoeken/", {"q": "wijkaanpak"}).context["promotions"]
    assert [pick["title"] for pick in promoted] == ["Informele steun in de wijk"]
