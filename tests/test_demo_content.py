import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from articles.models import ArticlePage
from core.models import WerkplaatsPage


@pytest.mark.django_db
def test_demo_content_is_idempotent():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Page.objects.count(), ArticlePage.objects.count(), get_user_model().objects.count())
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), ArticlePage.objects.count(), get_user_model().objects.count()) == counts

    dutch = WerkplaatsPage.objects.filter(locale__language_code="nl")
    assert dutch.count() == 6
    assert ArticlePage.objects.filter(locale__language_code="nl").count() >= 10
    assert ArticlePage.objects.filter(locale__language_code="en").exists()
    # Every Dutch article sits below its werkplaats, or nationally.
    for article in ArticlePage.objects.filter(locale__language_code="nl", werkplaats__isnull=False):
        assert article.path.startswith(article.werkplaats.path)
