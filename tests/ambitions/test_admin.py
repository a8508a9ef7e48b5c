"""Editors add figures: one typed in, or a CSV file checked and shown before it is saved; only to
the ambitions they may edit."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ambitions.models import Measurement

pytestmark = pytest.mark.django_db


def url_of(page, indicator):
    return reverse("ambitions_measurements", args=[page.pk, indicator.translation_key])


@pytest.fixture
def groningen_editor(ambitions, site_tree, editor_client):
    return editor_client(site_tree["groningen"].editor_group, "groningen-redactie", language="en")


def test_an_editor_adds_a_figure_and_the_status_follows(groningen_editor, ambitions):
    page = ambitions["on_track"]
    indicator = page.indicators.first()
    url = url_of(page, indicator)
    day = (date.today() - timedelta(days=3)).isoformat()
    response = groningen_editor.post(url, {"action": "add", "measured_on": day, "value": "72", "source": "GGD"})
    assert response.status_code == 302
    saved = Measurement.objects.get(indicator_key=indicator.translation_key, measured_on=day)
    assert (saved.value, saved.source, saved.entered_by.username) == (72, "GGD", "groningen-redactie")
    assert "On track" in groningen_editor.get(url).content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"value": "-5"}, "-5 is below 0"),
        ({"value": "zeventig"}, "is not a number"),
        ({"measured_on": "2999-01-01"}, "is in the future"),
        ({"source": ""}, "This field is required"),
    ],
)
def test_a_figure_that_makes_no_sense_is_refused_with_a_message(groningen_editor, ambitions, fields, message):
    page = ambitions["on_track"]
    indicator = page.indicators.first()
    data = {"action": "add", "measured_on": date.today().isoformat(), "value": "71", "source": "GGD", **fields}
    response = groningen_editor.post(url_of(page, indicator), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Measurement.objects.filter(indicator_key=indicator.translation_key).count() == 1


def test_an_implausible_jump_is_saved_only_when_confirmed(groningen_editor, ambitions):
    page = ambitions["on_track"]
    indicator = page.indicators.first()  # 70 a month ago
    data = {"action": "add", "measured_on": date.today().isoformat(), "value": "7", "source": "GGD"}
    response = groningen_editor.post(url_of(page, indicator), data)
    assert response.status_code == 400 and "An implausible jump" in response.content.decode()
    assert groningen_editor.post(url_of(page, indicator), {**data, "confirmed": "on"}).status_code == 302
    assert Measurement.objects.filter(indicator_key=indicator.translation_key).count() == 2


def test_a_file_is_shown_with_its_warnings_and_saved_on_confirmation(groningen_editor, ambitions):
    page = ambitions["on_track"]
    indicator = page.indicators.first()
    url = url_of(page, indicator)
    first, second = date.today() - timedelta(days=200), date.today() - timedelta(days=100)
    text = f"datum;waarde;bron\n{first};80;GGD\n{second};20;GGD;telling anders\n"
    upload = SimpleUploadedFile("cijfers.csv", text.encode(), content_type="text/csv")
    response = groningen_editor.post(url, {"action": "check", "file": upload})
    html = response.content.decode()
    assert response.status_code == 200 and "An implausible jump" in html
    assert Measurement.objects.filter(indicator_key=indicator.translation_key).count() == 1  # nothing yet
    payload = re.search(r'name="payload" value="([^"]+)"', html).group(1)
    assert groningen_editor.post(url, {"action": "save", "payload": payload}).status_code == 302
    assert Measurement.objects.filter(indicator_key=indicator.translation_key).count() == 3
    tampered = groningen_editor.post(url, {"action": "save", "payload": payload[:-2] + "xx"}, follow=True)
    assert "The check has expired or the form was changed" in tampered.content.decode()


def test_a_file_with_a_bad_line_saves_nothing(groningen_editor, ambitions):
    page = ambitions["on_track"]
    indicator = page.indicators.first()
    upload = SimpleUploadedFile("cijfers.csv", b"2024-01-01;80;GGD\n2024-02-01;=A1*2;GGD\n")
    html = groningen_editor.post(url_of(page, indicator), {"action": "check", "file": upload}).content.decode()
    assert "line 2, value: “=A1*2” is not a number" in html
    assert 'name="payload"' not in html
    assert Measurement.objects.filter(indicator_key=indicator.translation_key).count() == 1


def test_another_werkplaats_cannot_touch_the_figures(ambitions, site_tree, editor_client):
    samen_editor = editor_client(site_tree["samen"].editor_group, "samen-redactie")
    page = ambitions["on_track"]
    indicator = page.indicators.first()
    data = {"action": "add", "measured_on": date.today().isoformat(), "value": "60", "source": "GGD"}
    # Wagtail's admin answers a refusal by sending the editor to the dashboard with a message.
    assert samen_editor.get(url_of(page, indicator))["Location"] == reverse("wagtailadmin_home")
    assert samen_editor.post(url_of(page, indicator), data)["Location"] == reverse("wagtailadmin_home")
    assert Measurement.objects.filter(indicator_key=indicator.translation_key).count() == 1
    listed = samen_editor.get(reverse("ambitions_overview")).content.decode()
    assert "Netwerken met een jongere" in listed and "Thuiszitters" not in listed


def test_a_national_editor_may_add_to_every_werkplaats(ambitions, editor_client):
    moderator = editor_client(Group.objects.get(name="Moderators"), "landelijk")
    listed = moderator.get(reverse("ambitions_overview")).content.decode()
    assert "Netwerken met een jongere" in listed and "Thuiszitters" in listed


def test_the_editor_finds_the_figures_from_the_ambition(groningen_editor, ambitions):
    page = ambitions["on_track"]
    html = groningen_editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    for indicator in page.indicators.all():
        assert url_of(page, indicator) in html
