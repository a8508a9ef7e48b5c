"""Renditions are made when an image arrives, so no reader waits for them (core/images.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from core.images import PREPARED_RENDITIONS


@pytest.mark.django_db
def test_an_upload_makes_every_rendition_the_pages_show(admin_user, settings, django_capture_on_commit_callbacks):
    settings.WIEL_PREPARE_RENDITIONS = True
    client = Client()
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Dialoogtafel",
                "description": "Ouders aan tafel",
                "collection": Collection.get_first_root_node().pk,
                "file": SimpleUploadedFile(
                    "dialoogtafel.png", get_test_image_file(size=(1200, 800)).file.getvalue(), "image/png"
                ),
            },
        )
    assert response.status_code == 302, response.context["form"].errors
    image = get_image_model().objects.get(title="Dialoogtafel")
    assert image.renditions.count() == len(PREPARED_RENDITIONS)
    # A reader's page then asks for what is there: nothing new is made.
    image.get_renditions(*PREPARED_RENDITIONS)
    assert image.renditions.count() == len(PREPARED_RENDITIONS)
    # A change of title alone makes nothing new either.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        image.title = "Dialoogtafel 2024"
        image.save(update_fields=["title"])
    assert callbacks == []


@pytest.mark.django_db
def test_without_the_setting_nothing_is_made_in_advance(settings, django_capture_on_commit_callbacks):
    settings.WIEL_PREPARE_RENDITIONS = False
    with django_capture_on_commit_callbacks(execute=True):
        image = get_image_model().objects.create(title="Leeg", file=get_test_image_file())
    assert image.renditions.count() == 0
