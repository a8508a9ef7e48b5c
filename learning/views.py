"""The public side of the learning loop: "Deel je ervaring", the teller's own page behind their
link, and the page behind an action owner's follow-up link."""

import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.http.cache_policy import personal
from core.http.ratelimit import too_many
from core.pagination import paginate
from core.routes import handles, render_route
from geography.places import Geography
from practices.models import PracticePage

from . import follow_up, telling
from .figures import Filters, overview
from .forms import AnswerForm, HandOverForm, ShareStoryForm
from .models import ProposalIndexPage, StoryIndexPage


@handles(StoryIndexPage)
def share_story(index, request):
    template = "learning/share_form.html"
    form = ShareStoryForm(request.POST or None, geography=Geography.for_request(request))
    if request.method == "POST":
        limited = too_many(request, "stories", settings.STORY_RATE_LIMIT, settings.STORY_RATE_WINDOW)
        if limited:
            return render_route(index, request, template, {"form": form, "rate_limited": limited}, status=429)
        if form.is_valid():
            if not form.cleaned_data.get("website"):  # a bot fills the hidden field: nothing is kept
                telling.receive(index, form.cleaned_data, form.municipality)
            context = {"with_email": bool(form.cleaned_data.get("email"))}
            return render_route(index, request, "learning/share_done.html", context)
    return render_route(index, request, template, {"form": form}, status=400 if form.is_bound else 200)


class ChangeRequestForm(forms.Form):
    message = forms.CharField(
        label=_("What should we change?"), widget=forms.Textarea(attrs={"rows": 5}), max_length=2000
    )


@handles(StoryIndexPage)
@personal
def teller_page(index, request, token):
    template = "learning/teller.html"
    story = telling.story_from_token(token)
    if story is None:
        return render_route(index, request, template, {"invalid": True}, status=400)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "withdraw":
        kept = telling.withdraw(story)
        return render_route(index, request, template, {"withdrawn": True, "kept": kept is not None})
    change = ChangeRequestForm(request.POST if action == "change" else None)
    if action == "change" and change.is_valid():
        telling.ask_for_change(story, change.cleaned_data["message"])
        return render_route(index, request, template, {"story": story, "asked": True, "change": ChangeRequestForm()})
    status = 400 if change.is_bound else 200
    return render_route(index, request, template, {"story": story, "change": change}, status=status)


def practices_for(index):
    """The live practices an owner may name, in the overview's language."""
    return PracticePage.objects.live().public().filter(locale_id=index.locale_id).order_by("title")


@handles(ProposalIndexPage)
@personal
def owner_page(index, request, token):
    """The owner's one page: answer how the action went, or hand it over to a colleague."""
    template = "learning/owner.html"
    found = follow_up.from_token(token)
    if found is None:
        return render_route(index, request, template, {"invalid": True}, status=400)
    action = follow_up.action_of(found)
    intent = request.POST.get("action") if request.method == "POST" else None
    geography = Geography.for_request(request)
    answer = AnswerForm(
        request.POST if intent == "answer" else None,
        practices=practices_for(index),
        geography=geography,
        initial={"key": uuid.uuid4()},
    )
    hand_over = HandOverForm(request.POST if intent == "hand-over" else None)
    context = {"follow_up": found, "action": action, "proposal": found.proposal, "answer": answer}
    context["hand_over"] = hand_over
    if intent == "answer" and answer.is_valid():
        update, _created = follow_up.answer(found, answer.cleaned_data, answer.cleaned_data["key"])
        fresh = AnswerForm(practices=practices_for(index), geography=geography, initial={"key": uuid.uuid4()})
        return render_route(index, request, template, {**context, "answered": update, "answer": fresh})
    if intent == "hand-over" and hand_over.is_valid():
        follow_up.hand_over(found, hand_over.cleaned_data)
        return render_route(index, request, template, {"handed_over": hand_over.cleaned_data["name"]})
    status = 400 if answer.is_bound or hand_over.is_bound else 200
    return render_route(index, request, template, context, status=status)


PAGE_SIZE = 12


@handles(ProposalIndexPage)
def proposal_overview(index, request):
    """The proposals with their figures and filters (``learning.figures``), a page at a time."""
    filters = Filters.from_query(request.GET)
    found = overview(index, index.get_proposals(), filters)
    context = {
        "proposals": paginate(found.proposals, request, PAGE_SIZE, count=found.figures.proposals),
        "figures": found.figures,
        "facets": found.facets,
        "filters": filters,
    }
    return render_route(index, request, index.get_template(request), context)
