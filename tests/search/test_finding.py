"""Finding what professionals type: stemming, title weight, relaxation with its notice, "did you
mean", compounds, English pages, the API's search through the fallback, and the pause after
Elasticsearch failed. Runs on SQLite and on PostgreSQL (DATABASE_URL); what only SQLite's own
analysis does says so."""

import socket
import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from wagtail.models import Locale

from articles.factories import ArticlePageFactory
from practices.factories import PracticeIndexPageFactory, PracticePageFactory
from search import circuit
from search.analysis import analyse, content_words, plural_variant, stem
from search.models import CompoundWord, PendingIndexUpdate, SearchTerm, Synonym
from search.synonyms import phrase_spans, units

only_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's index is stemmed by Wiel; PostgreSQL stems with its own 'dutch'"
)


def search(path="/zoeken/", **params):
    response = Client().get(path, params)
    assert response.status_code == 200
    return response


def titles(response):
    return [hit["page"].title for hit in response.context["hits"]]


@pytest.fixture
def practices(site_tree):
    return PracticeIndexPageFactory(parent=site_tree["samen"])


def test_dutch_stems_meet_across_number_and_english_its_own():
    assert stem("buurtgezinnen") == stem("buurtgezin") == "buurtgezin"  # Snowball's doubled n undone
    assert stem("wijkacademies") == stem("wijkacademie")  # the -ie plurals Snowball leaves alone
    assert stem("categorieën".replace("ë", "e")) == stem("categorie")
    assert stem("families", "en") == stem("family", "en")
    assert analyse("De coördinatoren van Buurtgezinnen") == analyse("de coordinatoren van buurtgezin")
    assert content_words("hoe krijg ik een thuiszitter naar school") == ["krijg", "thuiszitter", "school"]
    assert content_words("de het een") == ["de", "het", "een"]  # nothing but small words: all kept
    assert plural_variant("wijkacademies in de stad") == "wijkacademie in de stad"
    assert plural_variant("buurtgezinnen") == ""


@pytest.mark.django_db
def test_singular_finds_plural_and_back(practices):
    PracticePageFactory(parent=practices, title="Buurtgezinnen", summary="Steun uit de buurt.")
    PracticePageFactory(parent=practices, title="Wijkacademie voor ouders", summary="Ouders leren samen.")
    assert "Buurtgezinnen" in titles(search(q="buurtgezin"))
    assert titles(search(q="wijkacademies")) == ["Wijkacademie voor ouders"]
    assert titles(search(q="ouder")) == ["Wijkacademie voor ouders"]


@only_sqlite
@pytest.mark.django_db
def test_sqlite_finds_the_singular_as_typed(practices):
    PracticePageFactory(parent=practices, title="Buurtgezinnen", summary="Steun uit de buurt.")
    response = search(q="buurtgezin")
    assert response.context["attempt"].how == "" and titles(response) == ["Buurtgezinnen"]


@pytest.mark.django_db
def test_english_pages_are_stemmed_in_english_and_dutch_ones_in_dutch(practices):
    """On SQLite (Wiel's own stems) and PostgreSQL (its "english" and "dutch" configurations)."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    dutch = PracticePageFactory(parent=practices, title="Steun voor het gezin", summary="Nederlandse tekst.")
    translation = dutch.copy_for_translation(english, copy_parents=True)
    translation.title, translation.summary = "Support for the family", "Help from the neighbourhood."
    translation.save_revision().publish()
    assert titles(search("/en/search/", q="families")) == ["Support for the family"]
    assert titles(search("/en/search/", q="neighbourhoods")) == ["Support for the family"]
    assert titles(search(q="gezinnen")) == ["Steun voor het gezin"]


@pytest.mark.django_db
def test_a_title_that_is_the_query_comes_first(site_tree):
    ArticlePageFactory(
        parent=site_tree["samen_news"],
        title="Verslag van een middag",
        summary=" ".join(["Over dialoogtafels en nog eens dialoogtafels."] * 10),
    )
    ArticlePageFactory(parent=site_tree["samen_news"], title="Dialoogtafels", summary="Een korte uitleg.")
    assert titles(search(q="dialoogtafels")) == ["Dialoogtafels", "Verslag van een middag"]


@pytest.mark.django_db
def test_when_no_page_has_every_word_the_pages_with_most_of_them_come_first(site_tree):
    news = site_tree["samen_news"]
    ArticlePageFactory(parent=news, title="Ouders en jongeren in de wijk", summary="Samen sterker.")
    ArticlePageFactory(parent=news, title="Ervaringsdeskundig werken", summary="Wat het vraagt.")
    ArticlePageFactory(parent=news, title="Jongeren op school", summary="Een dag op school.")
    response = search(q="ouders jongeren ervaringsdeskundig")
    attempt = response.context["attempt"]
    assert attempt.some_words and attempt.searched == "ouders jongeren ervaringsdeskundig"
    assert titles(response)[0] == "Ouders en jongeren in de wijk"  # two of the three words
    assert set(titles(response)) == {"Ouders en jongeren in de wijk", "Ervaringsdeskundig werken", "Jongeren op school"}
    assert "Geen pagina bevat al deze woorden: ouders jongeren ervaringsdeskundig." in response.content.decode()


@pytest.mark.django_db
def test_small_words_are_left_out_when_they_stand_in_the_way(site_tree):
    english = Locale.objects.get_or_create(language_code="en")[0]
    article = ArticlePageFactory(parent=site_tree["samen_news"], title="Mentor programme", summary="Matching.")
    translation = article.copy_for_translation(english, copy_parents=True)
    translation.title, translation.summary = "Mentor programme", "How matching works."
    translation.save_revision().publish()
    response = search("/en/search/", q="what is a mentor programme")
    attempt = response.context["attempt"]
    assert titles(response) == ["Mentor programme"]
    if connection.vendor == "postgresql":
        # PostgreSQL's "english" configuration, used for English searches, leaves them out itself.
        assert attempt.how == "" and "Searched without:" not in response.content.decode()
    else:  # SQLite matches every word, so the search drops the small ones and says so
        assert attempt.without_small_words and set(attempt.dropped) >= {"what", "a"}
        assert "Searched without:" in response.content.decode()


def test_small_words_of_a_listed_phrase_are_kept():
    in_phrase = {2, 3, 4}  # "niet naar school", a term of the thuiszitter group
    assert content_words("kind gaat niet naar school", keep=in_phrase) == ["kind", "gaat", "niet", "naar", "school"]
    assert content_words("kind gaat niet naar school") == ["kind", "gaat", "school"]


@pytest.mark.django_db
def test_listed_phrases_are_found_and_counted_as_one_unit(db):
    Synonym.objects.create(terms="thuiszitter, niet naar school, schoolverzuim")
    Synonym.objects.create(terms="CJG, centrum voor jeugd en gezin")
    assert phrase_spans("mijn kind gaat niet naar school") == [(3, 3)]
    assert units("Kind gaat niet naar school") == ["kind", "gaat", "niet naar school"]
    assert units("het centrum voor jeugd en gezin niet naar school") == [
        "het", "centrum voor jeugd en gezin", "niet naar school",
    ]  # fmt: skip
    assert units("naar school") == ["naar", "school"]  # half a phrase is no phrase


@pytest.mark.django_db
def test_a_listed_phrase_with_small_words_finds_its_group_when_not_every_word_is_on_a_page(site_tree):
    Synonym.objects.create(terms="thuiszitter, niet naar school")
    news = site_tree["samen_news"]
    ArticlePageFactory(parent=news, title="Thuiszitters in de regio", summary="Een kind dat thuis zit.")
    ArticlePageFactory(parent=news, title="Op school", summary="Een dag op school, school en nog eens school.")
    response = search(q="kind gaat niet naar school")
    # Counted word by word, each page has one of "kind", "gaat" and "school", and the page that
    # says "school" most came first; the phrase counts for its group, so the thuiszitter page has two.
    assert not response.context["attempt"].without_small_words
    assert titles(response)[0] == "Thuiszitters in de regio"


@pytest.mark.django_db
def test_a_mistyped_word_is_corrected_and_a_suggestion_offered(site_tree):
    news = site_tree["samen_news"]
    ArticlePageFactory(parent=news, title="Thuiszitters in Flevoland", summary="Weer naar school.")
    ArticlePageFactory(parent=news, title="Mantelzorgers", summary="Jonge mantelzorgers.")
    assert SearchTerm.objects.filter(word="thuiszitters").exists()  # indexed words form the vocabulary
    corrected = search(q="thuiszittrs")
    assert corrected.context["attempt"].corrected and titles(corrected) == ["Thuiszitters in Flevoland"]
    # No page has both words, even corrected: some of them, with "did you mean" for the typo.
    partly = search(q="thuiszittrs mantelzorgers")
    assert partly.context["attempt"].some_words
    assert partly.context["attempt"].suggestion == "thuiszitters mantelzorgers"
    assert 'Bedoel je: <a href="?q=thuiszitters%20mantelzorgers">thuiszitters mantelzorgers</a>' in (
        partly.content.decode()
    )
    nothing = search(q="qwertyuiop")
    assert titles(nothing) == [] and not nothing.context["attempt"].suggestion


@pytest.mark.django_db
def test_compounds_from_the_editors_list(practices):
    PracticePageFactory(parent=practices, title="GezinsBuddy", summary="Een getrainde vrijwilliger.")
    CompoundWord.objects.create(word="gezinsbuddy", parts="gezin buddy")
    assert titles(search(q="buddy")) == ["GezinsBuddy"]  # the head finds the compound
    assert titles(search(q="gezins buddy")) == ["GezinsBuddy"]  # so do the parts


@pytest.mark.django_db
def test_the_editors_compound_list_is_validated():
    compound = CompoundWord(word=" Schoolverzuim ", parts="school   verzuim")
    compound.full_clean()
    assert (compound.word, compound.parts) == ("schoolverzuim", "school verzuim")
    for word, parts in [("twee woorden", "a b"), ("woord", "eendeel"), ("<b>", "a b")]:
        with pytest.raises(Exception, match="word|parts"):
            CompoundWord(word=word, parts=parts).full_clean()


class SilentServer:
    """A TCP server that accepts connections and never answers: an Elasticsearch that hangs."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.port = self.socket.getsockname()[1]
        self.accepted = 0
        self.open = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection_, _address = self.socket.accept()
            except OSError:
                return
            self.accepted += 1
            self.open.append(connection_)

    def close(self):
        for connection_ in self.open:
            connection_.close()
        self.socket.close()


@pytest.fixture
def hanging_elasticsearch(settings):
    server = SilentServer()
    database = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch8",
            "URLS": [f"http://127.0.0.1:{server.port}"],
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        },
        "fallback": database,
    }
    settings.SEARCH_BACKEND_PAUSE = 60
    cache.clear()
    yield server
    server.close()


@pytest.mark.slow
@pytest.mark.django_db
def test_a_hanging_elasticsearch_costs_one_timeout_then_is_skipped_for_a_while(site_tree, hanging_elasticsearch):
    article = ArticlePageFactory(parent=site_tree["samen_news"], title="Jongere mantelzorgers")  # paused on save
    assert PendingIndexUpdate.objects.filter(object_id=str(article.pk)).exists()
    cache.clear()  # the pause starts over: the next search waits for Elasticsearch once
    first = search(q="mantelzorgers")
    assert first.context["degraded"] and titles(first) == ["Jongere mantelzorgers"]
    tried = hanging_elasticsearch.accepted
    assert tried >= 1 and circuit.paused("default")
    for _ in range(3):
        assert search(q="mantelzorgers").context["degraded"]
    ArticlePageFactory(parent=site_tree["samen_news"], title="Nog een artikel")  # straight to the retry list
    assert hanging_elasticsearch.accepted == tried  # not asked again while paused
    circuit.resume("default")  # the pause is over
    search(q="mantelzorgers")
    assert hanging_elasticsearch.accepted > tried


@pytest.mark.django_db
def test_the_api_search_answers_from_the_database_when_elasticsearch_is_down(site_tree, settings):
    database = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    ArticlePageFactory(parent=site_tree["samen_news"], title="Jongere mantelzorgers")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch8", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1},
        "fallback": database,
    }
    cache.clear()
    client = Client()
    response = client.get("/api/v2/pages/", {"search": "mantelzorgers"})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Jongere mantelzorgers"]
    assert response.json()["meta"]["total_count"] == 1
    assert client.get("/api/v2/pages/", {"search": "mantelzorgers", "search_operator": "xx"}).status_code == 400
    assert client.get("/api/v2/documents/", {"search": "%'"}).status_code == 200
    refused = client.get("/api/v2/documents/", {"search": "\x00"})
    assert refused.status_code == 400
    assert "geen deel kunnen zijn van een zoekopdracht" in refused.json()["detail"]
    assert client.get("/api/v2/pages/", {"search": "jongere mantelzorgers", "search_operator": "or"}).status_code == 200
