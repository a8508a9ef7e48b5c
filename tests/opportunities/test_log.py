"""The log in public: stages worked out from the records, the weighted ranking, the funnel."""

import re

import pytest

from opportunities.choices import Stage
from opportunities.factories import ProjectPageFactory
from opportunities.log import entries
from opportunities.models import Assessment, Criterion, Progress

pytestmark = pytest.mark.django_db

LOG_QUERIES = 11  # the page, its parent and versions; the opportunities, criteria (twice), scores, choices, projects


def score(opportunity, criterion, value):
    Assessment.objects.create(
        opportunity_key=opportunity.translation_key, criterion_key=criterion.translation_key, score=value
    )


def choose(opportunity, day="2020-03-02"):
    Progress.objects.update_or_create(opportunity_key=opportunity.translation_key, defaults={"chosen_on": day})


def stages(log):
    return {entry.opportunity.title: entry.stage for entry in entries([log["first"], log["second"], log["third"]])}


def test_the_stage_follows_from_what_happened(log):
    assert set(stages(log).values()) == {Stage.SUBMITTED}
    choose(log["first"])
    choose(log["second"])
    assert stages(log)["Maatwerk"] == Stage.PRIORITISED
    project = ProjectPageFactory(parent=log["projects"], opportunity=log["first"], status="loopt")
    ProjectPageFactory(parent=log["projects"], opportunity=log["second"], status="voorbereiding", live=False)
    assert stages(log) == {
        "Maatwerk": Stage.FUNDED,
        "Gezinsverzorging": Stage.PRIORITISED,
        "Online leren": Stage.SUBMITTED,
    }
    project.status = "gestopt"
    project.why_stopped = "Geen woningen te vinden."
    project.save_revision().publish()
    assert stages(log)["Maatwerk"] == Stage.FINISHED


def test_the_score_is_the_weighted_mean_of_the_criteria_scored(log):
    reach, feasible = Criterion.objects.filter(page=log["groningen"]).order_by("sort_order")
    score(log["first"], reach, 4)
    score(log["first"], feasible, 0)
    score(log["second"], feasible, 5)
    found = {entry.opportunity.title: entry for entry in entries([log["first"], log["second"], log["third"]])}
    assert found["Maatwerk"].score == pytest.approx((3 * 4 + 1 * 0) / 4)
    assert (found["Maatwerk"].scored, found["Maatwerk"].criteria) == (2, 2)
    assert found["Gezinsverzorging"].score == 5 and found["Gezinsverzorging"].partly_scored
    assert found["Online leren"].score is None and not found["Online leren"].partly_scored


def funnel_of(html):
    table = re.search(r'<table class="funnel-table">.*?</table>', html, re.S).group(0)
    return [
        (row[0], [int(count) for count in re.findall(r'<td class="numeric">(\d+)</td>', row[1])])
        for row in re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', table, re.S)
    ]


def test_the_funnel_counts_per_year_who_reached_each_stage_or_beyond(client, log):
    choose(log["first"])
    choose(log["second"])
    choose(log["third"], "2021-04-01")
    ProjectPageFactory(parent=log["projects"], opportunity=log["first"], status="afgerond")
    ProjectPageFactory(parent=log["projects"], opportunity=log["second"], status="loopt")
    html = client.get(log["groningen"].url).content.decode()
    assert funnel_of(html) == [("2021", [1, 1, 0, 0]), ("2020", [2, 2, 2, 1]), ("Alle jaren", [3, 3, 2, 1])]
    assert funnel_of(client.get(log["national"].url).content.decode())[-1] == ("Alle jaren", [3, 3, 2, 1])


def titles(html):
    return re.findall(r'<h2 class="ran-list__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Online leren", "Gezinsverzorging", "Maatwerk"]),
        ("?fase=geprioriteerd", ["Maatwerk"]),
        ("?jaar=2020", ["Gezinsverzorging", "Maatwerk"]),
        ("?volgorde=score", ["Maatwerk", "Gezinsverzorging", "Online leren"]),
        ("?fase=onzin&jaar=99999&volgorde=%3Cscript%3E", ["Online leren", "Gezinsverzorging", "Maatwerk"]),
    ],
)
def test_filters_and_order_and_what_is_no_option(client, log, query, expected):
    reach, _feasible = Criterion.objects.filter(page=log["groningen"]).order_by("sort_order")
    score(log["first"], reach, 5)
    score(log["second"], reach, 2)
    choose(log["first"])
    response = client.get(log["groningen"].url + query)
    assert response.status_code == 200
    assert titles(response.content.decode()) == expected


def test_the_log_runs_a_fixed_number_of_queries(client, log, page_queries):
    assert len(page_queries(client, log["groningen"].url)) == LOG_QUERIES
    for number in range(5):
        from opportunities.factories import OpportunityPageFactory

        OpportunityPageFactory(parent=log["groningen"], title=f"Nog een kans {number}")
    assert len(page_queries(client, log["groningen"].url)) == LOG_QUERIES


def test_drafts_are_not_in_the_log(client, log):
    from opportunities.factories import OpportunityPageFactory

    OpportunityPageFactory(parent=log["groningen"], title="Nog niet gelezen", live=False)
    assert "Nog niet gelezen" not in client.get(log["groningen"].url).content.decode()


OPPORTUNITY_QUERIES = 10  # the page, its werkplaats, stage (choices, projects), places, themes, its projects
PROJECT_QUERIES = 9  # the page, its werkplaats, opportunity, places, themes, ambitions, practices, updates
PROJECTS_QUERIES = 6


def test_the_opportunity_and_project_pages_run_a_fixed_number_of_queries(client, log, page_queries):
    project = ProjectPageFactory(parent=log["projects"], opportunity=log["first"])
    assert len(page_queries(client, log["first"].url)) == OPPORTUNITY_QUERIES
    assert len(page_queries(client, project.url)) == PROJECT_QUERIES
    for number in range(4):
        ProjectPageFactory(parent=log["projects"], title=f"Nog een project {number}")
    assert len(page_queries(client, log["projects"].url)) == PROJECTS_QUERIES
