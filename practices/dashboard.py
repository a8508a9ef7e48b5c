"""The practices' section of an editor's "Mijn werkplaats" panel (core/dashboard.py)."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dashboard import MAX_ITEMS, Item, Section

from .models import REVIEW_INTERVAL_YEARS, PracticePage


def reviews_due(werkplaats, user):
    """The werkplaats' practices whose last review is more than REVIEW_INTERVAL_YEARS ago (or never)."""
    threshold = timezone.localdate() - timezone.timedelta(days=365 * REVIEW_INTERVAL_YEARS)
    due = (
        PracticePage.objects.descendant_of(werkplaats)
        .filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=threshold))
        .order_by("last_reviewed", "title")[:MAX_ITEMS]
    )
    items = [
        Item(
            page.title,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            _("last reviewed %(date)s") % {"date": page.last_reviewed.strftime("%d-%m-%Y")}
            if page.last_reviewed
            else _("never reviewed"),
        )
        for page in due
    ]
    return Section(_("Practices due for review"), _("No practice is due for review."), items)
