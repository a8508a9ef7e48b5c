"""Registrations in the admin: each werkplaats' editors see their own events only; the SKJ attendance list."""

import csv
import io

import pytest
from django.urls import reverse

from core.factories import publish_with
from events.models import Registration


@pytest.fixture
def registered(calendar):
    event = publish_with(calendar["symposium"], registration_enabled=True, capacity=2, skj_number="SKJ-123")
    Registration.objects.create(
        event=event, name="Anna", email="anna@example.org", skj_number="1234567", status="bevestigd"
    )
    Registration.objects.create(event=event, name="=Bob", email="bob@example.org", status="bevestigd")
    Registration.objects.create(event=event, name="Cor", email="cor@example.org", status="wachtlijst")
    return event


@pytest.mark.django_db
def test_editors_see_only_their_own_events_registrations(registered, site_tree, editor_client):
    samen = editor_client(site_tree["samen"].editor_group, "redactie-samen")
    groningen = editor_client(site_tree["groningen"].editor_group, "redactie-groningen")

    index = samen.get(reverse("events_registrations"))
    assert index.status_code == 200
    assert [row["event"].pk for row in index.context["rows"]] == [registered.pk]
    assert index.context["rows"][0]["counts"] == {"bevestigd": 2, "wachtlijst": 1, "afgemeld": 0}
    detail = samen.get(reverse("events_registrations_event", args=[registered.pk]))
    assert "anna@example.org" in detail.content.decode()

    assert groningen.get(reverse("events_registrations")).context["rows"] == []
    for name in ["events_registrations_event", "events_attendance_csv", "events_attendance_xlsx"]:
        response = groningen.get(reverse(name, args=[registered.pk]))
        assert response.status_code in (302, 403)  # the admin turns a refusal into a redirect with a message
        assert b"anna@example.org" not in response.content


@pytest.mark.django_db
def test_attendance_list_for_skj(registered, site_tree, editor_client):
    samen = editor_client(site_tree["samen"].editor_group, "redactie-samen")
    response = samen.get(reverse("events_attendance_csv", args=[registered.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))  # Dutch Excel
    assert rows[0][1] == "Symposium"
    assert rows[1][1] == "4" and rows[1][3] == "SKJ-123"  # points as people write them
    people = rows[4:]
    assert [row[0] for row in people] == ["'=Bob", "Anna"]  # confirmed only; a formula is defused
    assert people[1][4] == "1234567"


@pytest.mark.django_db
def test_attendance_list_as_excel(registered, site_tree, editor_client):
    from openpyxl import load_workbook

    samen = editor_client(site_tree["samen"].editor_group, "redactie-samen")
    response = samen.get(reverse("events_attendance_xlsx", args=[registered.pk]))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][1] == "Symposium" and rows[1][3] == "SKJ-123"
    people = rows[4:]
    assert [row[0] for row in people] == ["=Bob", "Anna"]  # the name as typed ...
    assert sheet.cell(row=5, column=1).data_type == "s"  # ... kept as text, never run as a formula
    assert people[1][4] == "1234567"


@pytest.mark.django_db
def test_my_werkplaats_panel_shows_what_waits_in_the_editors_own_werkplaats(registered, site_tree, editor_client):
    """Drafts, practices due for review, registrations of coming events: of SAMEN only."""
    from practices.factories import PracticeIndexPageFactory, make_practice

    samen, groningen = site_tree["samen"], site_tree["groningen"]
    samen.refresh_from_db()
    practice = make_practice(PracticeIndexPageFactory(parent=samen), "Buurtgezinnen")
    type(practice).objects.filter(pk=practice.pk).update(last_reviewed=None)
    draft = site_tree["article"]
    draft.title = "Terugblik, nog niet af"
    draft.save_revision()  # a change not yet published
    make_practice(PracticeIndexPageFactory(parent=groningen), "Gronings voorbeeld")

    dashboard = editor_client(samen.editor_group, "redactie-samen", language="nl").get(reverse("wagtailadmin_home"))
    html = dashboard.content.decode()
    assert "Mijn werkplaats: SAMEN" in html
    assert "Terugblik, nog niet af" in html  # the draft
    assert "Buurtgezinnen" in html and "nooit herzien" in html  # due for review
    assert "Symposium" in html and "2 aangemeld, 1 op de wachtlijst" in html
    assert "Gronings voorbeeld" not in html


def mails_to():
    from outbox.models import OutgoingMail

    return sorted(OutgoingMail.objects.values_list("to", flat=True))


@pytest.mark.django_db
def test_an_editor_registers_someone_who_phoned_in_by_the_same_rules(registered, site_tree, editor_client):
    samen = editor_client(site_tree["samen"].editor_group, "redactie-samen", language="nl")
    add = reverse("events_register_by_hand", args=[registered.pk])
    person = {"name": "Dirk", "email": "Dirk@Example.org", "skj_number": "123.456.7", "consent": "on"}

    refused = samen.post(add, {**person, "skj_number": "12ab", "consent": ""})
    assert refused.status_code == 400  # the page again, with what to mend
    assert "6 tot 10 cijfers" in refused.content.decode() and not registered.registrations.filter(name="Dirk")

    page = samen.post(add, person, follow=True).content.decode()
    dirk = registered.registrations.get(name="Dirk")
    assert (dirk.status, dirk.email, dirk.skj_number) == ("wachtlijst", "dirk@example.org", "1234567")
    assert "nummer 2 op de wachtlijst" in page  # full: behind Cor, who was first
    assert mails_to() == ["dirk@example.org"]
    again = samen.post(add, {**person, "name": "Dirk opnieuw"}, follow=True).content.decode()
    assert "al aangemeld" in again and registered.registrations.filter(email="dirk@example.org").count() == 1

    anna = registered.registrations.get(name="Anna")
    cancelled = samen.post(reverse("events_cancel_by_hand", args=[registered.pk, anna.pk]), follow=True)
    assert "Cor" in cancelled.content.decode()
    statuses = dict(registered.registrations.values_list("name", "status"))
    assert statuses == {"Anna": "afgemeld", "=Bob": "bevestigd", "Cor": "bevestigd", "Dirk": "wachtlijst"}
    assert mails_to() == ["anna@example.org", "cor@example.org", "dirk@example.org", "dirk@example.org"]

    groningen = editor_client(site_tree["groningen"].editor_group, "redactie-groningen")
    assert groningen.post(add, {**person, "email": "eva@example.org"}).status_code in (302, 403)
    bob = registered.registrations.get(name="=Bob")
    assert groningen.post(reverse("events_cancel_by_hand", args=[registered.pk, bob.pk])).status_code in (302, 403)
    assert registered.registrations.filter(email="eva@example.org").count() == 0
    assert registered.registrations.get(pk=bob.pk).status == "bevestigd"


@pytest.mark.django_db
def test_a_registration_moves_to_another_event_and_its_place_goes_to_the_waiting_list(
    registered, calendar, site_tree, editor_client
):
    from events.factories import EventPageFactory

    later = publish_with(
        EventPageFactory(parent=calendar["samen"], title="Herhaling", days=40), registration_enabled=True, capacity=1
    )
    samen = editor_client(site_tree["samen"].editor_group, "redactie-samen", language="nl")
    anna, bob = registered.registrations.get(name="Anna"), registered.registrations.get(name="=Bob")

    def move(registration, event):
        url = reverse("events_move_by_hand", args=[registered.pk, registration.pk])
        return samen.post(url, {"event": event.pk}, follow=True).content.decode()

    assert "Herhaling" in move(anna, later)
    assert later.registrations.get(email="anna@example.org").status == "bevestigd"
    assert registered.registrations.get(pk=anna.pk).status == "afgemeld"
    assert registered.registrations.get(name="Cor").status == "bevestigd"  # Anna's place, in order
    assert mails_to() == ["anna@example.org", "cor@example.org"]

    move(bob, later)  # full there: the end of its waiting list
    assert later.registrations.get(email="bob@example.org").status == "wachtlijst"
    cor = registered.registrations.get(name="Cor")
    Registration.objects.create(event=later, name="Cor", email="cor@example.org", status="wachtlijst")
    assert "cor@example.org is al aangemeld voor Herhaling" in move(cor, later)
    assert registered.registrations.get(pk=cor.pk).status == "bevestigd"
    elsewhere = calendar["online"]  # Groningen's event: not one of SAMEN's to move to
    publish_with(elsewhere, registration_enabled=True, capacity=5)
    move(cor, elsewhere)
    assert not elsewhere.registrations.exists() and registered.registrations.get(pk=cor.pk).status == "bevestigd"


@pytest.mark.django_db
def test_more_places_published_go_to_the_waiting_list_in_order(registered):
    later = Registration.objects.create(event=registered, name="Dirk", email="dirk@example.org", status="wachtlijst")
    publish_with(registered, capacity=3)
    assert registered.registrations.get(name="Cor").status == "bevestigd"
    assert Registration.objects.get(pk=later.pk).status == "wachtlijst"
    assert mails_to() == ["cor@example.org"]
