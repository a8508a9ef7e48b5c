"""Approve means published: what an editor writes in the page editor happens whole, one at a time.

Wagtail 8's editor saves drafts by itself (autosave, half a second after typing stops), and two
things went wrong when a moderator approved from the editor:

- Clicking "Goedkeuren en publiceren" adds the workflow action to the edit form as hidden fields
  before the form is sent. An autosave that fires in that moment sends them too, so two requests
  approve the page at once: one publishes, the other finds no task left (a 500), or saves the page
  it loaded before the publish, as a draft, over the published row.
- Nothing checked the result: the workflow counted as approved and the editor was told so by
  e-mail, while the page stayed a draft.

So:

- :func:`autosave_only_saves` (``before_edit_page``) takes every action field out of an autosave:
  an autosave saves a draft, and never approves, submits or publishes.
- :class:`OneEditorWriteAtATime` runs each write of the page editor (edit, create, and the
  dashboard's workflow actions) in one transaction that first locks the page's row (for a new
  page: its parent's), so a request reads the page only after the one before it has finished.
  A workflow action that approves must leave the page live or scheduled; if it does not, or if it
  fails, everything it did is rolled back and the moderator sees why.
- Wagtail's workflow e-mails go out once the transaction commits (:func:`send_workflow_mail_on_commit`),
  so a rolled-back approval sends no "approved" e-mail.
"""

import logging
from functools import partial

from django.contrib import messages
from django.contrib.messages.storage import default_storage
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import signal_handlers as wagtail_mail
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

logger = logging.getLogger(__name__)

# The fields with which the editor's form asks for more than a draft (Wagtail's edit view).
ACTION_FIELDS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-cancel-workflow",
    "action-workflow-action",
    "workflow-action-name",
    "workflow-action-extra-data",
)
# The views of the page editor that write, with the URL argument naming the row to lock.
WRITING_VIEWS = {
    "wagtailadmin_pages:edit": "page_id",
    "wagtailadmin_pages:add": "parent_page_id",
    "wagtailadmin_pages:workflow_action": "page_id",
}


def is_autosave(request):
    """Wagtail's editor asks for JSON when it saves by itself, and for HTML when a person clicks."""
    return not request.accepts("text/html")


def autosave_only_saves(request, page):
    """``before_edit_page``: an autosave carries no action, whatever the form held when it fired."""
    if request.method == "POST" and is_autosave(request) and any(field in request.POST for field in ACTION_FIELDS):
        request.POST = request.POST.copy()
        for field in ACTION_FIELDS:
            request.POST.pop(field, None)


class PublishNotDone(Exception):
    """An approval finished the workflow, and the page is neither live nor scheduled."""


class OneEditorWriteAtATime:
    """Middleware: the page editor's writes, one per page at a time, each whole or not at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        argument = WRITING_VIEWS.get(match.view_name) if match and request.method == "POST" else None
        if argument is None or argument not in view_kwargs:
            return None
        acting = match.view_name == "wagtailadmin_pages:workflow_action" or (
            "action-workflow-action" in request.POST and not is_autosave(request)
        )
        return one_write(request, view_kwargs[argument], lambda: view_func(request, *view_args, **view_kwargs), acting)


def one_write(request, page_id, write, acting=False):
    """``write()``, in one transaction that first locks the page's row. For a workflow action
    (``acting``): an approval that leaves the page unpublished, or any failure, is rolled back and
    reported to the moderator on the edit page instead of being raised."""
    try:
        with transaction.atomic():
            # The lock waits for any other write to this page to finish; on SQLite the
            # transaction itself is the lock (it begins IMMEDIATE, see settings).
            list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk"))
            approving = acting and workflow_in_progress(page_id)
            response = write()
            # A form shown again with its errors (200) did nothing and says why itself; an
            # answer that reports success must have published.
            if approving and response.status_code != 200 and not ended_published(approving):
                raise PublishNotDone
            return response
    except Exception as error:
        if not acting:
            raise
        return report_failed_action(request, page_id, error)


def report_failed_action(request, page_id, error):
    """The moderator's action left nothing behind: say so on the edit page, and log why. A page
    whose own rules refused to go live (a ``ValidationError``) says which, as a form would."""
    request._messages = default_storage(request)  # drop the view's "approved" message
    if isinstance(error, ValidationError):
        logger.info("A workflow action on page %s was refused: %s", page_id, error.messages)
        messages.error(request, " ".join(error.messages))
        return redirect("wagtailadmin_pages:edit", page_id)
    if isinstance(error, PublishNotDone):
        logger.error("An approval of page %s did not publish it; the approval was undone.", page_id)
    else:
        logger.exception("A workflow action on page %s failed; it was undone.", page_id)
    messages.error(
        request,
        _(
            "This action did not go through: the page was not published and nobody was told it was "
            "approved. Nothing was changed. Try again, or ask a developer to look at the log."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page_id)


def workflow_in_progress(page_id):
    """The id of the page's workflow in progress, if any."""
    state = Page.objects.get(pk=page_id).current_workflow_state
    return state.pk if state and state.status == WorkflowState.STATUS_IN_PROGRESS else None


def ended_published(workflow_state_id):
    """After a workflow action: false only when the workflow was approved and the page is neither
    live nor waiting for its scheduled publication."""
    state = WorkflowState.objects.get(pk=workflow_state_id)
    if state.status != WorkflowState.STATUS_APPROVED:
        return True
    page = Page.objects.get(pk=state.object_id)
    return page.live or page.revisions.filter(approved_go_live_at__isnull=False).exists()


def send_workflow_mail_on_commit():
    """Connect Wagtail's workflow e-mails so that they go out after the commit.

    Called before ``wagtail.admin`` connects its own: each is connected here under Wagtail's own
    ``dispatch_uid``, so Wagtail's immediate sending is not connected a second time.
    """
    for signal, notifier, sender, uid in [
        (task_submitted, wagtail_mail.task_submission_email_notifier, TaskState, "group_approval_task_submitted"),
        (
            workflow_submitted,
            wagtail_mail.workflow_submission_email_notifier,
            WorkflowState,
            "workflow_state_submitted",
        ),
        (workflow_rejected, wagtail_mail.workflow_rejection_email_notifier, WorkflowState, "workflow_state_rejected"),
        (workflow_approved, wagtail_mail.workflow_approval_email_notifier, WorkflowState, "workflow_state_approved"),
    ]:
        signal.connect(
            partial(_after_commit, notifier), sender=sender, weak=False, dispatch_uid=f"{uid}_email_notification"
        )


def _after_commit(notifier, **kwargs):
    transaction.on_commit(partial(notifier, **kwargs))
