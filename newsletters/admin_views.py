"""The editors' tools for an issue: a test e-mail, the digest button, and the sending figures.

Every view checks that the editor may edit the issue, so a werkplaats sees only its own.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.permission_policies.pages import PagePermissionPolicy

from outbox import sending as outbox

from .digest import add_digest, digest_for, since
from .email import IssueRenderer, Recipient
from .figures import with_figures
from .models import Mailing, NewsletterPage


def _issue(request, page_id):
    issue = get_object_or_404(NewsletterPage, pk=page_id)
    if not issue.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return issue


def test_send(request, page_id):
    """Send the latest draft to the editor's own address, marked as a test."""
    issue = _issue(request, page_id)
    address = request.user.email
    if request.method == "POST" and address:
        draft = issue.get_latest_revision_as_object()
        recipient = Recipient(subscriber_id=0, email=address, name=request.user.get_full_name())
        message = IssueRenderer(draft).message(recipient)
        message.subject = f"[{_('Test')}] {message.subject}"
        outbox.queue(message)  # sent by the worker, with retries: a failing mail server costs a wait
        messages.success(
            request,
            _("A test e-mail of “%(title)s” is on its way to %(address)s.")
            % {"title": draft.title, "address": address},
        )
        return redirect("wagtailadmin_pages:edit", issue.pk)
    return TemplateResponse(request, "newsletters/admin/test_send.html", {"issue": issue, "address": address})


def digest(request, page_id):
    """Show what the digest would add; a POST adds it to the draft."""
    issue = _issue(request, page_id)
    draft = issue.get_latest_revision_as_object()
    if request.method == "POST":
        added = add_digest(issue, request.user)
        if added:
            text = ngettext("Added %(count)d page to the draft.", "Added %(count)d pages to the draft.", len(added))
            messages.success(request, text % {"count": len(added)})
        else:
            messages.info(request, _("Nothing new was published for this newsletter since the previous issue."))
        return redirect("wagtailadmin_pages:edit", issue.pk)
    after = since(draft)
    context = {"issue": issue, "since": after, "found": digest_for(draft)}
    return TemplateResponse(request, "newsletters/admin/digest.html", context)


def mailings(request):
    """Every mailing the editor may see, with its figures."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    rows = with_figures(
        Mailing.objects.filter(page__in=editable.type(NewsletterPage)).select_related("page", "newsletter")
    ).order_by("-send_after")
    return TemplateResponse(
        request,
        "newsletters/admin/mailings.html",
        {"mailings": rows, "rate": settings.NEWSLETTER_SEND_RATE, "index_url": reverse("newsletters_mailings")},
    )
