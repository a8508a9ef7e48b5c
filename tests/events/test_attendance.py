"""Who was there, recorded after the event; and the counts kept when the registrations are erased."""

import os

import pytest
from django.core.management import call_command
from django.urls import reverse

from events.models import EventTally, Registration

pytestmark = pytest.mark.django_db


def register(event, *names, status="bevestigd"):
    return [
        Registration.objects.create(event=event, name=name, email=f"{name.lower()}@example.org", status=status)
        for name in names
    ]


def test_the_werkplaats_records_who_was_there_after_the_event(calendar, site_tree, editor_client):
    editor = editor_client(site_tree["groningen"].editor_group, "groningen-redactie")
    past = calendar["past_b"]
    anna, bram, _cas = register(past, "Anna", "Bram", "Cas")
    register(past, "Dirk", status="wachtlijst")
    assert "Wie er waren" in editor.get(reverse("events_registrations_event", args=[past.pk])).content.decode()
    answer = editor.post(reverse("events_record_attendance", args=[past.pk]), {"present": [str(anna.pk), str(bram.pk)]})
    assert answer.status_code == 302
    recorded = dict(Registration.objects.filter(event=past).values_list("name", "attended"))
    assert recorded == {"Anna": True, "Bram": True, "Cas": False, "Dirk": None}


def test_attendance_waits_for_the_event_and_stays_with_its_werkplaats(calendar, site_tree, editor_client):
    groningen = editor_client(site_tree["groningen"].editor_group, "groningen-redactie")
    (early,) = register(calendar["online"], "Eva")  # Groningen's, in five days
    groningen.post(reverse("events_record_attendance", args=[calendar["online"].pk]), {"present": [str(early.pk)]})
    (other,) = register(calendar["past_a"], "Fien")  # SAMEN's
    groningen.post(reverse("events_record_attendance", args=[calendar["past_a"].pk]), {"present": [str(other.pk)]})
    assert set(Registration.objects.values_list("attended", flat=True)) == {None}


def test_erasing_keeps_the_counts(calendar, settings):
    settings.EVENT_REGISTRATION_RETENTION_MONTHS = 6
    old, recent = calendar["past_b"], calendar["past_a"]  # ended 400 and 30 days ago
    anna, bram = register(old, "Anna", "Bram")
    register(old, "Cas", status="wachtlijst")
    register(old, "Dirk", status="afgemeld")
    register(recent, "Eva")
    Registration.objects.filter(pk=anna.pk).update(attended=True)
    Registration.objects.filter(pk=bram.pk).update(attended=False)
    with open(os.devnull, "w") as quiet:
        call_command("erase_event_registrations", stdout=quiet)
    assert not Registration.objects.filter(event=old).exists()
    tally = EventTally.objects.get(event=old)
    assert (tally.registered, tally.waiting, tally.attended) == (2, 1, 1)
    assert not EventTally.objects.filter(event=recent).exists()


def test_a_tally_without_recorded_attendance_says_so(calendar, settings):
    settings.EVENT_REGISTRATION_RETENTION_MONTHS = 6
    register(calendar["past_b"], "Anna", "Bram")
    with open(os.devnull, "w") as quiet:
        call_command("erase_event_registrations", stdout=quiet)
    assert EventTally.objects.get(event=calendar["past_b"]).attended is None
