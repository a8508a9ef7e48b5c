"""The admin as Dutch editors see it: the guide in the Help menu, one "Vertalingen" report, and a
workflow whose name is Dutch."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Task, Workflow
from wagtail.users.models import UserProfile


@pytest.fixture
def samen_editor(site_tree, editor_client):
    """A client logged in as an editor of SAMEN who reads the admin in Dutch."""
    samen = site_tree["samen"]
    samen.refresh_from_db()
    return editor_client(samen.editor_group, "redacteur", language="nl")


@pytest.mark.django_db
def test_the_editors_guide_is_in_the_help_menu_and_in_dutch(samen_editor):
    client = samen_editor
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wiel_editors_guide") in dashboard  # the Help menu links to it
    assert "Handleiding van Wagtail (Engels)" in dashboard and "Editor Guide" not in dashboard
    guide = client.get(reverse("wiel_editors_guide"))
    assert guide.status_code == 200
    html = guide.content.decode()
    for section in [
        "Een praktijkvoorbeeld schrijven",
        "past het bij een gemeente?",
        "Een nieuwsbrief samenstellen",
        "Vertalen naar het Engels",
        "Indienen, goedkeuren",
        "Synoniemen",
        "Wie mag wat",
        "automatisch opslaan",  # Wagtail 8's autosave, and what it means for an approval
        "zijpaneel <em>Status</em>",  # where scheduling is now
        "Vertaal deze pagina",  # werkplaats editors translate their own pages
        "onder <em>Instellingen</em>",  # where promoted results are
        "Mijn werkplaats",
    ]:
        assert section in html, section
    assert Client().get(reverse("wiel_editors_guide")).status_code == 302  # editors only


@pytest.mark.django_db
def test_the_dutch_admin_menu_and_workflow_names(site_tree):
    """One "Vertalingen" report; Wagtail's "Instellingen" (our care settings are "Zorgsettings", with a
    context of their own, so they no longer override Wagtail's word); a Dutch workflow name."""
    admin = get_user_model().objects.create_superuser("beheer", "b@example.org", "a-long-test-password")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "nl"
    profile.save()
    client = Client()
    client.force_login(admin)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert dashboard.count(">Vertalingen<") <= 1 and "Vertaalstatus" in dashboard
    assert '"label": "Instellingen"' in dashboard and '"label": "Zorgsettings"' in dashboard
    assert '"label": "Settings"' not in dashboard
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="Goedkeuring landelijke redactie").exists()
    assert Task.objects.filter(name="Goedkeuring landelijke redactie").exists()


@pytest.mark.django_db
def test_the_moderators_request_for_changes_shows_where_the_editor_works(
    site_tree, samen_editor, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    editor = samen_editor
    article = site_tree["article"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert "Wijzigingen gevraagd door" not in editor.get(edit_url).content.decode()  # nothing asked yet

    writer = get_user_model().objects.get(username="redacteur")
    moderator = get_user_model().objects.create_user("moderator", "m@example.org", "a-long-test-password")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    article.save_revision(user=writer)  # the draft the editor submits
    workflow_state = article.get_workflow().start(article, writer)
    task_state = workflow_state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail's e-mails go out after the commit
        task_state.task.on_action(
            task_state, moderator, "reject", comment="Graag de bronnen aanvullen.\nEn een samenvatting."
        )

    html = editor.get(edit_url).content.decode()
    assert "Wijzigingen gevraagd door moderator" in html
    assert "Graag de bronnen aanvullen.<br>En een samenvatting." in html
    # The e-mail says the same: changes asked for, not "afgekeurd" (rejected) as Wagtail has it.
    [message] = [message for message in mail.outbox if message.to == ["redacteur@example.org"]]
    text = f"{message.subject}\n{message.body}"
    assert "wijzigingen gevraagd" in text and "afgekeurd" not in text


@pytest.mark.django_db
def test_the_translation_editor_speaks_dutch_with_dutch_dates(samen_editor):
    """'Publiceer in English' keeps its space, and 'vertaald op' names the month in Dutch."""
    import datetime

    from django.utils import timezone, translation
    from wagtail_localize.models import StringTranslation

    client = samen_editor
    catalogue = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    assert '"Publish in ": "Publiceer in "' in catalogue
    assert '"Translate with ": "Vertaal met "' in catalogue

    when = timezone.make_aware(datetime.datetime(2026, 11, 25, 10, 0))
    manual = StringTranslation(translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, updated_at=when)
    machine = StringTranslation(translation_type="machine", tool_name="DeepL", updated_at=when)
    with translation.override("nl"):
        assert manual.get_comment() == "Handmatig vertaald op 25 november 2026"
        assert "25 november 2026" in machine.get_comment() and "DeepL" in machine.get_comment()
    with translation.override("en"):
        assert manual.get_comment() == "Translated manually on Nov. 25, 2026"  # Django's English date format


@pytest.mark.django_db
def test_the_admin_loads_no_avatar_from_outside_and_says_when_in_dutch(site_tree, samen_editor):
    """No Gravatar (it would send a hash of each editor's address to another site), and Django's
    humanize catalogue for "… geleden" (not "5 seconds ago")."""
    from django.contrib.humanize.templatetags.humanize import naturaltime
    from django.utils import timezone, translation

    dashboard = samen_editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in dashboard.lower()
    with translation.override("nl"):
        assert naturaltime(timezone.now() - timezone.timedelta(seconds=5)) == "5\xa0seconden geleden"


@pytest.mark.django_db
def test_the_dutch_admin_has_no_english_words_where_wagtail_left_them(site_tree, samen_editor):
    """Wagtail's Dutch catalogue keeps "Checks" (the side panel) and "File" (a document's file)."""
    from django.utils import translation

    edit = samen_editor.get(reverse("wagtailadmin_pages:edit", args=[site_tree["article"].pk])).content.decode()
    assert "Controles" in edit and ">Checks<" not in edit
    with translation.override("nl"):
        assert translation.gettext("File") == "Bestand"


def explorer_menu_item(html):
    """The admin menu's "Pagina's" item as the sidebar gets it: its URL and its start page."""
    import json
    import re

    props = json.loads(re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1))

    def walk(value):
        if isinstance(value, dict):
            if value.get("_type") == "wagtail.sidebar.PageExplorerMenuItem":
                yield value["_args"]
            for child in value.values():
                yield from walk(child)
        elif isinstance(value, list):
            for child in value:
                yield from walk(child)

    [args] = list(walk(props))
    return args[0]["url"], args[1]  # (url, start page id)


@pytest.mark.django_db
def test_a_werkplaats_editor_lands_on_their_werkplaats(site_tree, samen_editor, editor_client):
    from django.contrib.auth.models import Group
    from wagtail.models import Locale, Page

    samen = site_tree["samen"]
    english = samen.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()  # the group now edits both sections: Wagtail's start is the root
    url, start = explorer_menu_item(samen_editor.get(reverse("wagtailadmin_home")).content.decode())
    assert (url, start) == (reverse("wagtailadmin_explore", args=[samen.pk]), samen.pk)
    assert samen_editor.get(url).status_code == 200
    # A national editor keeps the whole tree.
    moderator = editor_client(Group.objects.get(name="Moderators"), "landelijk", language="nl")
    _url, start = explorer_menu_item(moderator.get(reverse("wagtailadmin_home")).content.decode())
    assert start != samen.pk and Page.objects.get(pk=start).depth <= 2
