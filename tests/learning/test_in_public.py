"""Proposals and stories where people meet them: the practice they adopt, the meeting's page, the
municipality page, search, the API, the feeds, the sitemap and the newsletter composer."""

import datetime
import json

import pytest
from django.test import Client

from events.factories import EventIndexPageFactory, EventPageFactory
from geography.models import Municipality
from learning import follow_up
from learning.factories import ProposalPageFactory, StoryPageFactory, owner
from newsletters.blocks import IssueBodyBlock


@pytest.fixture
def adopted(proposals, practice_db, site_tree):
    """A 2020 meeting in Groningen's calendar, and a proposal made there for Westerkwartier that adopts
    practice A."""
    calendar = EventIndexPageFactory(parent=site_tree["groningen"])
    meeting = EventPageFactory(parent=calendar, title="Leren van Ervaringen", days=-400)
    proposal = ProposalPageFactory(
        parent=proposals["groningen"],
        title="Thuiszitters eerder zien",
        meeting=meeting,
        made_on=datetime.date(2020, 2, 13),
        practice=practice_db["a"],
        adoption="overnemen",
        problem="Een leerling zat maanden thuis voordat iemand het zag.",
        actions=[owner(7, owner_role="schoolcontactpersoon")],
    )
    proposal.municipalities.add(Municipality.objects.get(name="Westerkwartier"))
    proposal.save_revision().publish()
    return {"meeting": meeting, "proposal": proposal, "practice": practice_db["a"]}


@pytest.mark.django_db
def test_the_practice_names_the_proposal_that_adopted_it(adopted):
    html = Client().get(adopted["practice"].url).content.decode()
    assert "Overgenomen na Leren van Ervaringen</a>, Westerkwartier 2020" in html


@pytest.mark.django_db
def test_the_meeting_and_the_municipality_show_the_proposal(adopted):
    assert "Thuiszitters eerder zien" in Client().get(adopted["meeting"].url).content.decode()
    municipality = Client().get("/gemeenten/westerkwartier/").content.decode()
    assert "Verbetervoorstellen voor Westerkwartier" in municipality and "Thuiszitters eerder zien" in municipality
    other = Client().get("/gemeenten/leiden/").content.decode()
    assert "Thuiszitters eerder zien" not in other


@pytest.mark.django_db
def test_the_api_shows_what_the_page_shows_and_never_an_address(adopted, stories):
    follow_up.run()
    api = Client().get("/api/v2/pages/", {"type": "learning.ProposalPage", "fields": "*"})
    assert api.status_code == 200
    text = api.content.decode()
    data = json.loads(text)
    [item] = [item for item in data["items"] if item["title"] == "Thuiszitters eerder zien"]
    assert item["public_actions"][0]["owner"] == "schoolcontactpersoon, Gemeente 7"
    assert item["public_actions"][0]["status"] == "aangekondigd"
    assert item["municipalities"][0]["name"] == "Westerkwartier"
    assert "@example.org" not in text and "Eigenaar 7" not in text

    StoryPageFactory(
        parent=stories["groningen"], title="Lang wachten", teller_name="Noor", teller_email="noor@example.org"
    )
    stories_api = Client().get("/api/v2/pages/", {"type": "learning.StoryPage", "fields": "*"}).content.decode()
    assert "Lang wachten" in stories_api and "noor@example.org" not in stories_api and "Noor" not in stories_api


@pytest.mark.django_db
def test_the_overviews_have_feeds_and_the_pages_are_in_the_sitemap(adopted, stories):
    feed = Client().get(adopted["proposal"].get_parent().url + "rss/")
    assert feed.status_code == 200 and "Thuiszitters eerder zien" in feed.content.decode()
    StoryPageFactory(parent=stories["groningen"], title="Lang wachten")
    assert "Lang wachten" in Client().get(stories["groningen"].url + "rss/").content.decode()
    sitemap = Client().get("/sitemap.xml").content.decode()
    assert adopted["proposal"].url in sitemap


@pytest.mark.django_db
def test_search_finds_proposals_and_stories_by_their_words(adopted, stories):
    StoryPageFactory(
        parent=stories["groningen"], title="Lang wachten", story="Niemand belde ons terug over de jeugdarts."
    )
    found = Client().get("/zoeken/", {"q": "leerling"}).content.decode()
    assert "Thuiszitters eerder zien" in found
    assert "Lang wachten" in Client().get("/zoeken/", {"q": "jeugdarts"}).content.decode()


@pytest.mark.django_db
def test_an_issue_can_carry_a_section_of_proposals(adopted):
    from newsletters.email import IssueRenderer
    from newsletters.models import NewsletterList, NewsletterPage

    stream = IssueBodyBlock()
    assert {"proposals", "stories"} <= set(stream.child_blocks)
    section = {"heading": "Geleerd", "intro": "", "pages": [adopted["proposal"].pk]}
    body = [("proposals", stream.child_blocks["proposals"].to_python(section))]
    issue = NewsletterPage(
        title="Editie", newsletter=NewsletterList.objects.create(name="Leren", slug="leren"), body=body
    )
    [rendered] = IssueRenderer(issue).sections
    assert rendered.items[0].title == "Thuiszitters eerder zien"
