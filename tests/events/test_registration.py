"""Registration: places, waiting list, duplicates, deadline, cancel links, e-mail over real SMTP."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from core.factories import publish_with
from events.factories import EventPageFactory
from events.models import Registration
from outbox.models import OutgoingMail


@pytest.fixture
def workshop(calendar):
    """An online event with three places, registration open."""
    return publish_with(
        EventPageFactory(
            parent=calendar["samen"],
            title="Werkplaatssessie",
            days=14,
            mode="online",
            venue_name="",
            venue_city="",
            online_platform="Microsoft Teams",
        ),
        registration_enabled=True,
        capacity=3,
        join_url="https://teams.example/meet/123",
        skj_points=2,
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Call a view as a real request would: its on-commit hooks (the e-mails) run when it returns."""

    def call(method, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return method(*args, **kwargs)

    return call


@pytest.fixture
def signup(committed, register):
    def call(page, name, address, **extra):
        return committed(register, page, name, address, **extra)

    return call


def body(message):
    part = next(part for part in message.walk() if part.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode()


def cancel_link(message):
    return re.search(r"(https?://\S+/afmelden/\S+/)", body(message)).group(1)


@pytest.mark.django_db
def test_register_gets_a_place_and_an_email_with_the_event(workshop, mailbox, signup):
    response = signup(workshop, "Anna", "Anna@Example.org", skj_number="1234567")
    assert response.status_code == 200
    assert "<h1>Je hebt een plek</h1>" in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.email, registration.status, registration.skj_number) == (
        "anna@example.org",
        "bevestigd",
        "1234567",
    )
    [message] = mailbox.to("anna@example.org")
    assert "Werkplaatssessie" in message["Subject"]
    text = body(message)
    assert "https://teams.example/meet/123" in text  # the join link goes to registrants only
    assert "1234567" in text
    attachment = next(part for part in message.walk() if part.get_content_type() == "text/calendar")
    event = next(iter(Calendar.from_ical(attachment.get_payload(decode=True)).walk("VEVENT")))
    assert str(event["uid"]) == workshop.ical_uid
    assert "teams.example" not in Client().get(workshop.url).content.decode()  # never on the public page


@pytest.mark.django_db
def test_full_event_fills_the_waiting_list_and_promotes_in_order(workshop, mailbox, signup, committed):
    for number in range(3):
        signup(workshop, f"Deelnemer {number}", f"deelnemer{number}@example.org")
    signup(workshop, "Wachtende 1", "wacht1@example.org")
    signup(workshop, "Wachtende 2", "wacht2@example.org")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert list(statuses.values()).count("bevestigd") == 3
    assert statuses["wacht1@example.org"] == statuses["wacht2@example.org"] == "wachtlijst"
    assert (
        "wachtlijst" in mailbox.to("wacht1@example.org")[0]["Subject"]
        or "waiting list" in mailbox.to("wacht1@example.org")[0]["Subject"]
    )
    assert not any(part.get_content_type() == "text/calendar" for part in mailbox.to("wacht1@example.org")[0].walk())

    link = cancel_link(mailbox.to("deelnemer1@example.org")[0])
    path = link.split("://", 1)[1].split("/", 1)[1]
    client = Client()
    confirm = client.get("/" + path)
    assert confirm.status_code == 200 and '<form method="post"' in confirm.content.decode()  # scanners only GET
    assert Registration.objects.get(email="deelnemer1@example.org").status == "bevestigd"
    committed(client.post, "/" + path)
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["deelnemer1@example.org"] == "afgemeld"
    assert statuses["wacht1@example.org"] == "bevestigd"  # first in line moves up
    assert statuses["wacht2@example.org"] == "wachtlijst"
    promoted = mailbox.to("wacht1@example.org")[-1]
    assert any(part.get_content_type() == "text/calendar" for part in promoted.walk())
    assert Registration.objects.filter(event=workshop, status="bevestigd").count() == 3
    committed(client.post, "/" + path)  # a second click changes nothing
    assert Registration.objects.filter(event=workshop, status="bevestigd").count() == 3


@pytest.mark.django_db
def test_the_answer_says_place_or_waiting_list_position(workshop, mailbox, signup):
    for number in range(3):
        assert "<h1>Je hebt een plek</h1>" in signup(workshop, f"D{number}", f"d{number}@example.org").content.decode()
    first = signup(workshop, "Wachtende", "wacht1@example.org").content.decode()
    second = signup(workshop, "Wachtende", "wacht2@example.org").content.decode()
    assert "<h1>Je staat op de wachtlijst, plaats 1</h1>" in first
    assert "<h1>Je staat op de wachtlijst, plaats 2</h1>" in second
    assert "Je bent nummer 2 op de wachtlijst." in body(mailbox.to("wacht2@example.org")[0])


@pytest.mark.django_db
def test_an_address_already_registered_gets_the_answer_anyone_would(workshop, mailbox, signup):
    """The page tells what a new registration would get, never the address's own status: that goes
    to its owner by e-mail."""
    for number in range(3):
        signup(workshop, f"D{number}", f"d{number}@example.org")
    signup(workshop, "Wachtende", "wacht1@example.org")
    again_confirmed = signup(workshop, "D0", "d0@example.org").content  # has a place
    again_waiting = signup(workshop, "Wachtende", "wacht1@example.org").content  # is number 1
    newcomer = signup(workshop, "Nieuw", "nieuw@example.org").content
    assert again_confirmed == again_waiting == newcomer
    assert "plaats 2" in newcomer.decode()
    assert "nummer 1 op de wachtlijst" in body(mailbox.to("wacht1@example.org")[-1])  # the truth, to its owner
    assert Registration.objects.count() == 5


@pytest.mark.django_db
def test_same_address_cannot_register_twice(workshop, mailbox, signup):
    first = signup(workshop, "Anna", "anna@example.org")
    second = signup(workshop, "Anna B.", "ANNA@example.org ")
    assert first.content == second.content  # the page says nothing about who is registered
    assert Registration.objects.count() == 1
    assert len(mailbox.to("anna@example.org")) == 2  # the second time: a reminder with the cancel link


@pytest.mark.django_db
def test_closed_registration(workshop, mailbox, signup):
    publish_with(workshop, registration_deadline=timezone.now() - datetime.timedelta(minutes=1))
    response = signup(workshop, "Laat", "laat@example.org")
    assert response.status_code == 410
    assert not Registration.objects.exists()
    assert "aanmelden/" not in Client().get(workshop.url).content.decode()


@pytest.mark.django_db
def test_bad_input_and_tampered_links(workshop, mailbox, signup, registration_form):
    response = Client().post(workshop.url + "aanmelden/", registration_form("", "geen-adres", skj_number="12ab"))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"name", "email", "skj_number"}
    assert 'value="geen-adres"' in response.content.decode()  # nothing typed is lost
    signup(workshop, "Anna", "anna@example.org")
    link = cancel_link(mailbox.to("anna@example.org")[0])
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    tampered = path.replace("/afmelden/", "/afmelden/x")
    assert Client().post(tampered).status_code == 400
    assert Registration.objects.get().status == "bevestigd"
    assert signup(workshop, "Bot", "bot@example.org", website="http://spam.example").status_code == 200
    assert not Registration.objects.filter(email="bot@example.org").exists()


@pytest.mark.django_db
def test_registration_rules(calendar):
    from django.core.exceptions import ValidationError

    page = calendar["symposium"]
    page.registration_enabled = True
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "capacity" in error.value.message_dict


@pytest.mark.django_db
def test_personal_data_is_erased_after_the_retention_period(calendar, settings):
    settings.EVENT_REGISTRATION_RETENTION_MONTHS = 6
    old, recent = calendar["past_b"], calendar["past_a"]  # ended 400 and 30 days ago
    for page in (old, recent):
        Registration.objects.create(event=page, name="X", email="x@example.org", status="bevestigd")
    call_command("erase_event_registrations", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(Registration.objects.values_list("event_id", flat=True)) == [recent.pk]


@pytest.mark.django_db
def test_a_mail_server_that_is_down_costs_a_delay_never_a_500_or_the_cancel_link(
    workshop, mailbox, signup, settings, free_port
):
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = free_port, 2  # nothing listens there
    response = signup(workshop, "Anna", "anna@example.org")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Je hebt een plek</h1>" in page and "Er is een e-mail onderweg" in page
    assert Registration.objects.get().status == "bevestigd" and mailbox.messages == []

    settings.EMAIL_PORT = mailbox.controller.port  # the server is back; the job sends what waits
    OutgoingMail.objects.update(next_attempt_at=timezone.now())
    call_command("run_scheduled_jobs", "--job", "send_outgoing_mail", verbosity=0)
    [message] = mailbox.to("anna@example.org")
    assert Client().get(cancel_link(message).split("localhost", 1)[1]).status_code == 200
