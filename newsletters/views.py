"""Subscribing (double opt-in, per list) and confirming."""

import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from core.http.cache_policy import personal
from core.pagination import paginate
from core.routes import handles, render_route

from .email import IssueRenderer, preview
from .feeds import IssueFeed
from .forms import CONSENT_TEXT, ConfirmForm, PreferencesForm, SubscribeForm
from .models import Mailing, NewsletterIndexPage, NewsletterList, NewsletterPage, Subscription
from .subscription import (
    confirm,
    erase,
    personal_data,
    request_subscription,
    save_preferences,
    subscriber_from_preferences_token,
    subscriber_from_token,
    too_many_attempts,
    unsubscribe_all,
)


@handles(NewsletterIndexPage)
def subscribe_form(page, request):
    template = "newsletters/subscribe.html"
    # The sign-up block of any page sends the address and lists here (GET): they fill the form in.
    initial = {"email": request.GET.get("email", "")[:254], "lists": request.GET.getlist("lists")[:20]}
    form = SubscribeForm(request.POST or None, initial=initial)
    if request.method == "POST":
        limited = too_many_attempts(request)
        if limited:
            return render_route(page, request, template, {"form": form, "rate_limited": limited}, status=429)
        if form.is_valid():
            if not form.cleaned_data.get("website"):  # a bot gets the same page, and nothing happens
                request_subscription(form.cleaned_data, str(CONSENT_TEXT), page, request)
            return render_route(page, request, "newsletters/subscribe_done.html")
        return render_route(page, request, template, {"form": form}, status=400)
    return render_route(page, request, template, {"form": form})


@handles(NewsletterIndexPage)
@personal
def confirm_subscription(page, request, token):
    template = "newsletters/confirm.html"
    subscriber = subscriber_from_token(token)
    if subscriber is None:
        return render_route(
            page, request, template, {"invalid": True, "days": settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400}, status=400
        )
    pending = NewsletterList.objects.filter(
        subscriptions__subscriber=subscriber, subscriptions__status=Subscription.Status.PENDING
    )
    form = ConfirmForm(request.POST or None, pending=pending)
    if request.method == "POST" and form.is_valid():
        confirmed = confirm(subscriber, [newsletter.pk for newsletter in form.cleaned_data["lists"]])
        return render_route(page, request, template, {"confirmed": confirmed})
    status = 400 if form.is_bound else 200
    return render_route(
        page,
        request,
        template,
        {"form": form, "subscriber": subscriber, "nothing_pending": not pending.exists()},
        status=status,
    )


def _invalid_preferences(page, request):
    return render_route(page, request, "newsletters/preferences.html", {"invalid": True}, status=400)


@handles(NewsletterIndexPage)
@personal
def preference_centre(page, request, token):
    subscriber = subscriber_from_preferences_token(token)
    if subscriber is None:
        return _invalid_preferences(page, request)
    template = "newsletters/preferences.html"
    if request.method == "POST" and request.POST.get("action") == "alles-afmelden":
        unsubscribe_all(subscriber)
        return render_route(
            page, request, template, {"subscriber": subscriber, "unsubscribed_all": True, "token": token}
        )
    active = NewsletterList.objects.filter(
        subscriptions__subscriber=subscriber, subscriptions__status=Subscription.Status.CONFIRMED
    )
    initial = {
        "name": subscriber.name,
        "lists": list(active),
        "themes": list(subscriber.themes.all()),
        "provinces": list(subscriber.provinces.all()),
        "youth_regions": list(subscriber.youth_regions.all()),
    }
    form = PreferencesForm(request.POST or None, initial=initial)
    saved = False
    if request.method == "POST" and form.is_valid():
        save_preferences(subscriber, form.cleaned_data)
        saved = True
    context = {"subscriber": subscriber, "form": form, "saved": saved, "token": token}
    return render_route(page, request, template, context, status=400 if form.is_bound and not form.is_valid() else 200)


@handles(NewsletterIndexPage)
@personal
def download_data(page, request, token):
    subscriber = subscriber_from_preferences_token(token)
    if subscriber is None:
        return _invalid_preferences(page, request)
    response = HttpResponse(
        json.dumps(personal_data(subscriber), ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-wiel.json"'
    return response


@handles(NewsletterIndexPage)
@personal
def erase_data(page, request, token):
    subscriber = subscriber_from_preferences_token(token)
    template = "newsletters/erase.html"
    if subscriber is None:
        return _invalid_preferences(page, request)
    if request.method == "POST":
        erase(subscriber)
        return render_route(page, request, template, {"erased": True})
    return render_route(page, request, template, {"subscriber": subscriber})


def sent_mailings(page):
    """Sent issues whose web versions are live, newest first."""
    return (
        Mailing.objects.filter(started_at__isnull=False, page__live=True)
        .select_related("page", "newsletter")
        .order_by("-started_at")
    )


@handles(NewsletterIndexPage)
def archive(page, request):
    mailings = sent_mailings(page)
    newsletters = list(NewsletterList.objects.filter(mailings__started_at__isnull=False).distinct())
    current = next((n for n in newsletters if n.slug == request.GET.get("lijst")), None)
    if current:
        mailings = mailings.filter(newsletter=current)
    context = {"newsletters": newsletters, "current": current, "page_obj": paginate(mailings, request, 20)}
    return render_route(page, request, "newsletters/archive.html", context)


@handles(NewsletterIndexPage)
def feed(page, request, slug):
    newsletter = get_object_or_404(NewsletterList, slug=slug)
    return IssueFeed(page, newsletter, sent_mailings(page).filter(newsletter=newsletter))(request)


def issue_context(issue):
    """The web version's sections (as the e-mail has them), and where to subscribe and read more."""
    context = {"sections": IssueRenderer(issue).sections, "sent_at": issue.sent_at}
    index = NewsletterIndexPage.objects.live().filter(locale=issue.locale).first()
    if index:
        context["subscribe_url"] = index.url
        context["archive_url"] = f"{index.url}{index.reverse_subpage('archive')}?lijst={issue.newsletter.slug}"
    return context


@handles(NewsletterPage)
def issue_web_version(issue, request):
    return render_route(issue, request, issue.get_template(request), issue_context(issue))


@handles(NewsletterPage)
def issue_preview(issue, request, mode):
    """The editor's preview: the web version (before it is sent), or the e-mail as HTML or text."""
    if mode in ("email", "text"):
        return preview(issue, request, mode)
    return issue_web_version(issue, request)
