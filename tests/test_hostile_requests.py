"""No server error for any query string, on every public URL (property-based, hypothesis).

The site is small but has every kind of page: home, werkplaats, practice overviews (national and
per werkplaats) with their CSV and comparison, a practice and its PDF, the calendar (upcoming,
past, feeds), an event and its registration form, news and its feed, newsletters and their
archive, search and its suggestions, municipalities, the API and the sitemap. Query strings are
made of the parameters these pages read and of others, with values that are slugs with dots, huge
numbers, Unicode digits, control characters, bytes that are not UTF-8 and very long text. Every
answer must be below 500. Bounded (``EXAMPLES``) to run in well under a minute.
"""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models import Theme
from events.factories import EventIndexPageFactory, EventPageFactory
from newsletters.models import NewsletterList
from tests.hostile_inputs import HOSTILE_VALUES, QUERY_KEYS

EXAMPLES = 250

values = (
    st.sampled_from(HOSTILE_VALUES) | st.text(max_size=40) | st.integers(min_value=-(10**25), max_value=10**25).map(str)
)
keys = st.sampled_from(QUERY_KEYS) | st.text(min_size=1, max_size=12)
raw_bytes = st.binary(max_size=20).map(lambda data: "".join(f"%{byte:02X}" for byte in data))


def query_string(pairs, raw):
    encoded = "&".join(f"{quote(key, safe='')}={quote(value, safe='')}" for key, value in pairs)
    return f"{encoded}&x={raw}" if raw else encoded


@pytest.fixture
def public_site(site_tree, practice_db):
    samen = site_tree["samen"]
    calendar = EventIndexPageFactory(parent=site_tree["home"])
    theme = Theme.objects.get(slug="informele-steun")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=samen), title="Leernetwerk", skj_points=2)
    event.themes = [theme]
    event.save_revision().publish()
    NewsletterList.objects.get_or_create(slug="samen", defaults={"name": "SAMEN", "werkplaats": samen})
    urls = [
        "/",
        samen.url,
        practice_db["national"].url,
        practice_db["national"].url + "csv/",
        practice_db["national"].url + "vergelijk/",
        practice_db["samen"].url,
        practice_db["a"].url,
        practice_db["a"].url + "pdf/",
        practice_db["c"].url,
        calendar.url,
        calendar.url + "afgelopen/",
        calendar.url + "ical/",
        calendar.url + "ical/thema/informele-steun/",
        event.url,
        event.url + "aanmelden/",
        site_tree["national_news"].url,
        site_tree["article"].url,
        "/zoeken/",
        "/zoeken/suggesties/",
        "/gemeenten/",
        "/gemeenten/leiden/",
        "/gemeenten/suggesties/",
        "/api/v2/pages/",
        f"/api/v2/pages/{practice_db['a'].pk}/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/pages/find/?html_path=/",
        "/sitemap.xml",
        "/robots.txt",
    ]
    client = Client()
    for url in urls:  # every page exists and answers without a query string (comparison: 400, asks for two)
        status = client.get(url).status_code
        assert status != 404 and status < 500, (url, status)
    return urls


@pytest.mark.slow
@pytest.mark.django_db
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_query_string_gives_a_server_error(public_site, data):
    url = data.draw(st.sampled_from(public_site))
    pairs = data.draw(st.lists(st.tuples(keys, values), max_size=5))
    raw = data.draw(st.none() | raw_bytes)
    joiner = "&" if "?" in url else "?"
    response = Client().get(f"{url}{joiner}{query_string(pairs, raw)}")
    assert response.status_code < 500, (url, pairs, raw)


@pytest.mark.django_db
def test_the_requests_that_once_failed_are_answered(public_site, practice_db):
    """The causes of server errors found by fuzzing, each answered without one."""
    client = Client()
    national = practice_db["national"].url
    calendar = next(url for url in public_site if url.endswith("/ical/")).removesuffix("ical/")
    answers = {
        f"{national}?kosten=x": 200,  # an unknown cost band is no filter
        f"{national}csv/?kosten=x": 200,
        f"{calendar}?thema=a.b": 200,  # not a slug: no filter (and no broken feed link)
        f"{national}?thema=%00": 400,  # NUL: refused before any view
        "/zoeken/?q=a%00b": 400,
        f"{national}vergelijk/?p=%C2%B2&p=1": 400,  # "²" is no number; one practice is too few
        "/api/v2/documents/?search=": 200,
        "/api/v2/pages/?offset=99999999999999999999": 400,
        "/api/v2/pages/?search=x&search_operator=xx": 400,
        "/api/v2/pages/?locale=zz": 404,  # Wagtail: no such locale
    }
    answers.update(
        {
            "/api/v2/pages/find/?id=abc": 400,  # ids that are no number: a 400, not a 500
            "/api/v2/images/find/?id=1e999": 400,
            "/api/v2/documents/find/?id=[]": 400,
            "/api/v2/pages/find/?id=99999999999999999999": 400,
            f"/api/v2/pages/find/?id={practice_db['a'].pk}": 302,  # a real one: to its detail
            "/api/v2/pages/?first_published_at=x": 400,  # a date filter that is no date
            f"/api/v2/pages/{practice_db['a'].pk}/?first_published_at=x": 400,
            "/api/v2/pages/?type=practices.PracticePage&last_reviewed=2024-13-45": 400,
            "/media/images/" + "a" * 300 + ".jpg": 404,  # a name too long for the disk
            "/media/" + "b/" * 2000: 404,
        }
    )
    for url, status in answers.items():
        assert client.get(url).status_code == status, url
    assert client.get(f"{calendar}?thema=a.b").context["chosen"] == {}
    listing = client.get(f"{national}?kosten=x&kosten=3")
    cost = next(facet for facet in listing.context["facets"] if facet.key == "kosten")
    assert [option.value for option in cost.selected] == ["3"]
