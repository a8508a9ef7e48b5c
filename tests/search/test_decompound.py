"""Compounds and derivations no page uses, split into words pages do use, on every backend
(the split is Wiel's own, against the vocabulary of the indexed pages), with what the search tried."""

import pytest
from django.test import Client

from articles.factories import ArticlePageFactory
from practices.factories import PracticeIndexPageFactory, make_practice
from practices.models import PartnerType
from search.decompound import splits
from search.models import CompoundWord, SearchTerm, Synonym


def split(text):
    return splits(text)[0]


def loose_parts(text):
    return splits(text)[1]


VOCABULARY = [
    "jeugd", "jeugdhulp", "hulpverlening", "huisarts", "brugklas", "mentor", "talent", "ontwikkeling",
    "ervaringsdeskundige", "thuiszitters", "leerplicht", "dakloosheid", "preventie", "school", "gezin",
]  # fmt: skip


@pytest.fixture
def vocabulary(db):
    SearchTerm.objects.all().delete()  # only these words, not those of the pages the tests stand on
    SearchTerm.objects.bulk_create([SearchTerm(word=word, shown=word) for word in VOCABULARY])


@pytest.mark.django_db
def test_unknown_compounds_and_derivations_split_into_known_words(vocabulary):
    assert split("jeugdhulpverlening via de huisarts") == "jeugd hulpverlening via de huisarts"
    assert split("talentontwikkeling") == "talent ontwikkeling"
    assert split("dakloosheidspreventie") == "dakloosheid preventie"  # with the linking s
    assert split("brugklassers") == "brugklas"  # a derivation, its doubled consonant undone
    assert split("mentorschap") == "mentor"
    assert split("ervaringsdeskundigheid") == "ervaringsdeskundige"
    assert split("jeugdhulp") == ""  # a known word stays whole
    assert split("thuiszittrs") == ""  # a typo is not taken apart ("thuis" + "zittrs")
    assert split("schoolplein") == ""  # a part no page uses: no split here
    assert loose_parts("leerplichtambtenaar") == "leerplicht ambtenaar"  # ... but for "any of the words"
    assert loose_parts("huisarts") == ""


@pytest.mark.django_db
def test_a_word_only_the_editors_list_knows_counts_as_known(vocabulary):
    SearchTerm.objects.filter(word="brugklas").delete()
    assert split("brugklassers") == ""
    Synonym.objects.create(terms="middelbare school, brugklas")
    assert split("brugklassers") == "brugklas"  # the synonym then finds the secondary-school pages
    CompoundWord.objects.create(word="gezinsbuddy", parts="gezin buddy")
    assert split("gezinsbuddyschap") == "gezinsbuddy"


@pytest.mark.django_db
def test_a_compound_no_page_uses_finds_the_pages_with_its_parts(site_tree):
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    wanted = make_practice(practices, "Hulpverlening voor jeugd bij de huisarts")
    make_practice(practices, "Een plek voor jeugd")
    response = Client().get("/zoeken/", {"q": "jeugdhulpverlening"})
    assert [hit["page"].pk for hit in response.context["hits"]] == [wanted.pk]
    assert response.context["attempt"].split
    assert "Geen pagina gebruikt een woord dat je typte als één woord" in response.content.decode()

    derived = Client().get("/zoeken/", {"q": "jeugdhulpverleningen"})  # a plural of the compound
    assert [hit["page"].pk for hit in derived.context["hits"]] == [wanted.pk]


@pytest.mark.django_db
def test_nothing_found_says_what_was_tried(site_tree):
    ArticlePageFactory(parent=site_tree["samen_news"], title="Pleegzorg in de wijk", summary="Over pleegzorg.")
    response = Client().get("/zoeken/", {"q": "kwartiermakers van de schoolpleinen"})
    assert response.context["hits"] == [] and response.context["attempt"].tried
    page = response.content.decode()
    assert "Ook gezocht op: “kwartiermakers schoolpleinen”" in page


@pytest.mark.django_db
def test_partners_find_the_practice_by_name_abbreviation_and_local_name(site_tree):
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    health = PartnerType.objects.get(slug="jgz")  # "Jeugdgezondheidszorg", "Youth health care (JGZ)"
    needs = make_practice(practices, "Buren helpen buren", needs=["jgz"])
    worked_with = make_practice(
        practices, "Steun na de geboorte", record=[([], "loopt", {"partners_note": "Kraamzorg Noord"})]
    )
    assert health.name in needs.specific.partner_text() and "JGZ" in needs.specific.partner_text()

    def found(query):
        return [hit["page"].pk for hit in Client().get("/zoeken/", {"q": query}).context["hits"]]

    assert found("jeugdgezondheidszorg") == [needs.pk]
    assert found("JGZ") == [needs.pk]  # only the partner's English name carries the abbreviation
    assert found("kraamzorg") == [worked_with.pk]  # a partner named by an implementation
