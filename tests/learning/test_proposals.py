"""The proposals in public: the page with its actions and timeline, the overviews with their
filters, counts and figures, and what they cost in queries."""

import datetime
import uuid

import pytest
from django.test import Client
from django.utils import timezone

from learning import follow_up
from learning.factories import ProposalIndexPageFactory, ProposalPageFactory, owner
from learning.figures import Filters
from learning.models import ActionUpdate, FollowUp
from tests.hostile_inputs import HOSTILE_VALUES


def answered(email, status, days_late=0, **extra):
    """The owner of ``email`` answered ``status``, ``days_late`` after the follow-up date; accepted."""
    found = FollowUp.objects.get(owner_email=email)
    update, _created = follow_up.answer(found, {"status": status, "text": f"Stand: {status}.", **extra}, uuid.uuid4())
    moment = timezone.make_aware(datetime.datetime.combine(found.due_on, datetime.time(12))) + datetime.timedelta(
        days=days_late
    )
    FollowUp.objects.filter(pk=found.pk).update(answered_at=moment, answered_in_time=days_late <= 92)
    follow_up.accept(update, None)
    return update


@pytest.fixture
def loop(proposals, site_tree):
    """The national overview over Groningen's proposal (one action done in time, one stopped late)
    and SAMEN's of 2020 (one action without an answer)."""
    national = ProposalIndexPageFactory(parent=site_tree["home"])
    old = ProposalPageFactory(
        parent=proposals["samen"],
        title="Samen aan tafel",
        made_on=datetime.date(2020, 2, 13),
        actions=[owner(3)],
    )
    follow_up.run()
    answered("eigenaar1@example.org", "klaar", days_late=10)
    answered("eigenaar2@example.org", "gestopt", days_late=120, why_stopped="Geen budget.")
    FollowUp.objects.filter(owner_email="eigenaar3@example.org").update(silent_at=timezone.now())
    FollowUp.objects.get(owner_email="eigenaar3@example.org").refresh_status()
    return {**proposals, "national": national, "old": old}


@pytest.mark.django_db
def test_the_national_overview_shows_the_figures_that_keep_everyone_honest(loop):
    html = Client().get(loop["national"].url).content.decode()
    assert "Eén aanspreekpunt" in html and "Samen aan tafel" in html
    figures = {
        "Voorstellen": "2",
        "Acties": "3",
        "Beantwoord binnen drie maanden na de opvolgdatum": '33% <span class="muted">(1 van 3)',
        "Klaar": '33% <span class="muted">(1 van 3)',
        "Gestopt": '33% <span class="muted">(1 van 3)',
    }
    for label, value in figures.items():
        assert f"<dt>{label}</dt><dd>{value}" in html, label


@pytest.mark.django_db
def test_filters_narrow_the_list_and_the_figures_and_count_each_option(loop):
    client = Client()
    html = client.get(loop["national"].url, {"jaar": "2020"}).content.decode()
    assert "Samen aan tafel" in html and "Eén aanspreekpunt" not in html
    assert "<dt>Acties</dt><dd>1</dd>" in html and "In cijfers, voor deze filters" in html
    assert '<option value="2020" selected>2020 (1)</option>' in html
    status = client.get(loop["national"].url, {"status": "gestopt"}).content.decode()
    assert "Eén aanspreekpunt" in status and "Samen aan tafel" not in status
    assert ">Geen antwoord (1)</option>" in status  # the other options count as if chosen
    werkplaats = client.get(loop["samen"].url).content.decode()
    assert "Samen aan tafel" in werkplaats and "Eén aanspreekpunt" not in werkplaats


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_no_filter_value_breaks_the_overview(loop, value):
    for key in ("thema", "gemeente", "status", "jaar", "pagina"):
        assert Client().get(loop["national"].url, {key: value}).status_code in (200, 400)  # 400: control characters
    assert Filters.from_query({"jaar": value, "status": value}) == Filters()  # no year or status it could be


@pytest.mark.django_db
def test_the_proposal_page_shows_roles_statuses_and_the_timeline_never_an_address(loop):
    html = Client().get(loop["proposal"].url).content.decode()
    assert html.count("wethouder jeugd, Gemeente") == 2
    assert "Geen budget." in html and "Stand: klaar." in html
    assert "@example.org" not in html and "Eigenaar 1" not in html


@pytest.mark.django_db
def test_a_name_is_shown_only_with_consent(proposals):
    ProposalPageFactory(
        parent=proposals["samen"], title="Met naam", actions=[owner(5, owner_name="Fenna de Vries", name_public=True)]
    )
    from learning.models import ProposalPage

    html = Client().get(ProposalPage.objects.get(title="Met naam").url).content.decode()
    assert "Fenna de Vries, wethouder jeugd" in html


@pytest.mark.django_db
def test_the_overview_and_the_proposal_page_cost_the_same_queries_however_much_they_show(loop, page_queries):
    client = Client()
    overview = page_queries(client, loop["national"].url)
    page = page_queries(client, loop["proposal"].url)
    for number in range(4):
        extra = ProposalPageFactory(
            parent=loop["groningen"], title=f"Nog een {number}", actions=[owner(10 + number), owner(20 + number)]
        )
    follow_up.run()
    for email in ("eigenaar10@example.org", "eigenaar20@example.org"):
        answered(email, "gestart")
    assert len(page_queries(client, loop["national"].url)) == len(overview) == OVERVIEW_QUERIES
    assert len(page_queries(client, extra.url)) == len(page) == PROPOSAL_QUERIES
    assert ActionUpdate.objects.count() == 4


# The counts and figures are kept under the content version (learning/figures.py); 12 read anew.
OVERVIEW_QUERIES = 6
PROPOSAL_QUERIES = 10


@pytest.mark.django_db
def test_a_werkplaats_editor_never_opens_another_werkplaats_proposal_or_its_owners(proposals, stories, editor_client):
    """The owners' addresses are in the page editor and its revisions: closed to another werkplaats."""
    proposal = proposals["proposal"]
    samen = editor_client(proposals["samen"].get_parent().specific.editor_group, "redactie-samen")
    groningen = editor_client(proposals["groningen"].get_parent().specific.editor_group, "redactie-groningen")
    for url in (
        f"/admin/pages/{proposal.pk}/edit/",
        f"/admin/pages/{proposal.pk}/edit/preview/",
        f"/admin/pages/{proposal.pk}/history/",
        f"/admin/pages/{proposal.pk}/revisions/{proposal.latest_revision_id}/view/",
    ):
        answer = samen.get(url)
        assert answer.status_code in (302, 403) and "eigenaar1@example.org" not in answer.content.decode(), url
    own = groningen.get(f"/admin/pages/{proposal.pk}/edit/")
    assert own.status_code == 200 and "eigenaar1@example.org" in own.content.decode()
    assert samen.get(f"/admin/pages/add/learning/proposalpage/{proposals['groningen'].pk}/").status_code in (302, 403)
    from learning.factories import StoryPageFactory

    StoryPageFactory(parent=stories["groningen"], title="Gepubliceerd verhaal")
    form = samen.get(f"/admin/pages/add/learning/proposalpage/{proposals['samen'].pk}/")
    assert form.status_code == 200
    html = form.content.decode()  # the stories to choose from: the published ones, no one's drafts
    assert "Gepubliceerd verhaal" in html and "Van loket naar loket" not in html and "Negen maanden" not in html


@pytest.mark.django_db
def test_the_kept_figures_follow_an_answer_and_an_acceptance(loop):
    client = Client()
    before = client.get(loop["national"].url).content.decode()
    assert "<dt>Klaar</dt><dd>33%" in before
    found = FollowUp.objects.get(owner_email="eigenaar3@example.org")
    follow_up.accept(follow_up.answer(found, {"status": "klaar", "text": "Alsnog gedaan."}, uuid.uuid4())[0], None)
    assert "<dt>Klaar</dt><dd>67%" in client.get(loop["national"].url).content.decode()
