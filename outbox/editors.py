"""Telling the people who look after a page: its werkplaats' editors and the national editors."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.base_url import absolute
from core.permissions import NATIONAL_EDITORS_GROUP
from outbox import sending as outbox


def addresses(page):
    """The e-mail addresses of the active national editors and of ``page``'s werkplaats' editors."""
    recipients = set(
        Group.objects.get(name=NATIONAL_EDITORS_GROUP).user_set.filter(is_active=True).values_list("email", flat=True)
    )
    werkplaats = page.werkplaats
    if werkplaats and werkplaats.editor_group_id:
        recipients |= set(werkplaats.editor_group.user_set.filter(is_active=True).values_list("email", flat=True))
    recipients.discard("")
    return sorted(recipients)


def tell(page, subject, template, context):
    """Queue one e-mail to each of ``page``'s editors, in the site's language, with a link to edit
    the page; returns how many. Call it inside the transaction that caused it."""
    context = {**context, "edit_url": absolute(reverse("wagtailadmin_pages:edit", args=[page.pk]))}
    recipients = addresses(page)
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = str(subject), render_to_string(template, context)
    for address in recipients:
        outbox.queue(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]))
    return len(recipients)
