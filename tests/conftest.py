import email
import email.policy
import os
import socket
from types import SimpleNamespace

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from core.factories import WerkplaatsIndexPageFactory, WerkplaatsPageFactory
from core.models import Theme
from home.factories import HomePageFactory
from newsletters.models import NewsletterIndexPage, NewsletterList
from practices.factories import PracticeIndexPageFactory, make_practice


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: rate-limit counters and search pauses do not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def bare_root():
    """A locale and a root page, whether or not an earlier transactional test emptied the database."""
    from django.contrib.contenttypes.models import ContentType

    Locale.objects.get_or_create(language_code="nl")
    return Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
    )


@pytest.fixture
def editor_client(db):
    """``log_in(group, username, language=None)``: a client logged in as a new member of ``group``
    (an editor group of a werkplaats, or Moderators), reading the admin in ``language`` if given."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.users.models import UserProfile

    def log_in(group, username="redacteur", language=None):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", "a-long-test-password")
        user.groups.add(group)
        if language:
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
        client = Client()
        client.force_login(user)
        return client

    return log_in


SITE_TREE_SLUGS = {
    "index": "/home/werkplaatsen/",
    "samen": "/home/werkplaatsen/samen/",
    "groningen": "/home/werkplaatsen/groningen/",
    "national_news": "/home/nieuws/",
    "samen_news": "/home/werkplaatsen/samen/nieuws/",
    "groningen_news": "/home/werkplaatsen/groningen/nieuws/",
    "article": "/home/werkplaatsen/samen/nieuws/terugblik-symposium/",
}


def build_site_tree():
    """Home, two werkplaatsen, a national and a werkplaats news index, and one article."""
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Wiel"}
    )
    index = WerkplaatsIndexPageFactory(parent=home, show_in_menus=True)
    samen = WerkplaatsPageFactory(parent=index, title="Werkplaats SAMEN", slug="samen", short_name="SAMEN")
    groningen = WerkplaatsPageFactory(parent=index, title="Groningen", slug="groningen", short_name="Groningen")
    ArticleIndexPageFactory(parent=home, show_in_menus=True)
    samen_news = ArticleIndexPageFactory(parent=samen)
    ArticleIndexPageFactory(parent=groningen)
    ArticlePageFactory(parent=samen_news, title="Terugblik symposium", kind="terugblik")


def forget_site_tree():
    """Take away what ``build_site_tree`` made (inside a transaction that is rolled back): the
    pages, the werkplaatsen's editor groups and collections, and the words search learned."""
    from django.contrib.auth.models import Group
    from wagtail.models import Collection

    from search.models import SearchTerm

    Page.objects.filter(depth=2).delete()
    Group.objects.filter(name__startswith="Redactie ").delete()
    Collection.objects.filter(depth__gt=1).delete()
    SearchTerm.objects.all().delete()


def find_site_tree():
    """The pages of ``build_site_tree`` as the database holds them now, or None when they are not
    all there (or the default site does not stand on them)."""
    paths = {"home": "/home/", **SITE_TREE_SLUGS}
    pages = {page.url_path: page for page in Page.objects.filter(url_path__in=paths.values()).specific()}
    site = Site.objects.filter(is_default_site=True, hostname="localhost").first()
    if len(pages) != len(paths) or site is None or site.root_page_id != pages["/home/"].pk:
        return None
    if Page.objects.filter(depth=2).count() != 1:
        return None
    return {name: pages[path] for name, path in paths.items()}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with the site tree built once per worker: every test runs in a
    transaction that is rolled back, so each finds the tree as it was built."""
    from django.db import connections, transaction

    with django_db_blocker.unblock():
        if not Page.objects.exists():
            # A transactional test at the end of an earlier run left the kept database (--reuse-db)
            # empty, migrated reference data and all: build it again, as --create-db would.
            for connection in connections.all(initialized_only=True):
                connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        with transaction.atomic():
            if find_site_tree() is None:
                build_site_tree()
        # A transactional test (serialized_rollback) restores the database as serialized when it
        # was made: serialize it again with the tree, so the restore meets the same rows.
        for connection in connections.all(initialized_only=True):
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def site_tree(db):
    """A small published site: home, two werkplaatsen, a national and a werkplaats news index.

    Built once per worker (``django_db_setup``); built again inside the test when an earlier
    transactional test emptied the database."""
    tree = find_site_tree()
    if tree is None:
        build_site_tree()
        tree = find_site_tree()
    return tree


class Mailbox:
    """An SMTP server in this process (aiosmtpd) that keeps what it receives."""

    def __init__(self):
        self.messages = []
        self.raw = []  # the bytes as received, for the tests of the encoding

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.raw.append(envelope.original_content or envelope.content)
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def to(self, address):
        return [message for message in self.messages if message["To"] == address]


class Refusing:
    """An SMTP handler that answers chosen recipients with chosen replies and takes the rest into
    ``mailbox``. ``answers`` maps an address to a reply given every time ("550 5.1.1 No such
    user"), or to a list of replies given to its next attempts in turn (["421 4.7.0 Closing"]);
    ``answers`` may be changed while the server runs."""

    def __init__(self, mailbox, answers):
        self.mailbox, self.answers = mailbox, answers

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        reply = self.answers.get(address)
        if isinstance(reply, list):
            reply = reply.pop(0) if reply else None
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        return await self.mailbox.handle_DATA(server, session, envelope)


@pytest.fixture
def refusing(mailbox):
    """``refusing(answers)``: the mailbox's server answers as ``Refusing`` says."""

    def install(answers):
        mailbox.controller.handler = Refusing(mailbox, answers)
        return mailbox.controller.handler

    return install


def unused_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now, for a server a test starts."""
    return unused_port()


@pytest.fixture
def mailbox(settings):
    port = unused_port()
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    box.controller = controller  # a test may swap in another handler
    settings.EMAIL_BACKEND = "outbox.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield box
    controller.stop()


@pytest.fixture
def newsletters(site_tree, settings):
    settings.NEWSLETTER_RATE_LIMIT = 5
    cache.clear()
    page = NewsletterIndexPage(title="Nieuwsbrieven", slug="nieuwsbrieven")
    site_tree["home"].add_child(instance=page)
    page.save_revision().publish()
    national = NewsletterList.objects.create(name="Wiel landelijk", slug="landelijk")
    samen = NewsletterList.objects.create(name="Nieuwsbrief SAMEN", slug="samen", werkplaats=site_tree["samen"])
    theme = Theme.objects.create(name="Informele steun", slug="informele-steun")
    return {"page": page, "national": national, "samen": samen, "theme": theme}


@pytest.fixture
def practice_db(site_tree):
    """National and werkplaats overviews and five practices.

    Theme 'informele-steun': A, B, C; theme 'thuiszitters': C, D. Evidence: A and D well
    described, B effective (good), C and E not assessed. Provinces used: A Groningen;
    B Zuid-Holland; C Groningen and Utrecht; D none; E (SAMEN) Zuid-Holland.
    """
    Theme.objects.get_or_create(slug="informele-steun", defaults={"name": "Informele steun"})
    Theme.objects.get_or_create(slug="thuiszitters", defaults={"name": "Thuiszitters"})
    national = PracticeIndexPageFactory(parent=site_tree["home"])
    groningen = PracticeIndexPageFactory(parent=site_tree["groningen"])
    samen = PracticeIndexPageFactory(parent=site_tree["samen"])
    a = make_practice(
        groningen,
        "Aanpak A",
        ["informele-steun"],
        [(["Groningen"], "voortgezet", {})],
        evidence_level="goed-beschreven",
        cost_band=1,
        age_min=0,
        age_max=3,
    )
    b = make_practice(
        groningen,
        "Aanpak B",
        ["informele-steun"],
        [(["Leiden"], "voortgezet", {})],
        evidence_level="effectief-goede",
        cost_band=3,
        age_min=12,
        age_max=17,
    )
    c = make_practice(
        groningen,
        "Aanpak C",
        ["informele-steun", "thuiszitters"],
        [(["Oldambt"], "voortgezet", {}), (["Utrecht"], "loopt", {})],
        evidence_level="niet-beoordeeld",
        cost_band=3,
        age_min=4,
        age_max=18,
    )
    d = make_practice(
        groningen,
        "Aanpak D",
        ["thuiszitters"],
        [],
        evidence_level="goed-beschreven",
        cost_band=5,
        age_min=18,
        age_max=23,
    )
    e = make_practice(
        samen,
        "Aanpak E",
        [],
        [(["Leiden"], "voortgezet", {})],
        evidence_level="niet-beoordeeld",
        cost_band=None,
        age_min=12,
        age_max=23,
    )
    return {"national": national, "groningen": groningen, "samen": samen, "a": a, "b": b, "c": c, "d": d, "e": e}


def pytest_collection_modifyitems(config, items):
    """A transactional test empties the database when it ends. Without ``serialized_rollback`` Django
    then recreates the content types under new ids, and every later test that restores the migrated
    database fails on them; so each transactional test must restore it."""
    for item in items:
        mark = item.get_closest_marker("django_db")
        if mark and mark.kwargs.get("transaction") and not mark.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(f"{item.nodeid}: django_db(transaction=True) needs serialized_rollback=True")


@pytest.fixture
def page_queries():
    """``page_queries(client, url, **params)``: the SQL of one GET, after a first GET that fills the
    caches (the page's cached parts built as after a publish); it fails when either request runs the
    same SQL (same parameters) twice."""
    from collections import Counter

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.http.fragments import bump_content_version

    def once(client, url, params):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, params).status_code == 200
        statements = [query["sql"] for query in captured.captured_queries]
        repeated = {sql: count for sql, count in Counter(statements).items() if count > 1}
        assert not repeated, f"{url}: the same query more than once: {repeated}"
        return statements

    def measure(client, url, **params):
        bump_content_version()
        once(client, url, params)
        return once(client, url, params)

    return measure


@pytest.fixture(scope="session")
def search_engine(tmp_path_factory, request):
    """A live OpenSearch node for the session (tests/search_engine.py), started at first use and
    stopped with the tests; or the engine at TEST_SEARCH_ENGINE_URL, left running."""
    from tests.search_engine import SearchEngine

    if os.environ.get("TEST_SEARCH_ENGINE_URL"):
        backend = os.environ.get("TEST_SEARCH_ENGINE", "opensearch2")
        yield SimpleNamespace(urls=os.environ["TEST_SEARCH_ENGINE_URL"].split(","), backend=backend)
        return
    engine = SearchEngine(tmp_path_factory.mktemp("search-engine"))
    engine.backend = "opensearch2"
    seconds = engine.start()
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None:  # in the CI log: how long the engine took to start
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"search engine: an OpenSearch node started in {seconds:.1f} s")
    yield engine
    engine.stop()
