"""The public side of the opportunities log: "Kans indienen" and the submitter's own page."""

from django.conf import settings

from core.http.cache_policy import personal
from core.http.ratelimit import too_many
from core.routes import handles, render_route
from geography.places import Geography

from . import receiving, stages
from .forms import OpportunityForm
from .log import log
from .models import OpportunityIndexPage, stage_of


@handles(OpportunityIndexPage)
def submit_opportunity(index, request):
    template = "opportunities/submit_form.html"
    form = OpportunityForm(request.POST or None, geography=Geography.for_request(request))
    if request.method == "POST":
        limited = too_many(request, "opportunities", settings.OPPORTUNITY_RATE_LIMIT, settings.OPPORTUNITY_RATE_WINDOW)
        if limited:
            return render_route(index, request, template, {"form": form, "rate_limited": limited}, status=429)
        if form.is_valid():
            if not form.cleaned_data.get("website"):  # a bot fills the hidden field: nothing is kept
                receiving.receive(index, form.cleaned_data, form.municipality)
            context = {"with_email": bool(form.cleaned_data.get("email"))}
            return render_route(index, request, "opportunities/submit_done.html", context)
    return render_route(index, request, template, {"form": form}, status=400 if form.is_bound else 200)


@handles(OpportunityIndexPage)
@personal
def submitter_page(index, request, token):
    """The opportunity as it stands, for the one who sent it in (also before it is published)."""
    opportunity = stages.from_token(token)
    if opportunity is None:
        return render_route(index, request, "opportunities/submitter.html", {"invalid": True}, status=400)
    context = {"opportunity": opportunity, "stage": stage_of(opportunity) if opportunity.live else None}
    return render_route(index, request, "opportunities/submitter.html", context)


@handles(OpportunityIndexPage)
def opportunity_log(index, request):
    """The log: the opportunities with their stage and score, the funnel per year (``log``)."""
    return render_route(index, request, index.get_template(request), log(index, request.GET))
