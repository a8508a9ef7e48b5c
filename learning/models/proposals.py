"""Improvement proposals (verbetervoorstellen): what a group at a meeting made of one or more
stories, with actions that each have someone who took up the glove, and the follow-up that asks
them how it went.

The proposal and its actions are page content: edited, reviewed and translated like every page,
with their history in revisions. What happens after publishing is not: the follow-up of an
action (who owns it now, when it was asked, reminded or went silent, a bounced address) and the
owners' answers live in ``FollowUp`` and ``ActionUpdate``, so publishing an older revision never
turns the clock back, and a hand-over needs no editor. Both are keyed by the action's
``translation_key``: the Dutch and English pages share one follow-up.
"""

import datetime
from dataclasses import dataclass
from typing import NamedTuple

from dateutil.relativedelta import relativedelta
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.feeds import OverviewFeed
from core.models import BasePage, SectionIndexPage, WerkplaatsContentPage
from core.routes import LocalizedRoutablePageMixin, answer, localized_path
from core.widgets import MunicipalityChooser
from geography.models import Municipality
from practices.serializers import MunicipalitySerializer, TermSerializer

from ..choices import ActionStatus, Adoption
from ..forms import ProposalAdminForm
from ..serializers import ActionSerializer, UpdateSerializer

# Two months after the meeting, unless an action sets its own date.
FOLLOW_UP_AFTER = relativedelta(months=2)
# An answer counts as in time when it came within three months of the follow-up date.
IN_TIME = datetime.timedelta(days=92)


class ProposalIndexPage(LocalizedRoutablePageMixin, SectionIndexPage):
    """The proposals: below a werkplaats its own, below the home page those of all werkplaatsen."""

    subpage_types = ["learning.ProposalPage"]

    # An English reader sees the Dutch ones too (marked with their language) until they are translated.
    lists_untranslated = True

    class Meta:
        verbose_name = _("proposal overview")
        verbose_name_plural = _("proposal overviews")

    def get_proposals(self):
        return self.in_scope(ProposalPage.objects.all())

    @path("")
    def index(self, request):
        return answer(self, "proposal_overview", request)

    def feed_items(self):
        return self.get_proposals().select_related("werkplaats").order_by("-first_published_at")

    @path("rss/", name="feed")
    def feed(self, request):
        return OverviewFeed(self)(request)

    @localized_path({"nl": "opvolging/<str:token>/", "en": "follow-up/<str:token>/"}, name="owner")
    def follow_up_answer(self, request, token):
        return answer(self, "owner_page", request, token)


class ProposalPage(WerkplaatsContentPage):
    """One proposal, tied to the story or stories it came from and the meeting where it was made."""

    Adoption = Adoption

    meeting = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("made at the meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    made_on = models.DateField(_("made on"), null=True, blank=True, help_text=_("Empty: the day of the meeting."))
    stories = ParentalManyToManyField(
        "learning.StoryPage", verbose_name=_("from the stories"), blank=True, related_name="proposals"
    )
    municipalities = ParentalManyToManyField(
        "geography.Municipality", verbose_name=_("municipalities"), blank=True, related_name="proposals"
    )
    themes = ParentalManyToManyField("core.Theme", verbose_name=_("themes"), blank=True, related_name="proposals")
    problem = models.TextField(_("the problem, as the story shows it"))
    proposal = models.TextField(_("the proposal"), help_text=_("What the group proposes, within its own reach."))
    practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adopting_proposals",
        help_text=_("The practice this proposal adopts or adapts, if any."),
    )
    adoption = models.CharField(_("how"), max_length=12, choices=Adoption.choices, blank=True)

    base_form_class = ProposalAdminForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([PageChooserPanel("meeting", "events.EventPage"), FieldPanel("made_on")]),
                FieldPanel("stories", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Where it came from"),
        ),
        FieldPanel("problem"),
        FieldPanel("proposal"),
        FieldPanel("municipalities", widget=MunicipalityChooser),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([PageChooserPanel("practice", "practices.PracticePage"), FieldPanel("adoption")]),
        InlinePanel("actions", heading=_("Actions"), label=_("action"), min_num=1),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("problem"),
        index.SearchField("proposal"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("municipalities", [index.SearchField("name")]),
        index.RelatedFields("actions", [index.SearchField("what")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("made_on"),
        APIField("meeting"),
        APIField("stories"),
        APIField("municipalities", serializer=MunicipalitySerializer(many=True)),
        APIField("themes", serializer=TermSerializer(many=True)),
        APIField("problem"),
        APIField("proposal"),
        APIField("practice"),
        APIField("adoption"),
        APIField("werkplaats"),
        # What the public page shows of the actions: never the owner's address, a name only with consent.
        APIField("public_actions", serializer=ActionSerializer(many=True, source="action_rows")),
        APIField("timeline", serializer=UpdateSerializer(many=True, source="public_timeline")),
    ]
    api_select = ("werkplaats", "meeting", "practice")
    api_prefetch = ("stories", "municipalities__province", "municipalities__youth_region", "themes")
    parent_page_types = ["learning.ProposalIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("improvement proposal")
        verbose_name_plural = _("improvement proposals")

    def clean(self):
        super().clean()
        if self.made_on is None and self.meeting_id:
            self.made_on = timezone.localtime(self.meeting.start).date()
        if self.made_on is None:
            raise ValidationError({"made_on": _("Choose the meeting, or give the day the proposal was made.")})
        if self.adoption and not self.practice_id and self.adoption != Adoption.NEW:
            raise ValidationError({"practice": _("Choose the practice this proposal adopts or adapts.")})

    TAKEN_UP = {
        Adoption.ADOPTS: _("Adopted after %(occasion)s"),
        Adoption.ADAPTS: _("Adapted after %(occasion)s"),
        Adoption.NEW: _("Started after %(occasion)s"),
    }

    def taken_up_text(self):
        """How the practice page names this proposal: "Adopted after Leren van Ervaringen"."""
        occasion = self.meeting.title if self.meeting_id and self.meeting else self.title
        return self.TAKEN_UP.get(self.adoption, _("Taken up after %(occasion)s")) % {"occasion": occasion}

    @property
    def date(self):
        return self.made_on

    @property
    def year(self):
        return self.made_on.year if self.made_on else None

    @cached_property
    def action_list(self):
        return list(self.actions.select_related("municipality"))

    @cached_property
    def follow_ups(self):
        """{action translation key: FollowUp} of this proposal's actions, with their accepted updates."""
        keys = [action.translation_key for action in self.action_list]
        accepted = ActionUpdate.objects.filter(accepted_at__isnull=False).order_by("-happened_on", "-pk")
        found = FollowUp.objects.filter(action_key__in=keys).prefetch_related(
            models.Prefetch("updates", queryset=accepted, to_attr="accepted_updates")
        )
        return {follow_up.action_key: follow_up for follow_up in found}

    def action_rows(self):
        """What the public page shows of each action, in the page's order."""
        return [ActionRow.of(action, self.follow_ups.get(action.translation_key)) for action in self.action_list]

    @staticmethod
    def timeline(rows):
        """The accepted updates of every action of ``rows``, newest first, with the action each is about."""
        entries = [
            TimelineEntry(update, row.action)
            for row in rows
            if row.follow_up is not None
            for update in row.follow_up.accepted_updates
        ]
        return sorted(entries, key=lambda entry: (entry.update.happened_on, entry.update.pk), reverse=True)

    def public_timeline(self):
        return self.timeline(self.action_rows())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        rows = self.action_rows()
        context.update(
            actions=rows,
            timeline=self.timeline(rows),
            stories=[story for story in self.stories.all() if story.live],
        )
        return context


class TimelineEntry(NamedTuple):
    update: "ActionUpdate"
    action: "Action"


@dataclass(frozen=True)
class ActionRow:
    """One action as the public sees it: the owner by role (by name only with consent), and its status."""

    action: "Action"
    follow_up: "FollowUp | None"
    owner: str
    status: ActionStatus
    due_on: datetime.date | None

    @classmethod
    def of(cls, action, follow_up):
        # After a hand-over the follow-up names the new owner; until then the page does, in its language.
        handed_over = follow_up is not None and follow_up.owner_email.lower() != follow_up.page_email.lower()
        who = follow_up if handed_over else action
        parts = [who.owner_name if who.name_public else "", who.owner_role, who.owner_organisation]
        status = follow_up.status if follow_up is not None else ActionStatus.ANNOUNCED
        return cls(
            action=action,
            follow_up=follow_up,
            owner=", ".join(part for part in parts if part),
            status=ActionStatus(status),
            due_on=follow_up.due_on if follow_up is not None else None,
        )


class Action(TranslatableMixin, Orderable):
    """One concrete step of a proposal, with the person who took up the glove for it.

    The owner's e-mail address is private: it is never shown, searched or given to the API. The
    name is shown only when the owner agreed (``name_public``); the role and organisation always.
    """

    page = ParentalKey(ProposalPage, on_delete=models.CASCADE, related_name="actions")
    what = models.TextField(_("what will be done"))
    municipality = models.ForeignKey(
        "geography.Municipality", verbose_name=_("municipality"), null=True, blank=True, on_delete=models.SET_NULL
    )
    owner_name = models.CharField(
        _("who takes up the glove"), max_length=120, blank=True, help_text=_("The name; the role alone will do.")
    )
    owner_role = models.CharField(_("role"), max_length=120, help_text=_("For example “wethouder jeugd”."))
    owner_organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    owner_email = models.EmailField(
        _("e-mail address"),
        blank=True,
        help_text=_(
            "Never shown: the follow-up question goes to this address; without one nobody is asked. "
            "Erased, with the name, after the period the privacy statement gives."
        ),
    )
    name_public = models.BooleanField(_("the name may be shown"), default=False)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    follow_up_on = models.DateField(
        _("follow-up on"), null=True, blank=True, help_text=_("Empty: two months after the meeting.")
    )

    panels = [
        FieldPanel("what"),
        FieldRowPanel([FieldPanel("owner_name"), FieldPanel("owner_role"), FieldPanel("owner_organisation")]),
        FieldRowPanel([FieldPanel("owner_email"), FieldPanel("name_public")]),
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("starts_on"), FieldPanel("follow_up_on")]),
    ]
    translatable_fields = [
        TranslatableField("what"),
        SynchronizedField("municipality"),
        SynchronizedField("owner_name"),
        TranslatableField("owner_role"),
        SynchronizedField("owner_organisation"),
        SynchronizedField("owner_email"),
        SynchronizedField("name_public"),
        SynchronizedField("starts_on"),
        SynchronizedField("follow_up_on"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.what[:80]

    def due_on(self, made_on):
        return self.follow_up_on or (made_on + FOLLOW_UP_AFTER if made_on else None)


class FollowUp(models.Model):
    """What happened to one action after its proposal was published (one per action, all languages).

    ``generation`` is part of the owner's link: a hand-over raises it, so the old link stops.
    ``page_email`` is the address the page gave when this record last took its owner from the page:
    when an editor names another owner there, the record follows; a hand-over leaves it alone.
    """

    action_key = models.UUIDField(unique=True)
    proposal = models.ForeignKey(ProposalPage, on_delete=models.CASCADE, related_name="+")
    owner_name = models.CharField(_("owner"), max_length=120, blank=True)
    owner_role = models.CharField(_("role"), max_length=120)
    owner_organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    owner_email = models.EmailField(_("e-mail address"), blank=True)
    name_public = models.BooleanField(default=False)
    page_email = models.EmailField(blank=True)
    generation = models.PositiveIntegerField(default=1)
    due_on = models.DateField(_("follow-up on"))
    asked_at = models.DateTimeField(_("asked"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    silent_at = models.DateTimeField(_("no answer since"), null=True, blank=True)
    answered_at = models.DateTimeField(_("first answer"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("address bounced"), null=True, blank=True)
    bounce_detail = models.CharField(max_length=300, blank=True)
    # Worked out by ``refresh_status`` and kept for the overviews' filters and figures.
    status = models.CharField(_("status"), max_length=14, choices=ActionStatus.choices, default=ActionStatus.ANNOUNCED)
    # Whether the first answer came within three months of the follow-up date (``IN_TIME``).
    answered_in_time = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        indexes = [models.Index(fields=["due_on", "asked_at"]), models.Index(fields=["status"])]

    def __str__(self):
        return f"{self.owner_role} ({self.due_on:%Y-%m-%d})"

    def refresh_status(self):
        """Work the status out again (never typed): the newest accepted answer, else "no answer"
        once the follow-up went unanswered, else "announced"."""
        latest = self.updates.filter(accepted_at__isnull=False).order_by("-happened_on", "-pk").first()
        if latest is not None:
            self.status = latest.status
        else:
            self.status = ActionStatus.NO_ANSWER if self.silent_at else ActionStatus.ANNOUNCED
        FollowUp.objects.filter(pk=self.pk).update(status=self.status)


class ActionUpdate(models.Model):
    """An owner's answer (or an editor's note): shown on the proposal's timeline once accepted.

    ``submission_key`` comes with the owner's form, so a form sent twice is stored once.
    """

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=14, choices=ActionStatus.choices)
    text = models.TextField(_("what happened"))
    why_stopped = models.TextField(_("why it stopped"), blank=True)
    happened_on = models.DateField(_("date"), default=timezone.localdate)
    lasting_practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("became a lasting way of working with the practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lasting_municipality = models.ForeignKey(
        Municipality, verbose_name=_("in the municipality"), null=True, blank=True, on_delete=models.SET_NULL
    )
    submission_key = models.UUIDField(unique=True, null=True, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)
    by_owner = models.BooleanField(default=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)

    class Meta:
        verbose_name = _("action update")
        verbose_name_plural = _("action updates")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ActionStatus.STOPPED) | ~Q(why_stopped=""), name="learning_update_stopped_says_why"
            )
        ]

    def __str__(self):
        return f"{self.get_status_display()} ({self.happened_on:%Y-%m-%d})"
