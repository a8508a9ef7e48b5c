"""Practice records: validation rules, derived fields, and creation through the real admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from geography.models import Municipality
from practices.models import Implementation, PracticePage


def _inline(prefix, rows):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for number, row in enumerate(rows):
        data[f"{prefix}-{number}-id"] = ""
        data[f"{prefix}-{number}-ORDER"] = str(number + 1)
        data[f"{prefix}-{number}-DELETE"] = ""
        for key, value in row.items():
            data[f"{prefix}-{number}-{key}"] = value
    return data


@pytest.mark.django_db
def test_age_range_and_review_date_are_validated():
    with pytest.raises(ValidationError) as error:
        PracticePage(title="x", aim="y", age_min=12, age_max=4).check_ranges()
    assert "age_max" in error.value.message_dict
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        PracticePage(title="x", aim="y", age_min=0, age_max=4, last_reviewed=tomorrow).check_ranges()
    assert "last_reviewed" in error.value.message_dict
    with pytest.raises(ValidationError):
        PracticePage(title="x", aim="y", age_min=0, age_max=30).clean_fields(exclude=["path", "depth", "slug"])
    PracticePage(title="x", aim="y", age_min=4, age_max=4).check_ranges()  # a single age is fine


def test_implementation_rules():
    def errors(**fields):
        try:
            Implementation(**fields).clean()
        except ValidationError as error:
            return set(error.message_dict)
        return set()

    assert errors(started=2020, ended=2019, outcome="voortgezet") == {"ended"}
    assert errors(started=2020, ended=2022, outcome="gestopt") == {"why_not_carried_over"}
    assert errors(started=2020, ended=2022, outcome="loopt") == {"outcome"}
    assert errors(started=datetime.date.today().year + 5, outcome="loopt") == {"started"}
    assert errors(started=2020, ended=2022, outcome="gestopt", why_not_carried_over="Geen huisartsen.") == set()


@pytest.mark.django_db
def test_review_notice_after_two_years(practice_db):
    page = practice_db["a"]
    page.last_reviewed = datetime.date.today() - datetime.timedelta(days=365 * 2 + 10)
    assert page.review_due
    page.last_reviewed = datetime.date.today() - datetime.timedelta(days=365)
    assert not page.review_due
    page.last_reviewed = None
    assert page.review_due

    old = practice_db["b"]
    old.last_reviewed = datetime.date.today() - datetime.timedelta(days=800)
    old.save_revision().publish()
    response = Client().get(old.url)
    assert "more than two years ago" in response.content.decode() or "ruim twee jaar" in response.content.decode()
    fresh = Client().get(practice_db["a"].url).content.decode()
    assert "review-notice" not in fresh


@pytest.mark.django_db
def test_owner_and_fit_profile_are_derived(practice_db):
    c = practice_db["c"]
    assert c.werkplaats.specific.slug == "groningen"
    oldambt, utrecht = Municipality.objects.get(name="Oldambt"), Municipality.objects.get(name="Utrecht")
    assert [item["municipalities"] for item in c.fit_profile["implementations"]] == [[oldambt.pk], [utrecht.pk]]
    assert c.municipality_ids_used == {oldambt.pk, utrecht.pk}


@pytest.mark.django_db
def test_editor_creates_practice_with_regional_record_in_admin(practice_db, site_tree, editor_client):
    client = editor_client(site_tree["groningen"].editor_group, "redactie-groningen")
    leiden, gouda = Municipality.objects.get(name="Leiden"), Municipality.objects.get(name="Gouda")
    data = nested_form_data(
        {
            "title": "Ervaringscafé",
            "slug": "ervaringscafe",
            "summary": "Informeel ervaringen delen.",
            "aim": "Ervaringskennis een plek geven.",
            "age_min": "12",
            "age_max": "27",
            "evidence_level": "niet-beoordeeld",
            "cost_band": "1",
            "approach": streamfield([("paragraph", rich_text("Een avond per kwartaal."))]),
            "evidence_summary": rich_text(""),
            "research_knowledge": rich_text(""),
            "professional_knowledge": rich_text(""),
            "lived_experience_knowledge": rich_text("Jongeren voelen zich gehoord."),
        }
    )
    for prefix in ["working_elements", "sources", "documents", "related_pages"]:
        data.update(_inline(prefix, []))
    data.update(
        _inline(
            "implementations",
            [
                {
                    "started": "2022",
                    "ended": "2024",
                    "outcome": "gestopt",
                    "why_not_carried_over": "Geen vaste gastvrouw.",
                    "adaptations": "",
                    "partners_note": "",
                    "urbanisation_class": "",
                    "population": "24000",
                    "density": "5900",
                }
            ],
        )
    )
    data["implementations-0-municipalities"] = [str(leiden.pk), str(gouda.pk)]
    data["action-submit"] = "Submit"  # the editor may not publish: submit for moderation
    url = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", practice_db["groningen"].pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = PracticePage.objects.get(slug="ervaringscafe")
    draft = page.get_latest_revision_as_object()
    implementation = draft.implementations.get()
    assert {m.name for m in implementation.municipalities.all()} == {"Leiden", "Gouda"}
    assert implementation.why_not_carried_over == "Geen vaste gastvrouw."
    assert (implementation.population, implementation.density) == (24_000, 5_900)  # the area where it ran

    # Bad input comes back with the errors and nothing is saved.
    data["slug"], data["age_min"], data["age_max"] = "tweede", "15", "10"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "age_max" in response.context["form"].errors
    assert not PracticePage.objects.filter(slug="tweede").exists()
    data["age_min"], data["age_max"], data["implementations-0-why_not_carried_over"] = "10", "15", ""
    response = client.post(url, data)
    assert response.status_code == 200
    implementation_errors = response.context["form"].formsets["implementations"].errors[0]
    assert "why_not_carried_over" in implementation_errors
    assert not PracticePage.objects.filter(slug="tweede").exists()


@pytest.mark.django_db
def test_the_municipality_chooser_finds_names_people_use(practice_db, site_tree, editor_client):
    """Not a 342-row list: a search field over the select, which knows Den Haag and Weesp."""
    client = editor_client(site_tree["groningen"].editor_group, "redactie-groningen")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[practice_db["c"].pk])).content.decode()
    assert html.count('data-controller="wiel-municipalities"') >= 2  # each implementation, and the empty form
    assert "core/js/municipality-chooser.js" in html and "core/css/municipality-chooser.css" in html
    the_hague = Municipality.objects.get(name="'s-Gravenhage")
    assert (
        f'value="{the_hague.pk}" data-search="s gravenhage | den haag | the hague" data-province="Zuid-Holland"' in html
    )
    amsterdam = Municipality.objects.get(name="Amsterdam")
    assert f'value="{amsterdam.pk}" data-search="amsterdam | weesp"' in html
    oldambt = Municipality.objects.get(name="Oldambt")
    assert f'value="{oldambt.pk}" selected data-search="oldambt" data-province="Groningen"' in html


@pytest.mark.django_db
def test_editor_cannot_edit_another_werkplaats_practice(practice_db, site_tree, editor_client):
    own = practice_db["a"]
    other = practice_db["e"]  # belongs to SAMEN
    client = editor_client(site_tree["groningen"].editor_group, "redactie-groningen")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])).status_code in (302, 403)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[other.pk]), {"title": "Overgenomen"})
    assert response.status_code in (302, 403)
    other.refresh_from_db()
    assert other.title == "Aanpak E"
