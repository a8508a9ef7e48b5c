"""The digest button: what was published since the previous issue, in the list's themes and regions.

A werkplaats' list collects that werkplaats' own pages; the national list collects everything.
The list's themes and provinces narrow it further. Events count only while still to come, and a
page a section of the draft already shows is not added again.
"""

from datetime import timedelta

from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import ArticlePage
from core.http.visibility import public
from events.models import EventPage
from practices.models import PracticePage

from .blocks import IssueBodyBlock
from .models import Mailing

DEFAULT_PERIOD = timedelta(days=90)  # for a list's first issue
MAX_PER_SECTION = 8
SECTIONS = (
    ("practices", PracticePage, lambda: _("New practice examples")),
    ("events", EventPage, lambda: _("Coming events")),
    ("articles", ArticlePage, lambda: _("News and articles")),
)


def since(issue):
    """When the list's previous issue went out (or DEFAULT_PERIOD ago for its first one)."""
    previous = (
        Mailing.objects.filter(newsletter_id=issue.newsletter_id, started_at__isnull=False)
        .exclude(page_id=issue.pk)
        .aggregate(at=Max("started_at"))["at"]
    )
    return previous or timezone.now() - DEFAULT_PERIOD


def collect(newsletter, after):
    """{section kind: [pages]} published after ``after`` that fit the list."""
    themes = list(newsletter.themes.values_list("pk", flat=True))
    provinces = list(newsletter.provinces.values_list("pk", flat=True))
    found = {}
    for kind, model, _heading in SECTIONS:
        pages = public(model.objects.live()).filter(locale__language_code="nl", first_published_at__gt=after)
        if newsletter.werkplaats_id:
            pages = pages.filter(werkplaats_id=newsletter.werkplaats_id)
        if themes:
            pages = pages.filter(themes__in=themes)
        if provinces:
            region = Q(werkplaats__provinces__in=provinces) | Q(werkplaats__isnull=True)
            if model is PracticePage:
                region |= Q(implementations__municipalities__province__in=provinces)
            pages = pages.filter(region)
        if model is EventPage:
            pages = pages.filter(start__gte=timezone.now())
        ids = pages.order_by().values_list("pk", flat=True).distinct()
        found[kind] = list(model.objects.filter(pk__in=ids).order_by("-first_published_at")[:MAX_PER_SECTION])
    return found


def shown_in(issue):
    """The ids of the pages a section of ``issue`` already shows."""
    shown = set()
    for block in issue.body:
        pages = block.value.get("pages") if hasattr(block.value, "get") else None
        shown.update(page.pk for page in pages or () if page is not None)
    return shown


def digest_for(draft):
    """What the digest would add to ``draft``: ``collect``, without the pages it already shows."""
    shown = shown_in(draft)
    found = collect(draft.newsletter, since(draft))
    return {kind: [page for page in pages if page.pk not in shown] for kind, pages in found.items()}


def add_digest(issue, user):
    """Append the digest to the issue's latest draft as a new revision; returns the pages added."""
    draft = issue.get_latest_revision_as_object()
    found = digest_for(draft)
    stream = IssueBodyBlock()
    for kind, _model, heading in SECTIONS:
        if found[kind]:
            value = stream.child_blocks[kind].to_python(
                {"heading": heading(), "intro": "", "pages": [page.pk for page in found[kind]]}
            )
            draft.body.append((kind, value))
    added = [page for pages in found.values() for page in pages]
    if added:
        draft.save_revision(user=user, log_action=True)
    return added
