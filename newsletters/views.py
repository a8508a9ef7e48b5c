"""Subscribing (double opt-in, per list) and confirming."""

from django.conf import settings

from .forms import CONSENT_TEXT, ConfirmForm, SubscribeForm
from .models import NewsletterList, Subscription
from .subscription import confirm, request_subscription, subscriber_from_token, too_many_attempts


def _render(page, request, template, context=None, status=200):
    response = page.render(request, template=template, context_overrides=context or {})
    response.status_code = status
    return response


def subscribe_form(page, request):
    template = "newsletters/subscribe.html"
    form = SubscribeForm(request.POST or None)
    if request.method == "POST":
        if too_many_attempts(request):
            return _render(page, request, template, {"form": form, "rate_limited": True}, status=429)
        if form.is_valid():
            if not form.cleaned_data.get("website"):  # a bot gets the same page, and nothing happens
                request_subscription(form.cleaned_data, str(CONSENT_TEXT), page, request)
            return _render(page, request, "newsletters/subscribe_done.html")
        return _render(page, request, template, {"form": form}, status=400)
    return _render(page, request, template, {"form": form})


def confirm_subscription(page, request, token):
    template = "newsletters/confirm.html"
    subscriber = subscriber_from_token(token)
    if subscriber is None:
        return _render(
            page, request, template, {"invalid": True, "days": settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400}, status=400
        )
    pending = NewsletterList.objects.filter(
        subscriptions__subscriber=subscriber, subscriptions__status=Subscription.Status.PENDING
    )
    form = ConfirmForm(request.POST or None, pending=pending)
    if request.method == "POST" and form.is_valid():
        confirmed = confirm(subscriber, [newsletter.pk for newsletter in form.cleaned_data["lists"]])
        return _render(page, request, template, {"confirmed": confirmed})
    status = 400 if form.is_bound else 200
    return _render(
        page,
        request,
        template,
        {"form": form, "subscriber": subscriber, "nothing_pending": not pending.exists()},
        status=status,
    )
