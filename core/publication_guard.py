"""A draft saved in the editor never undoes a publish that happened meanwhile.

Wagtail 8's editor saves drafts by itself (autosave, every half second of typing). Its edit view
loads the page when a request starts and, for a page that is not live, saves that whole instance
before storing the revision. When a moderator approves (publishes) the page while such a request
is under way, the draft's save writes the page's old publication state back: the page is a draft
again, although the approval was reported and the editor told so.

So while the edit view saves a draft (``mark_draft_save``, from the ``before_edit_page`` hook, for
every POST but a publish or a workflow action), ``BasePage.save`` takes the publication fields
from the database row, locked, instead of from the instance the request loaded.
"""

from django.db import transaction

from .request_memo import remembered

EDITING_DRAFT = "wiel:editing-draft"
# What only publishing and unpublishing change; an editor's draft leaves them as they are now.
PUBLICATION_FIELDS = ("live", "live_revision_id", "first_published_at", "last_published_at", "expired")
PUBLISHING_ACTIONS = ("action-publish", "action-workflow-action")


def mark_draft_save(request, page):
    """``before_edit_page``: note that this request saves a draft of ``page`` (not a publish)."""
    if request.method == "POST" and not any(action in request.POST for action in PUBLISHING_ACTIONS):
        remembered(EDITING_DRAFT, lambda: page.pk)


def keep_publication_state(page):
    """Before ``page`` is saved whole as a draft in the editor: its publication state as stored."""
    if not page.pk or remembered(EDITING_DRAFT, lambda: None) != page.pk:
        return
    with transaction.atomic():
        stored = type(page).objects.select_for_update().filter(pk=page.pk).values(*PUBLICATION_FIELDS).first()
    for field, value in (stored or {}).items():
        setattr(page, field, value)
