"""The admin's side of the opportunities log: scoring the published opportunities of a log on its
criteria and choosing them ("Kansen wegen"), and making a practice example of a project.

Whoever may edit the log may score and choose: a werkplaats' editors their own, national
editors all. Choosing tells the submitter (``stages.tell``).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import becoming, stages
from .log import entries
from .models import HIGHEST_SCORE, Assessment, OpportunityIndexPage, OpportunityPage, Progress, ProjectPage

SCORES = range(HIGHEST_SCORE + 1)


def logs(request):
    """The logs the user may edit, to choose one to weigh."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    found = OpportunityIndexPage.objects.filter(pk__in=editable.values("pk")).select_related("locale")
    return TemplateResponse(request, "opportunities/admin/logs.html", {"logs": found.order_by("title")})


def log_for(request, index_id):
    index = get_object_or_404(OpportunityIndexPage, pk=index_id)
    if not index.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return index


def weigh(request, index_id):
    index = log_for(request, index_id)
    opportunities = list(OpportunityPage.objects.child_of(index).live().order_by("-received_at"))
    criteria = list(index.criteria.all())
    if request.method == "POST":
        saved = save_scores(request, opportunities, criteria)
        choose(request, opportunities)
        messages.success(request, _("The scores are saved.") if saved else _("Nothing changed."))
        return redirect("opportunities_weigh", index.pk)
    found = entries(opportunities)
    found.sort(key=lambda entry: (entry.score is None, -(entry.score or 0)))
    given = {}
    for key, criterion, score in Assessment.objects.filter(
        opportunity_key__in=[o.translation_key for o in opportunities]
    ).values_list("opportunity_key", "criterion_key", "score"):
        given[(key, criterion)] = score
    rows = [
        (
            entry,
            [
                (criterion, given.get((entry.opportunity.translation_key, criterion.translation_key)))
                for criterion in criteria
            ],
        )
        for entry in found
    ]
    chosen = set(
        Progress.objects.filter(
            opportunity_key__in=[o.translation_key for o in opportunities], chosen_on__isnull=False
        ).values_list("opportunity_key", flat=True)
    )
    context = {"index": index, "criteria": criteria, "rows": rows, "scores": SCORES, "chosen": chosen}
    return TemplateResponse(request, "opportunities/admin/weigh.html", context)


def save_scores(request, opportunities, criteria):
    """Save the scores sent (``score-<opportunity pk>-<criterion pk>``: 0 to 5, or empty to clear)."""
    changed = 0
    with transaction.atomic():
        for opportunity in opportunities:
            for criterion in criteria:
                raw = request.POST.get(f"score-{opportunity.pk}-{criterion.pk}")
                if raw is None:
                    continue
                keys = {"opportunity_key": opportunity.translation_key, "criterion_key": criterion.translation_key}
                if raw == "":
                    changed += Assessment.objects.filter(**keys).delete()[0]
                elif raw.isdigit() and int(raw) in SCORES:
                    score, created = Assessment.objects.get_or_create(
                        **keys, defaults={"score": int(raw), "scored_by": request.user}
                    )
                    if not created and score.score != int(raw):
                        Assessment.objects.filter(pk=score.pk).update(
                            score=int(raw), scored_by=request.user, scored_at=timezone.now()
                        )
                        changed += 1
                    changed += created
    return changed


def choose(request, opportunities):
    """Mark the ticked opportunities chosen (``chosen``), and the unticked ones not (yet) funded unchosen."""
    ticked = set(request.POST.getlist("chosen"))
    for opportunity in opportunities:
        wanted = str(opportunity.pk) in ticked
        with transaction.atomic():
            progress, _created = Progress.objects.select_for_update().get_or_create(
                opportunity_key=opportunity.translation_key
            )
            if wanted and progress.chosen_on is None:
                Progress.objects.filter(pk=progress.pk).update(chosen_on=timezone.localdate(), chosen_by=request.user)
                stages.tell(opportunity)
            elif not wanted and progress.chosen_on is not None:
                Progress.objects.filter(pk=progress.pk).update(chosen_on=None, chosen_by=None)


def make_practice(request, page_id):
    """Asked (GET) and done (POST): the project's draft practice example, opened in the editor."""
    project = get_object_or_404(ProjectPage, pk=page_id)
    index = becoming.practice_index_for(project)
    may = project.permissions_for_user(request.user).can_edit()
    if not may or not (project.became_practice_id or index.permissions_for_user(request.user).can_add_subpage()):
        raise PermissionDenied
    if request.method != "POST":
        context = {"project": project, "index": index}
        return TemplateResponse(request, "opportunities/admin/make_practice.html", context)
    practice = becoming.make_practice(project, request.user)
    messages.success(
        request,
        _("“%(title)s” is a draft practice example: complete its record and publish it.") % {"title": practice.title},
    )
    return redirect("wagtailadmin_pages:edit", practice.pk)
