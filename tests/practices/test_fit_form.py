"""Asking the fit question: names as people type them, errors that keep the question, the answer first."""

import pytest
from django.test import Client

from practices.question import COOKIE_NAME


def answer_comes_first(html):
    """The answer (or the question back) is the first thing in the page's content."""
    position = html.index('id="fit-answer"')
    return all(position < html.index(marker) for marker in ('id="aim-heading"', 'id="fit-form"'))


@pytest.mark.django_db
def test_den_haag_is_understood_and_answered_first(practice_db):
    response = Client().get(practice_db["b"].url, {"gemeente": "Den Haag", "partner": "school"})
    assert response.status_code == 200
    question = response.context["question"]
    assert question.municipality.name == "'s-Gravenhage"
    assert COOKIE_NAME not in response.cookies  # the remember step keeps it (test_fit.py)
    html = response.content.decode()
    assert answer_comes_first(html)
    assert "De officiële naam van Den Haag is &#x27;s-Gravenhage." in html
    assert 'action="/passend/"' in html and f'name="naar" value="{practice_db["b"].url}"' in html
    assert 'value="Den Haag"' in html  # the field keeps the name typed, the note says what it stands for
    assert "/gemeenten/s-gravenhage/" in html  # municipalities like mine, from every answer


@pytest.mark.django_db
def test_a_former_municipality_answers_for_today_with_a_note(practice_db):
    response = Client().get(practice_db["b"].url, {"gemeente": "Weesp"})
    assert response.context["question"].municipality.name == "Amsterdam"
    assert "Weesp hoort sinds 2022 bij Amsterdam." in response.content.decode()
    assert response.context["fit"] is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message", "suggestion"),
    [
        ("", "Typ de naam van je gemeente.", None),
        ("Den Hag", "Wij kennen geen gemeente die Den Hag heet.", "gemeente=s-gravenhage"),
        ("Bergen", "Er is meer dan één gemeente die Bergen heet: kies er een.", "gemeente=bergen-nh"),
        ("<script>alert(1)</script>", "Wij kennen geen gemeente", None),
    ],
)
def test_a_name_that_finds_nothing_asks_again_and_keeps_the_question(practice_db, typed, message, suggestion):
    client = Client()
    client.cookies[COOKIE_NAME] = "gemeente=leiden"
    response = client.get(practice_db["b"].url, {"gemeente": typed, "partner": "school", "budget": "3"})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert answer_comes_first(html)
    assert 'aria-invalid="true"' in html
    assert response.context["fit"] is None  # no answer for a municipality we do not know
    assert COOKIE_NAME not in response.cookies  # the earlier choice is not thrown away
    assert response.context["question"].partners == frozenset({"school"})
    assert 'id="fit-partner-school" name="partner" value="school" checked' in html
    if suggestion:  # a suggestion answers the same question for the municipality suggested
        assert f"{suggestion}&amp;partner=school&amp;budget=3#fit-answer" in html
    assert "<script>" not in html.split('id="fit-answer"')[1].split("</section>")[0]


@pytest.mark.django_db
def test_the_listing_and_comparison_answer_first_too(practice_db):
    client = Client()
    listing = client.get(practice_db["national"].url, {"gemeente": "Den Bosch"})
    assert listing.context["question"].municipality.name == "'s-Hertogenbosch"
    html = listing.content.decode()
    assert html.index('id="fit-answer"') < html.index('class="listing-status"')
    assert "Gesorteerd op hoe goed ze passen bij Den Bosch" in html
    wrong = client.get(practice_db["national"].url, {"gemeente": "Gemeente die niet bestaat"})
    assert wrong.status_code == 200 and wrong.context["sort"] == "titel"
    assert "Wij kennen geen gemeente" in wrong.content.decode()
    pks = [practice_db["a"].pk, practice_db["b"].pk]
    compare = client.get(practice_db["national"].url + "vergelijk/", {"p": pks, "gemeente": "Leiden"})
    assert 'id="fit-answer"' in compare.content.decode()
    assert all(practice.fit for practice in compare.context["compared"])


@pytest.mark.django_db
def test_suggestions_while_typing(client):
    response = client.get("/gemeenten/suggesties/", {"q": "den h"})
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    results = response.json()["results"]
    assert results[0] == {
        "name": "'s-Gravenhage",
        "label": "'s-Gravenhage (Den Haag)",
        "slug": "s-gravenhage",
        "province": "Zuid-Holland",
        "note": "De officiële naam van Den Haag is 's-Gravenhage.",
    }
    assert [result["name"] for result in client.get("/gemeenten/suggesties/", {"q": "uden"}).json()["results"]][:1] == [
        "Maashorst"
    ]
    for hostile in ["", "\u202e", "%", "a" * 10_000, "ß" * 300]:
        assert client.get("/gemeenten/suggesties/", {"q": hostile}).status_code == 200
    assert client.get("/gemeenten/suggesties/", {"q": "\x00"}).status_code == 400
    assert client.get("/gemeenten/suggesties/").json() == {"results": []}


def main_element(html):
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.django_db
def test_the_editors_word_count_reads_the_practice_not_the_fit_form(practice_db):
    """Wagtail counts the words of the preview's <main>: there the fit form comes after it; on the
    public page the form stays beside the practice."""
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    page = practice_db["a"]
    public = Client().get(page.url).content.decode()
    assert 'id="fit-form"' in main_element(public)

    request = RequestFactory().get(page.url)
    request.user = get_user_model().objects.create_superuser("hoofdredactie", "h@example.org", "a-long-password")
    preview = page.make_preview_request(request, page.default_preview_mode).content.decode()
    assert 'id="fit-form"' in preview and 'id="fit-form"' not in main_element(preview)
    assert 'id="aim-heading"' in main_element(preview)


@pytest.mark.django_db
def test_the_place_typed_heads_the_answer_and_stays_in_the_url(practice_db):
    from urllib.parse import urlencode

    from geography.names import COMMON, FORMER, SPLIT, aliases

    client = Client()
    page = practice_db["a"]
    kept = [alias for alias in aliases() if alias.kind in {COMMON, FORMER, SPLIT}]
    assert {"Weesp", "Haaren", "Heerhugowaard", "Den Haag", "Den Bosch"} <= {alias.name for alias in kept}
    for alias in kept:
        sent = client.get("/passend/", {"naar": page.url, "gemeente": alias.name.lower()})
        assert urlencode({"gemeente": alias.name}) in sent["Location"], alias.name
        response = client.get(sent["Location"].split("#")[0])
        question = response.context["question"]
        assert question.municipality.name == alias.municipality, alias.name
        assert question.typed == alias.name  # the field keeps the name as people write it
        html = response.content.decode()
        assert alias.name in html and question.heading in html.replace("&#x27;", "'")
        if alias.kind == FORMER:
            assert question.heading == f"{alias.name} (sinds {alias.year} deel van {alias.municipality})"
    weesp = client.get("/passend/", {"naar": practice_db["national"].url, "gemeente": "weesp"})
    assert "gemeente=Weesp" in weesp["Location"]
    html = client.get(weesp["Location"].split("#")[0]).content.decode()
    assert "Past het bij Weesp (sinds 2022 deel van Amsterdam)?" in html
    # The figures the answer weighs, with their source, under the answer.
    assert "Cijfers: CBS 85984NED Kerncijfers wijken en buurten 2024; CBS 85984NED" in html
    assert "(Centraal Bureau voor de Statistiek, CC BY 4.0)" in html
    assert "Gesorteerd op hoe goed ze passen bij Weesp (sinds 2022 deel van Amsterdam)" in html
    # The cookie keeps it too: a later page asked without a question comes back with Weesp.
    assert client.get(page.url)["Location"].endswith("gemeente=Weesp")


@pytest.mark.django_db
def test_every_other_name_of_a_municipality_leads_to_its_page(client):
    from geography.models import Municipality
    from geography.names import aliases

    assert client.get("/gemeenten/den-haag/")["Location"] == "/gemeenten/s-gravenhage/?naam=Den+Haag"
    assert client.get("/gemeenten/den-bosch/")["Location"] == "/gemeenten/s-hertogenbosch/?naam=Den+Bosch"
    slugs = dict(Municipality.objects.values_list("name", "slug"))
    from django.utils.text import slugify

    for alias in aliases():
        if slugify(alias.name) in slugs.values():  # the official slug of another municipality
            continue
        response = client.get(f"/gemeenten/{slugify(alias.name)}/")
        assert response.status_code == 301, alias.name
        assert response["Location"].startswith(f"/gemeenten/{slugs[alias.municipality]}/"), alias.name
    assert client.get("/gemeenten/atlantis/").status_code == 404
