"""The werkplaats weighs and chooses in the admin, and a project becomes a practice in one action."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from opportunities.factories import ProjectPageFactory
from opportunities.models import Assessment, Criterion, Progress, ProjectPage, ProjectUpdate
from practices.factories import PracticeIndexPageFactory
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def groningen_editor(log, site_tree, editor_client):
    return editor_client(site_tree["groningen"].editor_group, "groningen-redactie", language="en")


def test_an_editor_scores_and_chooses_and_the_ranking_follows(groningen_editor, log):
    index = log["groningen"]
    reach, feasible = Criterion.objects.filter(page=index).order_by("sort_order")
    first, second = log["first"], log["second"]
    url = reverse("opportunities_weigh", args=[index.pk])
    assert groningen_editor.get(url).status_code == 200
    data = {
        f"score-{first.pk}-{reach.pk}": "2",
        f"score-{first.pk}-{feasible.pk}": "5",
        f"score-{second.pk}-{reach.pk}": "4",
        f"score-{second.pk}-{feasible.pk}": "",
        f"score-{log['third'].pk}-{reach.pk}": "9",  # no score: left alone
        "chosen": [str(second.pk)],
    }
    assert groningen_editor.post(url, data).status_code == 302
    scores = dict(
        Assessment.objects.filter(opportunity_key=first.translation_key).values_list("criterion_key", "score")
    )
    assert scores == {reach.translation_key: 2, feasible.translation_key: 5}
    assert not Assessment.objects.filter(opportunity_key=log["third"].translation_key).exists()
    assert Progress.objects.get(opportunity_key=second.translation_key).chosen_on is not None
    html = groningen_editor.get(url).content.decode()
    assert html.index("Gezinsverzorging") < html.index("Maatwerk")  # 4 on reach (weight 3) beats 2.75
    data["chosen"] = []
    groningen_editor.post(url, data)
    assert Progress.objects.get(opportunity_key=second.translation_key).chosen_on is None


def test_another_werkplaats_cannot_weigh(log, site_tree, editor_client):
    samen_editor = editor_client(site_tree["samen"].editor_group, "samen-redactie")
    url = reverse("opportunities_weigh", args=[log["groningen"].pk])
    reach = Criterion.objects.filter(page=log["groningen"]).first()
    answer = samen_editor.post(url, {f"score-{log['first'].pk}-{reach.pk}": "5"})
    assert answer["Location"] == reverse("wagtailadmin_home")
    assert not Assessment.objects.exists()
    assert "Kansenlog" not in samen_editor.get(reverse("opportunities_logs")).content.decode()


def test_a_project_becomes_a_draft_practice_that_links_back(groningen_editor, log, site_tree):
    from geography.models import Municipality

    PracticeIndexPageFactory(parent=site_tree["groningen"])
    project = ProjectPageFactory(
        parent=log["projects"], title="Pilot gezinsverzorging", summary="Hulp in huis.", status="afgerond"
    )
    project.municipalities = list(Municipality.objects.filter(slug__in=["midden-groningen", "westerkwartier"]))
    project.updates = [
        ProjectUpdate(
            happened_on=datetime.date(2020, 12, 15), text="Vier gezinnen geholpen.", locale_id=project.locale_id
        )
    ]
    project.ends_on = project.starts_on.replace(year=2021)
    project.save_revision().publish()
    url = reverse("opportunities_practice", args=[project.pk])
    edit = groningen_editor.get(reverse("wagtailadmin_pages:edit", args=[project.pk])).content.decode()
    assert url in edit
    assert groningen_editor.get(url).status_code == 200
    answer = groningen_editor.post(url)
    practice = PracticePage.objects.get(title="Pilot gezinsverzorging")
    assert answer["Location"] == reverse("wagtailadmin_pages:edit", args=[practice.pk])
    assert not practice.live and practice.werkplaats.pk == site_tree["groningen"].pk
    assert practice.aim == "Hulp in huis." and "Vier gezinnen geholpen." in practice.professional_knowledge
    implementation = practice.implementations.get()
    assert (implementation.started, implementation.ended, implementation.outcome) == (2020, 2021, "voortgezet")
    assert sorted(m.slug for m in implementation.municipalities.all()) == ["midden-groningen", "westerkwartier"]
    assert ProjectPage.objects.get(pk=project.pk).became_practice_id == practice.pk
    groningen_editor.post(url)  # twice: the same draft
    assert PracticePage.objects.filter(title="Pilot gezinsverzorging").count() == 1
    practice.save_revision().publish()
    from django.test import Client

    html = Client().get(practice.url).content.decode()
    assert "Begonnen als het project “Pilot gezinsverzorging”" in html and project.url in html


def test_a_national_editor_sees_every_log(log, editor_client):
    moderator = editor_client(Group.objects.get(name="Moderators"), "landelijk")
    listed = moderator.get(reverse("opportunities_logs")).content.decode()
    assert listed.count("Kansenlog") == 2
