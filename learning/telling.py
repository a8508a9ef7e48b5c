"""A story told through the site, and what its teller can do afterwards without an account.

A story sent through "Deel je ervaring" is saved as a draft below the overview it was sent to; it
is never published on arrival (``StoryPage.publication_problems`` and the moderators decide).
If the teller gave an e-mail address, they get a link signed for that story alone (the token
holds the story's id, nothing personal). Through it they read their story as it stands, ask for a
change, or withdraw it. The link works until the consent's end date.

Withdrawing unpublishes the story at once. When the teller allowed the text to be kept it stays,
as an unpublished page without any name or address, for the werkplaats to learn from; otherwise
the page and all its revisions are deleted, so no earlier version keeps what was erased.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.base_url import absolute
from core.tokens import make_token, read_token
from outbox import editors
from outbox import sending as outbox

from .choices import Source
from .models import StoryPage

SIGNING_NAMESPACE = "learning.story.teller"
# The signature itself may be old: the consent's end date decides (checked on every use).
TOKEN_MAX_AGE = 10 * 366 * 24 * 3600


def years_after(day, years):
    """The same date ``years`` later; 29 February becomes 28 February in a year without it."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def receive(index, data, municipality=None):
    """Save a story from the public form as a draft below ``index``; returns the page."""
    today = timezone.localdate()
    story = StoryPage(
        title=data["title"],
        story=data["story"],
        teller=data["teller"],
        age_band=data.get("age_band", ""),
        municipality_id=municipality.pk if municipality else None,
        source=Source.SITE,
        publication=data["publication"],
        teller_name=data.get("first_name", ""),
        teller_email=data.get("email", ""),
        may_contact=bool(data.get("may_contact")),
        keep_after_withdrawal=bool(data.get("keep_text")),
        consent_until=years_after(today, data["keep_years"]),
        received_at=timezone.now(),
        live=False,
        locale_id=index.locale_id,
    )
    with transaction.atomic():
        index.add_child(instance=story)
        story.save_revision()
        if story.teller_email:
            queue_mail(story, "received")
    return story


def teller_token(story):
    return make_token({"s": story.pk}, SIGNING_NAMESPACE)


def story_from_token(token):
    """The story a teller's link stands for, or None when the link is tampered with, the story is
    gone, or its consent has ended."""
    data = read_token(token, SIGNING_NAMESPACE, TOKEN_MAX_AGE)
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        return None
    story = StoryPage.objects.filter(pk=data["s"]).first()
    if story is None or not story.teller_email:
        return None  # withdrawn: the address, and with it the link, is gone
    if story.consent_until and story.consent_until < timezone.localdate():
        return None
    return story


def teller_url(story):
    index = story.get_parent().specific
    return absolute(index.url + index.reverse_subpage("teller", args=[teller_token(story)]))


def withdraw(story):
    """Unpublish the story at once and erase who told it; keep the text only if the teller allowed it."""
    with transaction.atomic():
        story = StoryPage.objects.select_for_update().get(pk=story.pk)
        if story.live:
            story.unpublish()
        if not story.keep_after_withdrawal:
            story.delete()
            return None
        story.revisions.all().delete()  # earlier versions held the name and the address
        story.refresh_from_db()
        story.teller_name = ""
        story.teller_email = ""
        story.may_contact = False
        story.save()
        story.save_revision()
    return story


def ask_for_change(story, message):
    """Tell the werkplaats' editors and the national editors what the teller wants changed."""
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        subject = _("A teller asks for a change to “%(title)s”") % {"title": story.title}
        return editors.tell(story, subject, "learning/email/change_request.txt", {"story": story, "message": message})


SUBJECTS = {"received": _("We received your story “%(title)s”")}


def queue_mail(story, kind):
    """The e-mail to the teller, in the story's language, kept in the outbox in the caller's transaction."""
    with translation.override(story.locale.language_code):
        subject = str(SUBJECTS[kind]) % {"title": story.title}
        context = {"story": story, "link": teller_url(story), "until": story.consent_until}
        body = render_to_string(f"learning/email/{kind}.txt", context)
    outbox.queue(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [story.teller_email]))
