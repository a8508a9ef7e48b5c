"""Real-browser journeys: Debian's Chromium driven by Playwright, every page checked by axe-core."""

import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import forget_site_tree

CHROMIUM = "/usr/bin/chromium"
AXE_JS = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed data; each journey starts from the migrated database,
    # whatever a transactional test before it left behind.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian's chromium is not installed (make test installs it)"),
]


@pytest.fixture(scope="module")
def browser(django_db_setup):
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the
    # test itself stay synchronous, so allowing them here is safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's loop gives the tests their own database connection objects (Django keeps one
    # per context); they need the migrated database's copy to restore it after a flush.
    snapshots = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        for alias, contents in snapshots.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        yield CSPBrowser(browser)
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


AXE_PATH = "/__axe-core.js"  # served by the test on the page's own origin, so the site's CSP allows it


def axe_violations(page):
    """axe-core's violations, and the Content-Security-Policy messages the page logged (none expected)."""
    origin = page.url.split("/", 3)[:3]
    page.route(f"**{AXE_PATH}", lambda route: route.fulfill(path=str(AXE_JS), content_type="text/javascript"))
    page.add_script_tag(url="/".join(origin) + AXE_PATH)
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    found = [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    return found + [("csp", message, []) for message in getattr(page, "csp_messages", [])]


class CSPBrowser:
    """The browser, with every page listening for the messages Chromium logs when the site's
    Content-Security-Policy blocks something: a page that needs an inline script or an outside
    resource fails its axe check too."""

    def __init__(self, browser):
        self.browser = browser

    def close_pages(self):
        """Close every page a journey left open, so none asks the server anything more (an admin
        page's autosave, a late icon) while the database is emptied for the next journey."""
        for context in self.browser.contexts:
            for page in context.pages:
                page.close()

    def new_page(self, **options):
        return self._watched(self.browser.new_page(**options))

    def new_context(self, **options):
        context = self.browser.new_context(**options)
        context.on("page", self._watched)
        return context

    @staticmethod
    def _watched(page):
        page.csp_messages = []
        page.on(
            "console",
            lambda message: (
                page.csp_messages.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        return page


_snapshot = {}


@pytest.fixture
def demo_site(live_server):
    """The demo content behind the live server, loaded once per run and restored for each journey.

    Each journey is a transactional test (the live server reads committed data), and Django
    empties the database after each. On SQLite the first load is copied aside with SQLite's
    backup API and copied back for the next journeys; on PostgreSQL each journey loads it.
    """
    from django.db import connection
    from wagtail.models import Site

    if connection.vendor == "sqlite" and "copy" in _snapshot:
        _snapshot["copy"].backup(connection.connection)
    else:
        forget_site_tree()  # the demo builds its own site where the other tests' tree stands
        with open(os.devnull, "w") as quiet:
            call_command("load_demo_content", stdout=quiet)
        if connection.vendor == "sqlite":
            import sqlite3

            _snapshot["copy"] = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(_snapshot["copy"])
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=live_server.thread.port)
    return live_server


@pytest.fixture(autouse=True)
def quiet_server(request):
    """After each journey: its pages closed and the live server's requests finished, before the
    transactional test empties the database (a request still running then locks a table on SQLite,
    and every later journey would start from a half-emptied database)."""
    yield
    if "browser" in request.fixturenames:
        request.getfixturevalue("browser").close_pages()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name and thread.is_alive() for thread in threading.enumerate()
    ):
        time.sleep(0.05)


PHONE = {"width": 375, "height": 812}


def test_home_article_and_language_switch(demo_site, browser):
    home_article_and_language_switch(demo_site, browser.new_page())


def test_find_filter_fit_and_compare_practices(demo_site, browser):
    find_filter_fit_and_compare_practices(demo_site, browser.new_page())


def test_find_and_register_for_an_event(demo_site, browser):
    find_and_register_for_an_event(demo_site, browser.new_page())


def test_subscribe_confirm_and_unsubscribe(demo_site, browser):
    subscribe_confirm_and_unsubscribe(demo_site, browser.new_page())


def test_search_from_the_header(demo_site, browser):
    search_from_the_header(demo_site, browser.new_page())


def test_fit_for_den_haag_on_a_phone(demo_site, browser):
    fit_for_den_haag_on_a_phone(demo_site, browser.new_page(viewport=PHONE), javascript=True)


def test_fit_without_javascript(demo_site, browser):
    without_javascript = browser.new_context(java_script_enabled=False, viewport=PHONE)
    fit_for_den_haag_on_a_phone(demo_site, without_javascript.new_page(), javascript=False)
    fit_check_without_javascript(demo_site, without_javascript.new_page())
    without_javascript.close()


def test_municipalities_like_mine(demo_site, browser):
    municipalities_like_mine(demo_site, browser.new_page())


def test_wagtails_checker_on_every_page_type(demo_site, browser):
    wagtails_checker_on_every_page_type(demo_site, browser.new_page())


def home_article_and_language_switch(live_server, page):
    page.goto(live_server.url + "/")
    assert page.locator("h1").first.inner_text().startswith("Leren van wat elders werkt")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Niet elk wiel past op elke wagen").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Niet elk wiel past op elke wagen"
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Not every wheel fits every cart"
    assert axe_violations(page) == []

    for path in [
        "/werkplaatsen/samen/",
        "/nieuws/",
        "/en/",
        "/en/practices/",
        "/werkplaatsen/samen/praktijkvoorbeelden/",
    ]:
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path


def find_filter_fit_and_compare_practices(live_server, page):
    # From the home page's finder: type a municipality, see the practices that fit it first.
    page.goto(live_server.url + "/")
    finder = page.get_by_role("combobox", name="Mijn gemeente")
    finder.fill("Gron")
    page.get_by_role("option", name="Groningen").first.click()
    page.get_by_role("button", name="Toon praktijkvoorbeelden").click()
    page.wait_for_load_state()
    assert "gemeente=groningen" in page.url and page.url.endswith("#fit-answer")  # the canonical URL of the answer
    assert "gesorteerd op hoe goed ze passen bij Groningen" in page.locator(".listing-status").inner_text()
    assert page.locator(".practice-card .fit").first.inner_text().startswith("Past goed")
    page.goto(live_server.url + "/passend/?fit=wissen&naar=/praktijkvoorbeelden/")
    assert axe_violations(page) == []

    # Filter by a theme: the count in the facet is the number of results.
    facet = page.get_by_role("group", name="Thema").get_by_label("Informele steun")
    expected = int(facet.locator("xpath=following-sibling::label").inner_text().rsplit("(", 1)[1].rstrip(")"))
    facet.check()
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_load_state()
    assert "thema=informele-steun" in page.url
    assert page.locator(".practice-card").count() == expected

    # Pick a municipality with the type-ahead: it lists matches as you type.
    combobox = page.get_by_role("combobox", name="Mijn gemeente")
    combobox.fill("leeuw")
    option = page.get_by_role("option", name="Leeuwarden")
    option.wait_for()
    combobox.press("ArrowDown")
    combobox.press("Enter")
    assert combobox.input_value() == "Leeuwarden"
    page.get_by_role("button", name="Bekijk of het past").click()
    page.wait_for_load_state()
    assert "gemeente=leeuwarden" in page.url and "thema=informele-steun" in page.url  # the filter kept
    assert page.locator(".practice-card .fit").count() == expected
    assert axe_violations(page) == []

    # Compare the first two practices.
    boxes = page.locator(".practice-card__compare input")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Vergelijk", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Praktijkvoorbeelden vergelijken"
    assert page.locator(".compare-table thead th").count() == 2
    assert "Leeuwarden" in page.locator(".compare-table").inner_text()  # fit shown for the remembered municipality
    assert axe_violations(page) == []

    # The practice page keeps the municipality (cookie) and is clean too.
    page.locator(".compare-table thead th a").first.click()
    page.wait_for_load_state()
    assert page.locator(".fit-answer .fit").count() == 1
    assert axe_violations(page) == []

    # Printed, it is a reference sheet: no navigation or form, the fit result and record stay.
    page.emulate_media(media="print")
    assert page.locator(".fit-form").first.is_hidden()
    assert page.locator(".main-nav").is_hidden()
    assert page.locator(".fit-answer .fit").is_visible()
    assert page.locator(".map--practice .map__svg").is_visible()  # the map prints with the record
    assert page.locator(".record-table").is_visible()
    page.emulate_media(media="screen")


def fit_check_without_javascript(live_server, page):
    """Without JavaScript the municipality is a plain text field, and the fit check still works."""
    page.goto(live_server.url + "/werkplaatsen/utrecht/praktijkvoorbeelden/jim-jouw-informele-mentor/")
    page.get_by_label("Mijn gemeente", exact=True).fill("Zeist")
    page.get_by_role("button", name="Bekijk of het past").click()
    page.wait_for_load_state()
    result = page.locator(".fit-answer .fit").inner_text()
    assert "Past goed" in result
    assert "Al gebruikt in Zeist" in result
    # A name it does not know: asked again, with the nearest names to pick from.
    page.get_by_label("Mijn gemeente", exact=True).fill("Zeisst")
    page.get_by_role("button", name="Bekijk of het past").click()
    page.wait_for_load_state()
    assert "Wij kennen geen gemeente die Zeisst heet." in page.locator("#fit-answer").inner_text()
    page.locator("#fit-answer").get_by_role("link", name="Zeist").click()
    page.wait_for_load_state()
    assert "Al gebruikt in Zeist" in page.locator(".fit-answer .fit").inner_text()


def answer_on_screen(page):
    """The fit answer is what the reader sees first: its top lies within the first screen."""
    box = page.locator("#fit-answer").bounding_box()
    return box is not None and 0 <= box["y"] < page.viewport_size["height"] / 3


def fit_for_den_haag_on_a_phone(live_server, page, javascript):
    """On a 375 px screen, "Den Haag" (as people say it) gives the answer at the top of the screen."""
    page.goto(live_server.url + "/werkplaatsen/samen/praktijkvoorbeelden/buurtgezinnen/")
    field = page.locator("#fit-municipality")  # a combobox with JavaScript, a text field without
    assert field.get_attribute("role") == ("combobox" if javascript else None)
    if javascript:
        field.fill("Den H")
        page.get_by_role("option", name="'s-Gravenhage (Den Haag)").click()
        assert field.input_value() == "'s-Gravenhage"
    else:
        field.fill("Den Haag")
    page.get_by_role("button", name="Bekijk of het past").click()
    page.wait_for_load_state()
    assert page.url.endswith("#fit-answer")
    assert answer_on_screen(page), page.locator("#fit-answer").bounding_box()
    answer = page.locator("#fit-answer").inner_text()
    # Chosen from the list, the official name; typed without JavaScript, the name as typed heads it.
    heading = "Past het bij 's-Gravenhage?" if javascript else "Past het bij Den Haag?"
    assert heading in answer and "Al gebruikt in 's-Gravenhage" in answer
    assert page.locator(".map--practice .map__svg .map__home").count() == 1  # the reader's municipality on the map
    if javascript:  # axe itself needs JavaScript; the page it checks is the same either way
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        assert axe_violations(page) == []


def municipalities_like_mine(live_server, page):
    page.goto(live_server.url + "/werkplaatsen/samen/praktijkvoorbeelden/buurtgezinnen/?gemeente=den+haag")
    assert axe_violations(page) == []  # the practice page with its map and the answer, at desktop width
    page.get_by_role("link", name="Gemeenten zoals 's-Gravenhage, en wat daar liep").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Gemeenten zoals 's-Gravenhage"
    from geography.places import Geography

    geography = Geography.load()
    listed = geography.most_similar(geography.find("Den Haag"))
    assert listed and page.locator(".similar-table tbody tr").count() == 1 + len(listed)  # itself, then those like it
    assert page.locator(".map--similar .map__place").count() == len(listed)  # the same places on the map
    assert "Buurtgezinnen" in page.locator(".ran-list").inner_text()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 375, "height": 812})
    assert axe_violations(page) == []
    page.goto(live_server.url + "/gemeenten/")
    assert axe_violations(page) == []
    page.get_by_role("combobox", name="Gemeente").fill("Weesp")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_load_state()
    assert "Weesp hoort sinds 2022 bij Amsterdam." in page.locator("main").inner_text()


def find_and_register_for_an_event(live_server, page):
    from django.core import mail

    from events.models import Registration

    page.goto(live_server.url + "/agenda/?vorm=online")
    page.get_by_role("link", name="Online: thuiszitters, een jaar later").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Aanmelden").click()
    page.wait_for_load_state()
    assert axe_violations(page) == []
    page.get_by_label("Naam").fill("Sanne de Vries")
    page.get_by_label("E-mailadres").fill("sanne@example.org")
    page.get_by_label("Ik ga ermee akkoord", exact=False).check()
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Je hebt een plek"
    assert axe_violations(page) == []
    registration = Registration.objects.get(email="sanne@example.org")
    assert registration.status == "bevestigd"
    assert any("sanne@example.org" in message.to for message in mail.outbox)


def subscribe_confirm_and_unsubscribe(live_server, page):
    """Subscribe with the form, confirm from the e-mailed link, leave with one click; and read the archive."""
    import re

    from django.core import mail
    from django.urls import reverse

    from newsletters.models import NewsletterIndexPage, Subscription
    from newsletters.subscription import unsubscribe_token

    mail.outbox.clear()
    overview = NewsletterIndexPage.objects.get(locale__language_code="nl")
    page.goto(live_server.url + overview.url)
    assert axe_violations(page) == []
    page.get_by_role("textbox", name="E-mailadres").fill("nieuwe.lezer@example.org")
    page.get_by_label("Nieuwsbrief SAMEN").check()
    page.get_by_role("checkbox", name=re.compile("^Ik wil de aangevinkte")).check()
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    assert axe_violations(page) == []
    assert Subscription.objects.get(subscriber__email="nieuwe.lezer@example.org").status == "wacht"

    link = re.search(r"https?://[^/]+(/\S+/bevestigen/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(live_server.url + link)
    assert axe_violations(page) == []
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert axe_violations(page) == []
    subscription = Subscription.objects.get(subscriber__email="nieuwe.lezer@example.org")
    assert subscription.status == "actief"

    page.goto(live_server.url + reverse("newsletter_unsubscribe", args=[unsubscribe_token(subscription)]))
    assert axe_violations(page) == []
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert axe_violations(page) == []
    assert Subscription.objects.get(pk=subscription.pk).status == "afgemeld"

    page.goto(live_server.url + overview.url + overview.reverse_subpage("archive"))
    assert axe_violations(page) == []
    page.get_by_role("link", name=re.compile("SAMEN in het najaar")).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("SAMEN in het najaar")
    assert axe_violations(page) == []


def search_from_the_header(live_server, page):
    page.goto(live_server.url + "/")
    page.get_by_role("banner").get_by_role("combobox", name="Zoeken").fill("buurtgezinnen")
    page.get_by_role("search").get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Zoeken"
    assert page.locator(".search-result").count() >= 1
    assert axe_violations(page) == []
    facets = page.locator("main form.facets")
    facets.get_by_role("checkbox", name=re.compile("^Praktijkvoorbeeld")).check()
    facets.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_load_state()
    kinds = page.locator(".search-result .tag").all_inner_texts()
    assert kinds and set(kinds) == {"Praktijkvoorbeeld"}
    assert page.get_by_role("list", name="Actieve filters").get_by_role("link").count() == 1
    assert axe_violations(page) == []

    # Suggestions while typing: arrow down to one, Enter opens it.
    field = page.locator("main").get_by_role("combobox")
    field.fill("")
    field.press_sequentially("buurtgez", delay=30)
    option = page.get_by_role("option", name=re.compile("^Buurtgezinnen"))
    option.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    assert axe_violations(page) == []
    for _step in range(10):  # the practice may not be the first suggestion
        if field.get_attribute("aria-activedescendant") == option.get_attribute("id"):
            break
        field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == option.get_attribute("id")
    field.press("Enter")
    page.wait_for_url(re.compile("/buurtgezinnen/$"))
    assert page.locator("h1").inner_text() == "Buurtgezinnen"


def public_page_of_each_type():
    """The URL of one live page of every page type the demo has (a newsletter issue once it is sent)."""
    from wagtail.models import Page

    found = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        kind = type(page).__name__
        if kind not in found and getattr(page, "is_sent", True):
            found[kind] = (page.pk, page.url)
    return found


def wagtails_checker_on_every_page_type(live_server, page):
    """An editor on the public site: Wagtail's userbar is there, and its accessibility checker
    finds no issue on any page type; in the page editor, the Checks panel (which runs the same
    checker on the preview) counts the words and finds no issue either."""
    from django.conf import settings

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", settings.WIEL_DEMO_ADMIN_USERNAME)
    page.fill("input[name=password]", os.environ.get("WIEL_DEMO_PASSWORD", "wiel-demo-2025"))
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    kinds = public_page_of_each_type()
    assert {"HomePage", "WerkplaatsPage", "ArticlePage", "PracticePage", "EventPage", "NewsletterPage"} <= set(kinds)
    problems = []
    for kind, (pk, url) in kinds.items():
        page.csp_messages.clear()
        page.goto(live_server.url + url)
        page.click("wagtail-userbar #wagtail-userbar-trigger")
        page.wait_for_function(
            "() => document.querySelector('wagtail-userbar').shadowRoot"
            ".querySelector('#checker-trigger [data-content-checker-count]').textContent.trim() !== ''",
            timeout=15000,
        )
        count = page.locator("wagtail-userbar #checker-trigger [data-content-checker-count]").first.text_content()
        if count.strip() != "0":
            page.click("wagtail-userbar #checker-trigger")
            names = page.locator("wagtail-userbar [data-content-checker-name]").all_text_contents()
            problems.append((kind, url, names))
        if page.csp_messages:
            problems.append((kind, url, page.csp_messages[:]))
        page.goto(f"{live_server.url}/admin/pages/{pk}/edit/")
        page.click('[data-side-panel-toggle="checks"]')
        panel = page.locator('[data-side-panel="checks"]')
        page.wait_for_function(
            "() => !['', '-'].includes(document.querySelector('[data-side-panel=\"checks\"] "
            "[data-content-word-count]').textContent.trim())",
            timeout=20000,
        )
        words = panel.locator("[data-content-word-count]").text_content().strip()
        issues = panel.locator("[data-content-checker-count]").text_content().strip()
        if not words.replace(".", "").isdigit() or int(words.replace(".", "")) == 0 or issues != "0":
            problems.append((kind, f"editor {pk}", words, issues))
    assert problems == [], problems


DESKTOP = {"width": 1280, "height": 800}
PAGE_TYPES = [
    "/",
    "/werkplaatsen/",
    "/werkplaatsen/samen/",
    "/praktijkvoorbeelden/",
    "/praktijkvoorbeelden/?thema=informele-steun&gemeente=leiden",
    "/werkplaatsen/samen/praktijkvoorbeelden/buurtgezinnen/",
    "/nieuws/",
    "/werkplaatsen/samen/nieuws/terugblik-symposium-informele-steun/",
    "/agenda/",
    "/agenda/afgelopen/",
    "/nieuwsbrieven/",
    "/nieuwsbrieven/archief/",
    "/zoeken/?q=jongeren",
    "/gemeenten/",
    "/gemeenten/leiden/",
    "/gemeenten/groningen/",
    "/ambities/",
    "/werkplaatsen/samen/ambities/informele-steun-in-elk-traject/",
    "/werkplaatsen/groningen/ambities/thuis-en-veilig-opgroeien/",
    "/werkplaatsen/groningen/",
    "/werkplaatsen/groningen/kansenlog/",
    "/werkplaatsen/groningen/kansenlog/kans-indienen/",
    "/werkplaatsen/groningen/kansenlog/maatwerk-voor-dakloze-jongeren/",
    "/projecten/",
    "/projecten/?status=loopt",
    "/werkplaatsen/groningen/projecten/pilot-gezinsverzorging/",
    "/jaarverslagen/",
    "/werkplaatsen/groningen/jaarverslagen/jaarverslag-2020/",
    "/werkplaatsen/groningen/jaarverslagen/jaarverslag-2020/cijfers/events_held/",
    "/werkplaatsen/samen/jaarverslagen/jaarverslag/",
    "/privacy/",
    "/toegankelijkheid/",
    "/en/",
    "/en/practices/",
    "/en/events/",
]


# The blocks that must share one left edge (where their text starts), and how wide the page is.
BLOCKS = ".site-header__bar, main > .breadcrumbs, main .container, .site-footer > .container"
LAYOUT_JS = """(blocks) => {
    const edge = e => Math.round(e.getBoundingClientRect().left + parseFloat(getComputedStyle(e).paddingLeft));
    const found = [...document.querySelectorAll(blocks)].map(edge);
    return {width: document.documentElement.scrollWidth, edges: [...new Set(found)]};
}"""


def test_every_page_type_at_phone_and_desktop_width(demo_site, browser):
    """axe-core finds nothing at 375 and 1280 px, nothing is wider than the screen, every block
    starts at the same left edge, and the first result of a listing is on the first screen."""
    from events.models import EventPage
    from practices.models import PracticePage

    event = EventPage.objects.live().filter(locale__language_code="nl", registration_enabled=True).first()
    ids = PracticePage.objects.live().filter(locale__language_code="nl").values_list("pk", flat=True)[:3]
    paths = [
        *PAGE_TYPES,
        event.url,
        event.url + "aanmelden/",
        "/praktijkvoorbeelden/vergelijk/?" + "&".join(f"p={pk}" for pk in ids),
    ]
    problems = []
    for viewport in (PHONE, DESKTOP):
        page = browser.new_page(viewport=viewport)
        for path in paths:
            page.goto(demo_site.url + path)
            found = axe_violations(page)
            if found:
                problems.append((viewport["width"], path, found))
            layout = page.evaluate(LAYOUT_JS, BLOCKS)
            if layout["width"] > viewport["width"]:
                problems.append((viewport["width"], path, f"{layout['width']} px wide"))
            if len(layout["edges"]) != 1:
                problems.append((viewport["width"], path, f"left edges {layout['edges']}"))
        for path, first in (("/praktijkvoorbeelden/", ".practice-card"), ("/zoeken/?q=jongeren", ".search-result")):
            page.goto(demo_site.url + path)
            box = page.locator(first).first.bounding_box()
            if not box or box["y"] >= viewport["height"]:
                problems.append((viewport["width"], path, f"first result at {box and box['y']}"))
        page.close()
    assert problems == [], "\n".join(map(str, problems))


def marked_in_menu(page):
    """The main menu's items marked as the section being read."""
    return page.eval_on_selector_all(".site-menu a[aria-current=page]", "links => links.map(a => a.textContent.trim())")


SAME_LINE_JS = """(selector) => [...document.querySelectorAll(selector)].map(box => {
    const label = document.querySelector(`label[for="${box.id}"]`);
    return [box.name, Math.abs(box.getBoundingClientRect().top - label.getBoundingClientRect().top)];
})"""


def test_the_screens_a_reader_meets_at_phone_and_desktop_width(demo_site, browser):
    """Each screen of issue 30, measured at 375 and 1280 px: the comparison fits, checkboxes sit with
    their labels, the regions are grouped, the filters apply from the top, the event's way in is on
    the first screen, the menu marks the section read, the footer reaches the bottom, and the home
    page shows what is coming."""
    from events.models import EventPage
    from practices.models import PracticePage

    event = next(
        event
        for event in EventPage.objects.live().filter(locale__language_code="nl").order_by("start")
        if event.registration_open
    )
    practices = PracticePage.objects.live().filter(locale__language_code="nl")
    practice = practices.first()
    compare = "/praktijkvoorbeelden/vergelijk/?" + "&".join(
        f"p={pk}" for pk in practices.values_list("pk", flat=True)[:3]
    )
    problems = []
    for viewport in (PHONE, DESKTOP):
        width, page = viewport["width"], browser.new_page(viewport=viewport)

        def check(condition, what):
            if not condition:
                problems.append((width, what))  # noqa: B023 (the page of this width)

        page.goto(demo_site.url + compare + "&gemeente=leiden")
        check(page.evaluate("document.documentElement.scrollWidth") <= width, "comparison wider than the screen")
        sticky = page.locator(".compare-table tbody th").first.evaluate("e => getComputedStyle(e).position")
        check(sticky == "sticky", f"first column {sticky}")

        page.goto(demo_site.url + "/nieuwsbrieven/")
        check(all(gap < 8 for _name, gap in page.evaluate(SAME_LINE_JS, ".form-field--checkbox > input")), "consent")
        regions = page.locator(".region-choices")
        check(regions.locator("input[type=checkbox]").count() == 42, "42 regions as checkboxes")
        check(regions.locator("fieldset legend").count() == 12, "regions grouped by 12 provinces")
        check(page.locator("select[multiple]").count() == 0, "a multi-select left")
        regions.locator("summary").click()
        check(all(gap < 8 for _name, gap in page.evaluate(SAME_LINE_JS, ".region-choices input")), "regions")
        check(axe_violations(page) == [], "axe on the newsletter form with the regions open")

        page.goto(demo_site.url + "/praktijkvoorbeelden/")
        if width < 960:
            page.locator(".panel-disclosure__toggle", has_text="Filters").click()
        form = page.locator("form.facets")
        button_y = form.get_by_role("button", name="Filters toepassen").bounding_box()["y"]
        check(button_y < form.locator("fieldset").first.bounding_box()["y"], "the filter button is not first")
        check(form.locator("[data-autosubmit-hint]").is_visible(), "the hint that filters apply at once")
        option = form.locator("fieldset input[type=checkbox]").first
        option_id = option.get_attribute("id")
        with page.expect_navigation():
            option.check()
        check(f"{option.get_attribute('name')}=" in page.url, "the filter did not apply when chosen")
        check(page.evaluate("document.activeElement.id") == option_id, "focus not back on the filter")

        page.goto(demo_site.url + event.url)
        register = page.get_by_role("link", name=re.compile("^(Aanmelden|Op de wachtlijst)"))
        visible = [box for box in (link.bounding_box() for link in register.all()) if box and box["height"]]
        check(visible and min(box["y"] for box in visible) < viewport["height"], "Aanmelden not on the first screen")
        main_text = page.locator("main").inner_text()
        check(main_text.count(event.summary) == 1, "the event's intro is printed twice")
        check(marked_in_menu(page) == ["Agenda"], f"menu on an event: {marked_in_menu(page)}")
        page.goto(demo_site.url + practice.url)
        check(marked_in_menu(page) == ["Praktijkvoorbeelden"], f"menu on a practice: {marked_in_menu(page)}")

        page.goto(demo_site.url + "/toegankelijkheid/")
        bottom = page.locator(".site-footer").bounding_box()
        check(bottom["y"] + bottom["height"] >= viewport["height"] - 1, "white band under the footer")

        page.goto(demo_site.url + "/")
        coming = page.locator("section[aria-labelledby=events-heading]")
        check(coming.locator(".event-card").count() >= 1, "no upcoming events on the home page")
        check(coming.get_by_role("link", name="Alle bijeenkomsten in de agenda").count() == 1, "no link to the agenda")
        check(page.get_by_role("link", name="Schrijf je in voor een nieuwsbrief").count() == 1, "no newsletter sign-up")
        check(page.locator("section[aria-labelledby=practices-heading] .card").count() == 3, "no new practices")
        icon = page.request.get(demo_site.url + "/favicon.ico")
        check(icon.ok and icon.headers["content-type"].startswith("image/"), "no favicon")
        touch = page.locator("link[rel=apple-touch-icon]").get_attribute("href")
        check(page.request.get(demo_site.url + touch).ok, "no touch icon")
        page.close()
    assert problems == [], "\n".join(map(str, problems))


def test_menu_and_filters_without_javascript_on_a_phone_and_a_desktop(demo_site, browser):
    phone = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = phone.new_page()
    page.goto(demo_site.url + "/praktijkvoorbeelden/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    assert menu.is_hidden()
    page.locator(".site-menu__toggle").click()
    assert menu.is_visible()
    menu.get_by_role("link", name="Agenda").click()
    page.wait_for_load_state()
    assert page.url.endswith("/agenda/")
    page.goto(demo_site.url + "/praktijkvoorbeelden/")
    facets = page.locator("form.facets")
    assert facets.is_hidden()
    page.get_by_text("Filters", exact=True).click()
    facets.get_by_role("group", name="Thema").get_by_label("Informele steun").check()
    facets.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_load_state()
    assert "thema=informele-steun" in page.url
    assert page.locator(".panel-disclosure__toggle", has_text="Filters (1)").is_visible()
    assert page.get_by_role("list", name="Actieve filters").get_by_role("link").count() == 1
    phone.close()
    desktop = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = desktop.new_page()
    page.goto(demo_site.url + "/praktijkvoorbeelden/")
    assert page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    assert page.locator(".site-menu__toggle").is_hidden()
    assert page.locator("form.facets").is_visible() and page.locator("form.fit-form").is_visible()
    desktop.close()


def admin_login(live_server, page):
    from django.conf import settings

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", settings.WIEL_DEMO_ADMIN_USERNAME)
    page.fill("input[name=password]", os.environ.get("WIEL_DEMO_PASSWORD", "wiel-demo-2025"))
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def back_in_the_explorer(page):
    """Whether the editor's action ended where a finished one does: the parent page's listing."""
    from playwright.sync_api import TimeoutError as Timeout

    try:
        page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"), timeout=10000)
    except Timeout:
        return False
    return True


def server_errors(page):
    """The answers of 500 and up that ``page`` receives, its own fetches (autosave) included."""
    errors = []
    page.on("response", lambda response: errors.append(response.url) if response.status >= 500 else None)
    return errors


# The editor autosaves about a second after typing stops: twenty clicks around that second.
MOMENTS_MS = range(600, 1600, 50)


def editor_ready(page):
    """Wait until the editor watches for changes: Wagtail's unsaved-changes controller takes the
    form's first state two seconds after it opened (a person takes longer to start typing)."""
    page.wait_for_function("() => window.wagtail?.app?.queryController('w-unsaved')?.initialFormData")


@pytest.fixture
def held(monkeypatch):
    """Set ``held.kind`` to "autosave" or "click": the page editor's requests of that kind then hold
    for a while after they have read and checked the page, just before they write it, as on a busy
    server, so that a request of the other kind can come in meanwhile. ``held.failures`` collects
    the exceptions the server raised while answering (an autosave's 500 never reaches the page)."""
    import threading
    import time

    from django.core.signals import got_request_exception
    from wagtail import hooks
    from wagtail.models import Page

    state = threading.local()  # the live server answers each request in a thread of its own

    class Held:
        kind = None
        failures = []

    def note(request, *page):
        autosave = request.method == "POST" and not request.accepts("text/html")
        state.kind = "autosave" if autosave else "click"

    checking = Page.full_clean

    def full_clean(self, *args, **kwargs):  # Wagtail checks the page once more as it saves it
        if Held.kind and getattr(state, "kind", None) == Held.kind:
            time.sleep(0.8)
        return checking(self, *args, **kwargs)

    def failed(sender, request, **kwargs):
        Held.failures.append(f"{request.method} {request.path}")

    monkeypatch.setattr(Page, "full_clean", full_clean)
    got_request_exception.connect(failed)
    with hooks.register_temporarily("before_edit_page", note), hooks.register_temporarily("before_create_page", note):
        yield Held
    got_request_exception.disconnect(failed)


# Requests at the same moment need a database that serves them at once: the SQLite test database
# is one in-memory connection shared by the test and the live server's threads.
concurrent = pytest.mark.skipif(
    __import__("django.db").db.connection.vendor != "postgresql", reason="concurrent requests need PostgreSQL"
)


@concurrent
@pytest.mark.postgres
def test_the_editors_clicks_meet_its_autosave(demo_site, browser, held):
    held.kind = "autosave"  # the autosave has read the draft when the approval comes in
    approving_right_after_an_edit_publishes_every_time(demo_site, browser)
    held.kind = "click"  # the submit has checked the slug when the autosave makes the page
    a_quick_create_and_submit_makes_one_page(demo_site, browser)
    assert held.failures == []


def approving_right_after_an_edit_publishes_every_time(demo_site, browser):
    """A moderator edits the title and at once picks "Goedkeuren en publiceren" (the autosave fires
    half a second after typing, so some approvals meet an autosave under way): live every time."""
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from articles.models import ArticlePage

    page = browser.new_page()
    errors = server_errors(page)
    admin_login(demo_site, page)
    article = ArticlePage.objects.filter(locale__language_code="nl").live().first()
    writer = get_user_model().objects.get(username=settings.WIEL_DEMO_ADMIN_USERNAME)
    outcomes = []
    for attempt, moment in enumerate(MOMENTS_MS):
        article.refresh_from_db()
        if article.current_workflow_state:  # an approval that did not finish (counted below)
            article.current_workflow_state.cancel(user=writer)
        article.unpublish()
        article.save_revision(user=writer)
        article.get_workflow().start(article, writer)
        page.goto(f"{demo_site.url}/admin/pages/{article.pk}/edit/")
        editor_ready(page)
        title = f"Terugblik, versie {attempt}"
        page.locator("#id_title").press("Control+a")
        page.locator("#id_title").press_sequentially(title, delay=10)  # keys, as a person types
        page.wait_for_timeout(moment)
        page.locator("footer").get_by_role("button", name="Meer acties").click()
        page.get_by_role("button", name="Goedkeuren en publiceren", exact=True).click()
        if not back_in_the_explorer(page):
            outcomes.append((moment, "no answer", page.url))
            continue
        article.refresh_from_db()
        outcomes.append((moment, article.live, article.title == title))
    assert [outcome for outcome in outcomes if outcome[1:] != (True, True)] == [], outcomes
    assert errors == []


def a_quick_create_and_submit_makes_one_page(demo_site, browser):
    """An editor types a title and at once sends the new page for approval, at twenty moments around
    the autosave's: one page each time, in the workflow, and no error."""
    from core.models import ContentPage, WerkplaatsPage

    page = browser.new_page()
    errors = server_errors(page)
    admin_login(demo_site, page)
    werkplaats = WerkplaatsPage.objects.filter(locale__language_code="nl").first()
    outcomes = []
    for attempt, moment in enumerate(MOMENTS_MS):
        page.goto(f"{demo_site.url}/admin/pages/add/core/contentpage/{werkplaats.pk}/")
        editor_ready(page)
        title = f"Over ons, versie {attempt}"
        page.locator("#id_title").press_sequentially(title, delay=10)
        page.wait_for_timeout(moment)
        page.locator("footer").get_by_role("button", name="Meer acties").click()
        page.locator("footer").get_by_role("button", name=re.compile("^Stuur door naar")).click()
        if not back_in_the_explorer(page):
            outcomes.append((moment, "no answer", page.url))
            continue
        made = list(ContentPage.objects.filter(title=title))
        outcomes.append((moment, len(made), all(made_page.workflow_in_progress for made_page in made)))
    assert [outcome for outcome in outcomes if outcome[1:] != (1, True)] == [], outcomes
    assert errors == []


def test_a_werkplaats_editor_translates_and_sends_for_approval(demo_site, browser):
    """As redactie-samen: translate a page into English and send it for approval, with the Status
    panel open while translating. Counts the clicks it takes."""
    from articles.models import ArticlePage
    from core.models import WerkplaatsPage

    samen = WerkplaatsPage.objects.get(locale__language_code="nl", slug="samen")
    article = next(
        page
        for page in ArticlePage.objects.descendant_of(samen).filter(locale__language_code="nl").live()
        if not page.get_translations().exists()
    )
    page = browser.new_page(viewport=DESKTOP)
    errors = server_errors(page)
    page.goto(f"{demo_site.url}/admin/login/")
    page.fill("input[name=username]", "redactie-samen")
    page.fill("input[name=password]", os.environ.get("WIEL_DEMO_PASSWORD", "wiel-demo-2025"))
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    page.goto(f"{demo_site.url}/admin/pages/{article.pk}/edit/")
    clicks = 0

    def click(locator, counted=True):
        nonlocal clicks
        locator.click()
        clicks += counted

    click(page.locator("header").get_by_role("button", name="Acties"))
    click(page.get_by_role("link", name="Vertaal deze pagina"))
    page.wait_for_load_state()
    click(page.get_by_label("English"))
    click(page.locator("main form input[type=submit]"))
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    assert page.locator(".js-translation-editor").count() == 1
    page.locator(".js-translation-editor").get_by_role("button").first.wait_for()  # the editor has drawn
    click(page.locator('[data-side-panel-toggle="status"]'), counted=False)
    page.locator('[data-side-panel="status"]').wait_for(state="visible")
    # The first string's translate button is not under the panel: Playwright refuses to click a covered one.
    click(
        page.locator(".js-translation-editor").get_by_role("button", name=re.compile("^Vertaal")).first, counted=False
    )
    footer = page.locator("footer.wiel-translation-footer")
    assert footer.get_by_role("button").first.inner_text().strip() == "Vertaling ter goedkeuring aanbieden"
    for offered_before in ("Verwijderen", "Stop synchrone vertaling", "Naar alias-pagina omzetten"):
        assert page.get_by_text(offered_before).filter(visible=True).count() == 0, offered_before
    click(footer.get_by_role("button", name="Vertaling ter goedkeuring aanbieden"))
    page.wait_for_load_state()
    english = article.get_translation(__import__("wagtail.models").models.Locale.objects.get(language_code="en"))
    assert english.current_workflow_state is not None
    assert errors == []
    print(f"\nclicks to translate a page and send it for approval: {clicks}")
    assert clicks <= 5  # Acties, Vertaal deze pagina, English, Verstuur, Vertaling ter goedkeuring aanbieden


# What the e-mail's look is made of, read from its first few elements of each kind.
EMAIL_STYLE_JS = """() => [...document.querySelectorAll('body, table, h1, h2, p, a')].slice(0, 40).map(e => {
    const s = getComputedStyle(e);
    return [e.tagName, s.color, s.backgroundColor, s.fontFamily, s.fontSize, s.paddingTop, s.maxWidth];
})"""


def test_the_email_preview_looks_as_sent(demo_site, browser):
    """The admin's e-mail preview of a newsletter has the computed styles of the e-mail as sent
    (its inline styles are allowed there), and the page's policy still allows no script."""
    from newsletters.email import IssueRenderer, Recipient
    from newsletters.models import NewsletterPage

    issue = NewsletterPage.objects.live().filter(locale__language_code="nl").first()
    sent = IssueRenderer(issue).message(Recipient(subscriber_id=0, email="redactie@wiel.example", name=""))
    page = browser.new_page(viewport=DESKTOP)
    admin_login(demo_site, page)
    response = page.goto(f"{demo_site.url}/admin/pages/{issue.pk}/view_draft/?mode=email")
    policy = response.headers.get("content-security-policy", "")
    assert "style-src 'unsafe-inline'" in policy and "script-src 'none'" in policy
    previewed = page.evaluate(EMAIL_STYLE_JS)
    assert page.csp_messages == []
    as_sent = browser.new_page(viewport=DESKTOP)
    as_sent.set_content(sent.alternatives[0][0])
    expected = as_sent.evaluate(EMAIL_STYLE_JS)
    assert len(previewed) > 5 and previewed == expected
    assert any(color != "rgba(0, 0, 0, 0)" for _tag, _color, color, *_rest in expected)  # it is styled


def test_share_a_story_and_take_it_back_without_javascript(demo_site, browser):
    """A parent shares a story on a phone, then takes it back through the link in the e-mail: once
    with JavaScript off, once with it on and axe checking each page; then axe at desktop width."""
    from core.models import WerkplaatsPage
    from learning.factories import StoryPageFactory
    from learning.models import StoryIndexPage

    samen = WerkplaatsPage.objects.get(locale__language_code="nl", slug="samen")
    index = StoryIndexPage.objects.child_of(samen).get()  # the demo's
    published = StoryPageFactory(parent=index, title="Eindelijk één aanspreekpunt")
    without_javascript = browser.new_context(java_script_enabled=False, viewport=PHONE)
    share_and_take_back(demo_site, without_javascript.new_page(), index, "ouder@example.org", check=lambda page: None)
    without_javascript.close()
    share_and_take_back(
        demo_site,
        browser.new_page(viewport=PHONE),
        index,
        "verzorger@example.org",
        check=lambda page: axe_violations(page) == [] or pytest.fail(f"axe: {page.url} {axe_violations(page)}"),
    )
    desktop = browser.new_page(viewport=DESKTOP)
    for url in (index.url, index.url + index.reverse_subpage("share"), published.url):
        desktop.goto(demo_site.url + url)
        assert axe_violations(desktop) == [], url


def share_and_take_back(live_server, page, index, address, check):
    from django.core import mail

    from learning.models import StoryPage

    page.goto(live_server.url + index.url)
    check(page)
    page.get_by_role("link", name="Deel je ervaring").click()
    page.wait_for_load_state()
    check(page)
    page.get_by_label("Ouder of verzorger").check()
    page.get_by_label("In welke gemeente gebeurde het?").fill("Den Haag")
    page.get_by_label("Een titel voor je verhaal").fill(f"Steeds opnieuw vertellen ({address})")
    page.get_by_label("Je verhaal", exact=True).fill(
        "Bij elke nieuwe hulpverlener moesten we alles opnieuw vertellen. Dat kostte ons kind veel "
        "energie. Eén vast aanspreekpunt had ons geholpen."
    )
    page.get_by_label("Je e-mailadres").fill(address)
    page.get_by_label("Ik geef toestemming", exact=False).check()
    page.get_by_role("button", name="Stuur mijn verhaal").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Bedankt voor je verhaal"
    check(page)
    story = StoryPage.objects.get(teller_email=address)
    assert not story.live and story.municipality.name == "'s-Gravenhage"
    sent = next(message for message in mail.outbox if address in message.to)  # the outbox sends on commit
    link = re.search(r"https?://[^/]+(/\S+/mijn-verhaal/\S+/)", sent.body)
    page.goto(live_server.url + link.group(1))
    check(page)
    page.get_by_role("button", name="Neem mijn verhaal terug").click()
    page.wait_for_load_state()
    check(page)
    assert not StoryPage.objects.filter(pk=story.pk).exists()


def test_the_learning_loop_from_a_story_to_the_fit_check(demo_site, browser, settings):
    """The whole loop: a story sent, flagged, edited and published; a proposal with two actions made
    for a meeting (its clicks counted); the follow-up date comes and each owner gets one e-mail; one
    answers without JavaScript and the moderator accepts it onto the timeline; the other is reminded
    and shows "no answer"; the practice adopted gets a draft implementation which, once published,
    changes the fit answer for that municipality; the teller takes the story back. Axe checks the
    public pages at phone and desktop width."""
    from dateutil.relativedelta import relativedelta
    from django.core import mail
    from django.utils import timezone

    from core.models import WerkplaatsPage
    from learning import follow_up
    from learning.models import FollowUp, ProposalIndexPage, ProposalPage, StoryIndexPage, StoryPage
    from practices.models import PracticePage

    def axe(page):
        assert axe_violations(page) == [], page.url

    groningen = WerkplaatsPage.objects.get(locale__language_code="nl", slug="groningen")
    stories = StoryIndexPage.objects.child_of(groningen).get()
    proposals = ProposalIndexPage.objects.child_of(groningen).get()
    practice = PracticePage.objects.get(locale__language_code="nl", slug="buurtgezinnen")
    fit_url = f"{demo_site.url}{practice.url}?gemeente=Oldambt"
    phone = browser.new_page(viewport=PHONE)
    phone.goto(fit_url)
    assert "Al gebruikt in Oldambt" not in phone.content()

    # 1. A story through the public form; the moderator meets the flag, edits it away, publishes.
    phone.goto(demo_site.url + stories.url + stories.reverse_subpage("share"))
    axe(phone)
    phone.get_by_label("Ouder of verzorger").check()
    phone.get_by_label("Een titel voor je verhaal").fill("Niemand belde terug")
    phone.get_by_label("Je verhaal", exact=True).fill(
        "Onze zoon Daan wachtte maanden op hulp. Niemand belde terug, en school wist van niets. "
        "Eén vast aanspreekpunt had ons veel gescheeld."
    )
    phone.get_by_label("Je e-mailadres").fill("ouder@example.org")
    phone.get_by_label("Ik geef toestemming", exact=False).check()
    phone.get_by_role("button", name="Stuur mijn verhaal").click()
    phone.wait_for_load_state()
    story = StoryPage.objects.get(teller_email="ouder@example.org")
    admin = browser.new_page(viewport=DESKTOP)
    errors = server_errors(admin)
    admin_login(demo_site, admin)
    admin.goto(f"{demo_site.url}/admin/pages/{story.pk}/edit/")
    editor_ready(admin)
    assert "Voornaam: Daan" in admin.content()
    admin.locator("footer").get_by_role("button", name="Meer acties").click()
    admin.get_by_role("button", name="Publiceren", exact=True).click()
    admin.get_by_text("Handel eerst alles af", exact=False).first.wait_for()  # refused, with the reason
    assert not StoryPage.objects.get(pk=story.pk).live
    editor_ready(admin)
    admin.locator("#id_story").fill(admin.locator("#id_story").input_value().replace("Onze zoon Daan", "Onze zoon"))
    admin.locator("footer").get_by_role("button", name="Meer acties").click()
    admin.get_by_role("button", name="Publiceren", exact=True).click()
    assert back_in_the_explorer(admin) and StoryPage.objects.get(pk=story.pk).live

    # 2. The proposal for the meeting, with two actions: every click counted. This journey is about
    # the loop, not the editor's autosave (test_the_editors_clicks_meet_its_autosave is): without it
    # the page is made by the publish alone.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    clicks = 0

    def click(locator):
        nonlocal clicks
        locator.click()
        clicks += 1

    admin.goto(f"{demo_site.url}/admin/pages/{proposals.pk}/")
    click(admin.get_by_role("link", name=re.compile("onderliggende pagina toe")).first)
    admin.wait_for_load_state()
    admin.locator("#id_title").fill("Eén vast aanspreekpunt na school")
    admin.locator("#id_problem").fill("Ouders vertellen hun verhaal steeds opnieuw, en niemand belt terug.")
    admin.locator("#id_proposal").fill("Elke school krijgt een vast aanspreekpunt bij het sociaal team.")
    click(admin.get_by_role("button", name=re.compile("Kies een pagina")).first)
    modal = admin.locator(".modal")
    modal.get_by_role("textbox").fill("Leren van Ervaringen")
    click(modal.get_by_role("link", name=re.compile("Leren van Ervaringen")).first)
    click(admin.get_by_label("Niemand belde terug"))
    first, second = ("actions-0", "actions-1")
    admin.locator(f"[name={first}-what]").fill("Een vast aanspreekpunt op twee scholen.")
    admin.locator(f"[name={first}-owner_role]").fill("wethouder jeugd")
    admin.locator(f"[name={first}-owner_email]").fill("wethouder@oldambt.example.org")
    click(admin.locator("#id_actions-ADD"))  # "Voeg actie toe"
    admin.locator(f"[name={second}-what]").fill("Verhalen ophalen bij ouders.")
    admin.locator(f"[name={second}-owner_role]").fill("teamleider sociaal team")
    admin.locator(f"[name={second}-owner_email]").fill("sociaalteam@oldambt.example.org")
    click(admin.locator("footer").get_by_role("button", name="Meer acties"))
    click(admin.get_by_role("button", name="Publiceren", exact=True))
    assert back_in_the_explorer(admin), admin.content()[:3000]
    proposal = ProposalPage.objects.get(title="Eén vast aanspreekpunt na school")
    assert proposal.live and proposal.meeting.slug == "leren-van-ervaringen-2020" and proposal.actions.count() == 2
    del settings.WAGTAIL_AUTOSAVE_INTERVAL
    print(f"\nclicks to enter a proposal with two actions: {clicks}")
    # Add child page, choose the meeting (open, pick), tick the story, add the second action, publish (2).
    assert clicks <= 7

    # 3. The follow-up date comes: one e-mail per owner, however often the job runs.
    due = FollowUp.objects.get(owner_email="wethouder@oldambt.example.org").due_on
    assert due == proposal.made_on + relativedelta(months=2)
    moment = timezone.now()  # the meeting was in 2020: its follow-up date has passed
    follow_up.run(now=moment)
    follow_up.run(now=moment)
    asked = [message for message in mail.outbox if "oldambt.example.org" in message.to[0]]
    assert sorted(message.to[0] for message in asked) == [
        "sociaalteam@oldambt.example.org",
        "wethouder@oldambt.example.org",
    ]

    # 4. One owner answers without JavaScript: a lasting way of working in Oldambt.
    link = re.search(
        r"https?://[^/]+(/\S+/opvolging/\S+/)",
        asked[[m.to[0] for m in asked].index("wethouder@oldambt.example.org")].body,
    )
    plain = browser.new_context(java_script_enabled=False, viewport=PHONE).new_page()
    plain.goto(demo_site.url + link.group(1))
    plain.get_by_label("Klaar").check()
    plain.get_by_label("Wat is er gebeurd?").fill("Beide scholen hebben nu een vast aanspreekpunt.")
    plain.get_by_label("Dit is een vaste manier van werken geworden.").check()
    plain.get_by_label("Met welk praktijkvoorbeeld?").select_option(label=practice.title)
    plain.get_by_label("In welke gemeente?").fill("Oldambt")
    plain.get_by_role("button", name="Verstuur mijn antwoord").click()
    plain.wait_for_load_state()
    assert "De werkplaats leest je antwoord" in plain.content()
    phone.goto(demo_site.url + link.group(1))
    axe(phone)
    admin.goto(f"{demo_site.url}/admin/opvolging/")
    admin.get_by_role("button", name="Accepteren").first.click()
    admin.wait_for_load_state()
    phone.goto(demo_site.url + proposal.url)
    assert "Beide scholen hebben nu een vast aanspreekpunt." in phone.content()
    axe(phone)

    # 5. The other is reminded once, then shows "no answer".
    follow_up.run(now=moment + relativedelta(days=15))
    reminded = [m for m in mail.outbox if m.to == ["sociaalteam@oldambt.example.org"]]
    assert len(reminded) == 2 and reminded[1].subject.startswith("Herinnering")
    follow_up.run(now=moment + relativedelta(days=29))
    phone.goto(demo_site.url + proposal.url)
    assert "Geen antwoord" in phone.content()

    # 6. The adopted practice: a draft implementation, confirmed by publishing; the fit check learns.
    practice.refresh_from_db()
    assert practice.has_unpublished_changes
    phone.goto(fit_url)
    assert "Al gebruikt in Oldambt" not in phone.content()
    admin.goto(f"{demo_site.url}/admin/pages/{practice.pk}/edit/")
    editor_ready(admin)
    admin.locator("footer").get_by_role("button", name="Meer acties").click()
    admin.get_by_role("button", name="Publiceren", exact=True).click()
    assert back_in_the_explorer(admin)
    phone.goto(fit_url)
    assert "Al gebruikt in Oldambt" in phone.content()

    # 7. The teller takes the story back.
    told = next(m for m in mail.outbox if m.to == ["ouder@example.org"])
    own = re.search(r"https?://[^/]+(/\S+/mijn-verhaal/\S+/)", told.body)
    phone.goto(demo_site.url + own.group(1))
    phone.get_by_role("button", name="Neem mijn verhaal terug").click()
    phone.wait_for_load_state()
    assert not StoryPage.objects.filter(pk=story.pk).exists()

    desktop = browser.new_page(viewport=DESKTOP)
    for url in (proposals.url, proposal.url, proposals.get_parent().url):
        desktop.goto(demo_site.url + url)
        axe(desktop)
    assert errors == []
