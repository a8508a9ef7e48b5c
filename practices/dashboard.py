"""The practices' section of an editor's "Mijn werkplaats" panel (core/dashboard.py)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.dashboard import MAX_ITEMS, Item, Section

from .models import PracticePage, review_threshold


def reviews_due(werkplaats, user):
    """The werkplaats' practices due for review (``PracticePage.review_due``), in one query."""
    due = (
        PracticePage.objects.descendant_of(werkplaats)
        .filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=review_threshold()))
        .order_by("last_reviewed", "title")[:MAX_ITEMS]
    )
    items = [
        Item(
            page.title,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            _("last reviewed %(date)s") % {"date": date_format(page.last_reviewed)}
            if page.last_reviewed
            else _("never reviewed"),
        )
        for page in due
    ]
    return Section(_("Practices due for review"), _("No practice is due for review."), items)
