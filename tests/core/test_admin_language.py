"""The Dutch admin speaks Dutch: the pages an editor visits hold no English word from a list of those
Wagtail and wagtail-localize have left untranslated before, and our own strings say "je", never
"u" (Wagtail's Dutch and the editors' guide do)."""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

# English words that are not also Dutch ("Status", "Live", "Filter" and "Workflow" are).
ENGLISH = [
    "Actions",
    "More actions",
    "None",
    "Checks",
    "Settings",
    "File",
    "seconds ago",
    "minutes ago",
    "hours ago",
    "Submit",
    "Save",
    "Delete",
    "Preview",
    "Publish",
    "Draft",
    "Search",
    "Cancel",
    "Translate",
    "Page",
    "Edit",
    "Choose",
    "Upload",
    "Reports",
    "Log out",
    "Owner",
    "Locked",
    "Comments",
    "History",
    "Title",
    "Editor aanbevelingen",
    "to English",
]
LABELS = ("aria-label", "title", "placeholder", "alt")  # read aloud or shown, so they count as text
FORMAL = re.compile(r"(?<![\w'-])(?:u|uw)(?![\w'-])")
# A number glued to a word ("1-2van 2None", "5pagina's"): a catalogue that lost its spaces.
GLUED = re.compile(r"\d(?:[^\W\d_]{3,}|None)")


class VisibleText(HTMLParser):
    """The text a reader sees or hears: the page's text and its labels, not its scripts."""

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style", "template")
        self.parts += [value for name, value in attrs if name in LABELS and value]

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "template")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_words(text):
    found = [word for word in ENGLISH if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text)]
    return found + [f"glued: {match}" for match in GLUED.findall(text)]


@pytest.fixture
def admin_pages(site_tree):
    """The admin pages an editor visits: dashboard, explorer, editor, translation editor, reports, snippets."""
    english = Locale.objects.get(language_code="en")
    article = site_tree["article"]
    target = article.copy_for_translation(english, copy_parents=True)
    source, _created = TranslationSource.get_or_create_from_instance(article)
    Translation.objects.create(source=source, target_locale=english)
    from learning import follow_up
    from learning.factories import ProposalIndexPageFactory, ProposalPageFactory, owner

    proposal = ProposalPageFactory(parent=ProposalIndexPageFactory(parent=site_tree["samen"]), actions=[owner(1)])
    follow_up.run()  # the follow-up report lists it as asked
    return [
        reverse("wagtailadmin_pages:edit", args=[proposal.pk]),  # a proposal with its actions
        reverse("learning_follow_up"),
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[site_tree["samen_news"].pk]),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:edit", args=[target.pk]),  # the translation editor
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wiel_translation_report"),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailadmin_pages:search") + f"?q={article.title.split()[0]}",  # counted in a listing
        reverse("wagtailadmin_choose_page_child", args=[site_tree["samen_news"].pk]),
        reverse("wagtailimages_chooser:choose"),
    ]


# What only the national editors (Moderators) reach: the taxonomies and the search vocabulary.
MODERATOR_PAGES = ["wagtailadmin_home", "wagtailsnippets_core_theme:list", "wagtailsearchpromotions:index"]


@pytest.mark.django_db
def test_the_pages_an_editor_visits_hold_no_english(admin_pages, site_tree, editor_client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow

    samen = site_tree["samen"]
    samen.refresh_from_db()
    editor = editor_client(samen.editor_group, "redacteur", language="nl")
    moderator = editor_client(Group.objects.get(name="Moderators"), "landelijk", language="nl")
    visits = [(editor, url) for url in admin_pages] + [(moderator, reverse(name)) for name in MODERATOR_PAGES]
    # The workflow's list of pages (a listing that names no model) is for administrators.
    administrator = editor_client(Group.objects.get(name="Moderators"), "beheerder", language="nl")
    get_user_model().objects.filter(username="beheerder").update(is_superuser=True)
    workflow = Workflow.objects.filter(workflow_pages__isnull=False).first()
    assert workflow is not None, "the site tree's werkplaatsen go through a workflow"
    visits.append((administrator, reverse("wagtailadmin_workflows:usage", args=[workflow.pk])))
    found = {}
    for client, url in visits:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        if response["Content-Type"].startswith("application/json"):  # a chooser's modal
            body = response.json()["html"]
        text = visible_text(body)
        found[url] = english_words(text) + [f"formal: {match}" for match in FORMAL.findall(text)]
    assert {url: words for url, words in found.items() if words} == {}


# Messages no page shows until an editor acts (a save's flash message), with sample values.
UPSTREAM_MESSAGES = [
    ("Editor's picks for '%(query)s' created.", {"query": "wachtlijst"}),
    ("Editor's picks for '%(query)s' updated.", {"query": "wachtlijst"}),
    ("Editor's picks deleted.", {}),
    (
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s",
        {"start_index": 1, "end_index": 2, "items_count": 2, "model_name": "pagina's"},
    ),
]


def test_upstream_messages_read_as_dutch():
    from django.utils import translation

    with translation.override("nl"):
        said = {msgid: translation.gettext(msgid) % values for msgid, values in UPSTREAM_MESSAGES}
    assert {msgid: text for msgid, text in said.items() if english_words(text) or "Editor" in text} == {}
    assert said["%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"] == "1-2 van 2 pagina's"


def test_our_dutch_strings_say_je():
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "locale/nl/LC_MESSAGES/django.po"))
    formal = [entry.msgid for entry in catalogue if FORMAL.search(entry.msgstr)]
    assert formal == []


def every_block_label(block, seen=None):
    """The labels of ``block`` and of every block inside it."""
    seen = set() if seen is None else seen
    if id(block) in seen:
        return
    seen.add(id(block))
    yield block.label
    children = getattr(block, "child_blocks", None) or {}
    for child in children.values():
        yield from every_block_label(child, seen)
    if child := getattr(block, "child_block", None):
        yield from every_block_label(child, seen)


@pytest.mark.django_db
def test_block_labels_start_with_a_capital_in_dutch():
    """The editor shows a block's fields with the labels as given: "afbeelding" read as a slip."""
    from django.apps import apps
    from django.utils import translation
    from wagtail.fields import StreamField

    with translation.override("nl"):
        lower = {
            f"{model.__name__}.{field.name}: {label}"
            for model in apps.get_models()
            for field in model._meta.get_fields()
            if isinstance(field, StreamField)
            for label in map(str, every_block_label(field.stream_block))
            if label and label[0].islower()
        }
    assert lower == set()


# The fit question in one form everywhere ("Past het bij mijn gemeente?"), in the catalogue,
# the templates and the demo content; no "passendheid", and counts in words up to twenty.
OTHER_FIT_FORMS = re.compile(r"(?i)passendheid|past (het|dit) (in|voor|op) (mijn|jouw|je) gemeente")
MIXED_COUNT = re.compile(r"(?i)\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien) tot \d")


def test_the_fit_question_has_one_form_everywhere():
    root = Path(settings.BASE_DIR)
    catalogue = polib.pofile(str(root / "locale/nl/LC_MESSAGES/django.po"))
    texts = {f"catalogue: {entry.msgid[:50]}": entry.msgstr for entry in catalogue if not entry.obsolete}
    for entry in catalogue:
        for number, text in entry.msgstr_plural.items():
            texts[f"catalogue: {entry.msgid[:50]} [{number}]"] = text
    for path in [
        *root.glob("*/templates/**/*.html"),
        *root.glob("*/templates/**/*.txt"),
        *root.glob("demo/data/*.json"),
    ]:
        texts[str(path.relative_to(root))] = path.read_text(encoding="utf-8")
    assert {
        where: OTHER_FIT_FORMS.search(text).group(0) for where, text in texts.items() if OTHER_FIT_FORMS.search(text)
    } == {}
    assert {where: MIXED_COUNT.search(text).group(0) for where, text in texts.items() if MIXED_COUNT.search(text)} == {}
    assert sum("Past het bij mijn gemeente?" in text for text in texts.values()) >= 2
    care_setting = catalogue.find("Settings", msgctxt="care setting")
    assert care_setting.msgstr not in ("", "Settings")


@pytest.mark.django_db
def test_every_taxonomy_label_reads_as_dutch():
    """The filters, the cost bands and the taxonomies' names: none left in English on the Dutch site."""
    from django.utils import translation

    from core.models import CareSetting, TargetGroup, Theme
    from practices.listing import build_facets
    from practices.models import CostBand, PartnerType

    def said():
        facets = [str(facet.label) for facet in build_facets(True)]
        models = [CareSetting, TargetGroup, Theme, PartnerType]
        names = [str(name) for model in models for name in (model._meta.verbose_name, model._meta.verbose_name_plural)]
        return [*facets, *names, *(str(label) for _value, label in CostBand.choices)]

    with translation.override("en"):
        english = said()
    with translation.override("nl"):
        dutch = said()
    assert [word for word, same in zip(dutch, english, strict=True) if word == same] == []
    assert all("€" in label and "per kind of gezin per jaar" in label for label in dutch[-5:])
