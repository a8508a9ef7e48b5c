"""A new page's autosave and its "submit" agree on one page.

Wagtail 8 saves a new page by itself as soon as the editor pauses (autosave), and only then turns
the create form into an edit form. A submit sent in that moment reached the create view a second
time: a second page with the same slug (a 500), and the autosaved draft left behind, in no workflow.

The create form carries a random key (``core/js/draft-key.js``). The page a create request makes is
recorded under it (:func:`remember`); a later request of the same form, autosave or submit, is
handed to that page's edit view (:func:`to_the_created_page`). The page editor's writes run one at
a time per parent (core/publication_guard.py), so the second request always sees the first page.
Without JavaScript there is no autosave and no key, and nothing changes.
"""

import uuid
from datetime import timedelta

from django.urls import resolve, reverse
from django.utils import timezone

from .models import CreatedDraft

FIELD = "wiel-draft-key"
KEPT = timedelta(days=1)  # a form is not left open longer; older keys are dropped


def _key(request):
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def to_the_created_page(request, parent_page, page_class):
    """``before_create_page``: a form whose page exists already continues on that page's edit view."""
    key = request.method == "POST" and _key(request)
    if not key:
        return None
    draft = CreatedDraft.objects.filter(key=key, page__owner=request.user).select_related("page").first()
    if draft is None or draft.page.get_parent().pk != parent_page.pk:
        return None
    match = resolve(reverse("wagtailadmin_pages:edit", args=[draft.page_id]))
    return match.func(request, *match.args, **match.kwargs)


def remember(request, page):
    """``after_create_page``: record which page this form made."""
    key = request.method == "POST" and _key(request)
    if key:
        CreatedDraft.objects.filter(created_at__lt=timezone.now() - KEPT).delete()
        CreatedDraft.objects.get_or_create(key=key, defaults={"page": page})
