"""The translation editor's own actions, for those wagtail-localize's footer does not serve.

wagtail-localize's footer is built in its React bundle from fixed parts: "Publish in …" for those
who may publish, and for everyone "Stop synced translation", "Delete" and "Convert to alias page".
A werkplaats editor, who may not publish, found "Delete" as the main action, and a moderator had no
way to approve or ask for changes there. Its template is overridden
(``core/templates/wagtail_localize/admin/edit_translation.html``) to add, from
:func:`actions_for`:

- for an editor who may edit but not publish: a footer of our own, in place of the React one, whose
  main action is "Vertaling ter goedkeuring aanbieden" (``views.submit_translation``), with the
  preview beside it;
- for a moderator whose approval the page awaits: "Goedkeuren en publiceren" and "Wijzigingen
  vragen" above the editor (:func:`review_translation`). Approving first saves the strings as they
  stand in the editor, so that what is approved is what the moderator read.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page
from wagtail_localize.models import Translation

from .publication_guard import one_write

APPROVE, REQUEST_CHANGES = "approve", "reject"  # Wagtail's names for the two actions


@dataclass(frozen=True)
class TranslationActions:
    submit_url: str | None = None  # "Vertaling ter goedkeuring aanbieden", in our footer
    review_url: str | None = None  # approve or ask for changes, for a moderator
    preview_url: str | None = None


def actions_for(translation, page, user):
    """What ``user`` does with ``translation`` of ``page`` beyond wagtail-localize's own footer."""
    if not isinstance(page, Page):
        return TranslationActions()
    permissions = page.permissions_for_user(user)
    preview_url = reverse("wagtail_localize:preview_translation", args=[translation.pk])
    if permissions.can_edit() and not permissions.can_publish():
        return TranslationActions(
            submit_url=reverse("wiel_submit_translation", args=[translation.pk]), preview_url=preview_url
        )
    if _available_actions(page, user) >= {APPROVE, REQUEST_CHANGES}:
        return TranslationActions(review_url=reverse("wiel_review_translation", args=[translation.pk]))
    return TranslationActions()


def _available_actions(page, user):
    task = page.current_workflow_task
    return {name for name, _label, _modal in task.get_actions(page, user)} if task else set()


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What should change?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=gettext_lazy("The editor who sent the translation reads this in the editor and by e-mail."),
    )


def review_translation(request, translation_id):
    """A moderator approves a page's translation (POST ``action=approve``), or asks for changes
    with a comment (the form on GET, then POST ``action=reject``)."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise PermissionDenied
    page = page.specific
    action = request.POST.get("action") if request.method == "POST" else None
    if action not in (None, APPROVE, REQUEST_CHANGES) or not _available_actions(page, request.user) >= {
        APPROVE,
        REQUEST_CHANGES,
    }:
        raise PermissionDenied
    form = RequestChangesForm(request.POST if action == REQUEST_CHANGES else None)
    if action == APPROVE:
        return one_write(request, page.pk, lambda: _approve(request, translation, page), acting=True)
    if action == REQUEST_CHANGES and form.is_valid():
        return one_write(
            request, page.pk, lambda: _request_changes(request, page, form.cleaned_data["comment"]), acting=True
        )
    return TemplateResponse(
        request,
        "core/admin/request_translation_changes.html",
        {"page_title": _("Request changes"), "header_icon": "globe", "page": page, "form": form},
    )


def _approve(request, translation, page):
    translation.save_target(user=request.user, publish=False)  # what the moderator read is approved
    page = Page.objects.get(pk=page.pk).specific
    page.current_workflow_task.on_action(page.current_workflow_task_state, request.user, APPROVE)
    messages.success(request, _("The translation has been approved and published."))
    return redirect("wagtailadmin_pages:edit", page.pk)


def _request_changes(request, page, comment):
    page.current_workflow_task.on_action(
        page.current_workflow_task_state, request.user, REQUEST_CHANGES, comment=comment
    )
    messages.success(request, _("Changes have been requested; the editor is told by e-mail."))
    return redirect("wagtailadmin_pages:edit", page.pk)
