"""Events of the werkplaatsen: symposia, online sessions, conferences, leernetwerk meetings.

Times are stored in UTC and shown, entered and exported in Europe/Amsterdam (settings.TIME_ZONE),
so an event keeps its wall-clock time across a change to or from daylight saving time.
Once an event is over, its page becomes a terugblik (retrospective).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.models import BasePage, SectionIndexPage, WerkplaatsContentPage
from core.routes import LocalizedRoutablePageMixin, answer, localized_path

from .blocks import ProgrammeBlock


class EventIndexPage(LocalizedRoutablePageMixin, SectionIndexPage):
    """A calendar: below a werkplaats its own events, below the home page those of all werkplaatsen."""

    subpage_types = ["events.EventPage"]
    lists_untranslated = True

    class Meta:
        verbose_name = _("event calendar")
        verbose_name_plural = _("event calendars")

    def get_events(self):
        return self.in_scope(EventPage.objects.all())

    @path("")
    def upcoming(self, request):
        return answer(self, "event_listing", request, past=False)

    @localized_path({"nl": "afgelopen/", "en": "past/"}, name="past")
    def past(self, request):
        return answer(self, "event_listing", request, past=True)

    @path("ical/", name="ical")
    def ical(self, request):
        return answer(self, "calendar_feed", request)

    @localized_path({"nl": "ical/thema/<slug:theme>/", "en": "ical/theme/<slug:theme>/"}, name="ical_theme")
    def ical_theme(self, request, theme):
        return answer(self, "calendar_feed", request, theme=theme)


class EventPage(LocalizedRoutablePageMixin, WerkplaatsContentPage):
    class Mode(models.TextChoices):
        ON_SITE = "locatie", _("on site")
        ONLINE = "online", _("online")
        HYBRID = "hybride", _("on site and online")

    class Status(models.TextChoices):
        SCHEDULED = "gepland", _("scheduled")
        POSTPONED = "uitgesteld", _("postponed")
        CANCELLED = "geannuleerd", _("cancelled")

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    mode = models.CharField(_("attendance"), max_length=8, choices=Mode.choices, default=Mode.ON_SITE)
    venue_name = models.CharField(_("venue"), max_length=160, blank=True)
    venue_address = models.CharField(_("street address"), max_length=200, blank=True)
    venue_postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    venue_city = models.CharField(_("town"), max_length=80, blank=True)
    online_platform = models.CharField(
        _("online platform"), max_length=80, blank=True, help_text=_("For example Microsoft Teams.")
    )
    leernetwerk = models.ForeignKey(
        "core.Leernetwerk",
        verbose_name=_("organised by leernetwerk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    audience = models.TextField(_("for whom"), blank=True)
    themes = ParentalManyToManyField("core.Theme", verbose_name=_("themes"), blank=True)
    skj_points = models.DecimalField(
        _("SKJ points"), max_digits=4, decimal_places=1, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    skj_number = models.CharField(_("SKJ accreditation number"), max_length=40, blank=True)
    price = models.DecimalField(
        _("price (euro)"),
        max_digits=7,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 for a free event."),
    )
    price_note = models.CharField(_("about the price"), max_length=200, blank=True)
    registration_enabled = models.BooleanField(_("registration on Wiel"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Beyond this, a waiting list."),
    )
    registration_deadline = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when the event starts.")
    )
    join_url = models.URLField(
        _("link to join online"), blank=True, help_text=_("Sent to registrants only, never shown on the page.")
    )
    body = StreamField(BodyBlock, verbose_name=_("about this event"), blank=True)
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programme"), blank=True)
    report = StreamField(
        BodyBlock,
        verbose_name=_("retrospective"),
        blank=True,
        help_text=_("After the event: what came out of it, with photos, factsheets and presentations."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("status")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mode"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("venue_postcode"), FieldPanel("venue_city")]),
                FieldPanel("online_platform"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("leernetwerk"),
                FieldPanel("audience"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("skj_points"), FieldPanel("skj_number")]),
                FieldRowPanel([FieldPanel("price"), FieldPanel("price_note")]),
            ],
            heading=_("For whom"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                FieldPanel("join_url"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
        FieldPanel("programme"),
        InlinePanel("speakers", heading=_("Speakers"), label=_("speaker")),
        InlinePanel("related_practices", heading=_("Practices discussed"), label=_("practice")),
        FieldPanel("report"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("listing_image")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("programme"),
        index.SearchField("report"),
        index.SearchField("audience"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("mode"),
        index.RelatedFields("speakers", [index.SearchField("name")]),
        index.SearchField("accreditation_text"),
    ]
    # Words go to the translator; facts (times, place, capacity, themes) stay in step with the
    # Dutch page on every sync. The themes must be named: wagtail-localize skips many-to-many fields.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
        SynchronizedField("listing_image"),
        TranslatableField("summary"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("status"),
        SynchronizedField("mode"),
        SynchronizedField("venue_name"),
        SynchronizedField("venue_address"),
        SynchronizedField("venue_postcode"),
        SynchronizedField("venue_city"),
        SynchronizedField("online_platform"),
        SynchronizedField("leernetwerk"),
        TranslatableField("audience"),
        SynchronizedField("themes"),
        SynchronizedField("skj_points"),
        SynchronizedField("skj_number"),
        SynchronizedField("price"),
        TranslatableField("price_note"),
        SynchronizedField("registration_enabled"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_deadline"),
        SynchronizedField("join_url"),
        TranslatableField("body"),
        TranslatableField("programme"),
        SynchronizedField("speakers"),
        SynchronizedField("related_practices"),
        TranslatableField("report"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("An event must end after it starts.")})
        if self.mode in (self.Mode.ON_SITE, self.Mode.HYBRID) and not (self.venue_name or self.venue_city):
            raise ValidationError({"venue_name": _("Say where the event takes place.")})
        if self.mode in (self.Mode.ONLINE, self.Mode.HYBRID) and not self.online_platform:
            raise ValidationError({"online_platform": _("Say on which platform the event takes place.")})
        if self.skj_number and not self.skj_points:
            raise ValidationError({"skj_points": _("An accreditation number needs the number of points.")})
        if self.registration_enabled and not self.capacity:
            raise ValidationError({"capacity": _("Say how many places there are.")})
        if self.registration_deadline and self.start and self.registration_deadline > self.end:
            raise ValidationError({"registration_deadline": _("Registration must close before the event ends.")})

    def accreditation_text(self):
        """The SKJ accreditation in words, so that "SKJ punten" finds the events that earn points."""
        if not self.skj_points:
            return ""
        return _("SKJ accreditation: %(points)s points") % {"points": f"{float(self.skj_points):g}"}

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def closes(self):
        return self.registration_deadline or self.start

    @property
    def registration_open(self):
        return (
            self.registration_enabled
            and not self.is_cancelled
            and self.status != self.Status.POSTPONED
            and timezone.now() < self.closes
        )

    @property
    def is_free(self):
        return not self.price

    @property
    def ical_sequence(self):
        """Grows with every published revision, as RFC 5545 asks of an updated event."""
        return self.live_revision_id or 0

    @property
    def ical_uid(self):
        """Stable across edits and shared by translations, so calendars update instead of duplicating."""
        return f"{self.translation_key}@wiel"

    @path("")
    def detail(self, request):
        return answer(self, "event_detail", request)

    @localized_path({"nl": "aanmelden/", "en": "register/"}, name="register")
    def register(self, request):
        return answer(self, "registration_form", request)

    @localized_path({"nl": "afmelden/<str:token>/", "en": "cancel/<str:token>/"}, name="cancel")
    def cancel(self, request, token):
        return answer(self, "registration_cancel", request, token)

    @path("ics/", name="ics")
    def ics(self, request):
        return answer(self, "event_ics", request)


class Speaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=160, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name


class EventPractice(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_practices")
    practice = models.ForeignKey("practices.PracticePage", on_delete=models.CASCADE, related_name="events")

    panels = [PageChooserPanel("practice")]

    class Meta(Orderable.Meta):
        verbose_name = _("practice discussed")
        verbose_name_plural = _("practices discussed")


class Registration(models.Model):
    """One person's place at an event, or on its waiting list. Personal data: erased after the event."""

    class Status(models.TextChoices):
        CONFIRMED = "bevestigd", _("confirmed")
        WAITING = "wachtlijst", _("on the waiting list")
        CANCELLED = "afgemeld", _("cancelled")

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    role = models.CharField(_("role"), max_length=120, blank=True)
    skj_number = models.CharField(_("SKJ registration number"), max_length=20, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("moved up from the waiting list at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # Recorded by the werkplaats after the event (its attendance list); None: not recorded.
    attended = models.BooleanField(_("was there"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One active registration per address and event, enforced by the database itself.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status="afgemeld"),
                name="one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"


class EventTally(models.Model):
    """What is kept of an event's registrations once they are erased: the counts, no person.

    Written by ``erase_event_registrations`` in the transaction that deletes them, so a year's
    figures (the annual report) still count the people who registered and attended.
    """

    event = models.OneToOneField(EventPage, on_delete=models.CASCADE, related_name="tally")
    registered = models.PositiveIntegerField(_("registered"))
    waiting = models.PositiveIntegerField(_("on the waiting list"))
    attended = models.PositiveIntegerField(_("attended"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("tally of an event")
        verbose_name_plural = _("tallies of events")

    def __str__(self):
        return f"{self.event}: {self.registered}"
