"""The admin's "Opvolging": per werkplaats the follow-ups of its proposals' actions (answers waiting
to be accepted, follow-ups overdue or without an answer, those due soon, and those answered).

Each editor sees the follow-ups of the proposals they may edit, so a werkplaats sees its own and
never another's owners; only those who may publish the proposal (the moderators) accept an answer.
"""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import follow_up
from .models import ActionUpdate, FollowUp

DUE_WITHIN = timedelta(days=30)
ANSWERED_SHOWN = 50


def report(request):
    policy = PagePermissionPolicy()
    editable = policy.instances_user_has_permission_for(request.user, "change")
    publishable = set(policy.instances_user_has_permission_for(request.user, "publish").values_list("pk", flat=True))
    mine = FollowUp.objects.filter(proposal__in=editable).select_related("proposal", "proposal__werkplaats")
    today = timezone.localdate()
    waiting = (
        ActionUpdate.objects.filter(follow_up__in=mine, accepted_at__isnull=True, declined_at__isnull=True)
        .select_related("follow_up__proposal", "lasting_practice", "lasting_municipality")
        .order_by("submitted_at")
    )
    context = {
        "waiting": [(update, update.follow_up.proposal_id in publishable) for update in waiting],
        "overdue": mine.filter(asked_at__isnull=False, answered_at__isnull=True).order_by("due_on"),
        "due": mine.filter(asked_at__isnull=True, due_on__lte=today + DUE_WITHIN).order_by("due_on"),
        "answered": mine.filter(answered_at__isnull=False).order_by("-answered_at")[:ANSWERED_SHOWN],
    }
    return TemplateResponse(request, "learning/admin/follow_up_report.html", context)


def _update_for(request, update_id):
    update = get_object_or_404(ActionUpdate.objects.select_related("follow_up__proposal"), pk=update_id)
    if not update.follow_up.proposal.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return update


@require_POST
def accept(request, update_id):
    update = _update_for(request, update_id)
    implementation = follow_up.accept(update, request.user)
    messages.success(request, _("The answer is on the proposal's timeline."))
    if implementation is not None:
        messages.info(
            request,
            _("“%(practice)s” has a new draft implementation; publish the practice to confirm it.")
            % {"practice": update.lasting_practice.title},
        )
    return redirect("learning_follow_up")


@require_POST
def decline(request, update_id):
    update = _update_for(request, update_id)
    follow_up.decline(update, request.user)
    messages.success(request, _("The answer is not shown."))
    return redirect("learning_follow_up")
