import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from wagtail.models import Locale, Page, Site

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from core.factories import WerkplaatsIndexPageFactory, WerkplaatsPageFactory
from home.factories import HomePageFactory


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
def site_tree(db):
    """A small published site: home, two werkplaatsen, a national and a werkplaats news index."""
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
    national_news = ArticleIndexPageFactory(parent=home, show_in_menus=True)
    samen_news = ArticleIndexPageFactory(parent=samen)
    groningen_news = ArticleIndexPageFactory(parent=groningen)
    article = ArticlePageFactory(parent=samen_news, title="Terugblik symposium", kind="terugblik")
    return {
        "home": home,
        "index": index,
        "samen": samen,
        "groningen": groningen,
        "national_news": national_news,
        "samen_news": samen_news,
        "groningen_news": groningen_news,
        "article": article,
    }


class Mailbox:
    """An SMTP server in this process (aiosmtpd) that keeps what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def to(self, address):
        return [message for message in self.messages if message["To"] == address]


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mailbox(settings):
    port = free_port()
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    box.controller = controller  # a test may swap in another handler
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield box
    controller.stop()
