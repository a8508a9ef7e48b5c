"""Newsletter lists, subscribers and their subscriptions (double opt-in, per list).

A subscriber is one e-mail address with its interests (themes, provinces, jeugdregio's); a
subscription ties it to one list and is confirmed separately, from the e-mailed link.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.models import BasePage, WerkplaatsPage, reading_english
from core.routes import LocalizedRoutablePageMixin, answer, localized_path

from .blocks import TEXT_FEATURES, IssueBodyBlock
from .page_forms import NewsletterPageForm


class NewsletterList(models.Model):
    """One newsletter: the national one, or a werkplaats' own."""

    name = models.CharField(_("name"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    werkplaats = models.ForeignKey(
        "core.WerkplaatsPage",
        verbose_name=_("werkplaats"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for the national newsletter."),
    )
    is_active = models.BooleanField(_("open for subscriptions"), default=True)
    # What the digest button collects for this list (empty: everything the list covers).
    themes = models.ManyToManyField(
        "core.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("The digest picks content on these themes. Leave empty for all themes."),
    )
    provinces = models.ManyToManyField(
        "geography.Province",
        verbose_name=_("provinces"),
        blank=True,
        related_name="+",
        help_text=_("The digest picks content from werkplaatsen in these provinces. Leave empty for all."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("werkplaats"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("provinces", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name in the active language, falling back to Dutch (as the taxonomies do)."""
        return self.name_en if reading_english() and self.name_en else self.name

    @property
    def text(self):
        """The description in the active language, falling back to Dutch."""
        return self.description_en if reading_english() and self.description_en else self.description


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=120, blank=True)
    themes = models.ManyToManyField("core.Theme", verbose_name=_("themes"), blank=True, related_name="+")
    provinces = models.ManyToManyField("geography.Province", verbose_name=_("provinces"), blank=True, related_name="+")
    youth_regions = models.ManyToManyField(
        "geography.YouthRegion", verbose_name=_("jeugdregio's"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("first subscribed"), auto_now_add=True)
    # The consent record: what the person agreed to, and when.
    consent_text = models.TextField(_("consent given"))
    consent_at = models.DateTimeField(_("consent given at"))

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "wacht", _("awaiting confirmation")
        CONFIRMED = "actief", _("confirmed")
        UNSUBSCRIBED = "afgemeld", _("unsubscribed")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    newsletter = models.ForeignKey(NewsletterList, on_delete=models.CASCADE, related_name="subscriptions")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [models.UniqueConstraint(fields=["subscriber", "newsletter"], name="one_subscription_per_list")]

    def __str__(self):
        return f"{self.subscriber} – {self.newsletter} ({self.get_status_display()})"


class NewsletterIndexPage(LocalizedRoutablePageMixin, BasePage):
    """Where people subscribe to the newsletters (and, later, read the archive)."""

    content_panels = [*BasePage.content_panels, FieldPanel("summary")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletters.NewsletterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter page")
        verbose_name_plural = _("newsletter pages")

    @path("")
    def subscribe(self, request):
        return answer(self, "subscribe_form", request)

    @localized_path({"nl": "voorkeuren/<str:token>/", "en": "preferences/<str:token>/"}, name="preferences")
    def preferences(self, request, token):
        return answer(self, "preference_centre", request, token)

    @localized_path({"nl": "voorkeuren/<str:token>/gegevens/", "en": "preferences/<str:token>/data/"}, name="data")
    def data(self, request, token):
        return answer(self, "download_data", request, token)

    @localized_path({"nl": "voorkeuren/<str:token>/wissen/", "en": "preferences/<str:token>/erase/"}, name="erase")
    def erase(self, request, token):
        return answer(self, "erase_data", request, token)

    @localized_path({"nl": "archief/", "en": "archive/"}, name="archive")
    def archive(self, request):
        return answer(self, "archive", request)

    @localized_path({"nl": "archief/<slug:slug>/rss/", "en": "archive/<slug:slug>/rss/"}, name="feed")
    def feed(self, request, slug):
        return answer(self, "feed", request, slug)

    @localized_path({"nl": "bevestigen/<str:token>/", "en": "confirm/<str:token>/"}, name="confirm")
    def confirm(self, request, token):
        return answer(self, "confirm_subscription", request, token)


class NewsletterPage(RoutablePageMixin, BasePage):
    """One issue of a newsletter. Publishing it (after moderation) schedules the sending.

    The page is the issue's web version in the archive; it stays hidden until the sending starts.
    """

    newsletter = models.ForeignKey(
        NewsletterList, verbose_name=_("newsletter"), on_delete=models.PROTECT, related_name="issues"
    )
    intro = RichTextField(_("introduction"), features=TEXT_FEATURES, blank=True)
    # The class, not an instance: Wagtail builds it once every app has registered its sections.
    body = StreamField(IssueBodyBlock, verbose_name=_("content"), blank=True)
    send_at = models.DateTimeField(
        _("send at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to send as soon as the issue is published (after approval)."),
    )
    personalise = models.BooleanField(
        _("only matching sections"),
        default=False,
        help_text=_(
            "Show each reader only the practices, events and articles on the themes and from the provinces "
            "they chose. Readers who chose none see everything; text sections always go to everyone."
        ),
    )

    base_form_class = NewsletterPageForm
    content_panels = [
        *BasePage.content_panels,
        # A plain list of the lists an issue here may go to (NewsletterPageForm): a handful, so no
        # chooser window, and the only one is preset.
        FieldPanel("newsletter", widget=forms.Select),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("send_at"), FieldPanel("personalise")], heading=_("Sending")),
    ]
    parent_page_types = ["newsletters.NewsletterIndexPage", "core.WerkplaatsPage"]
    subpage_types = []
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.pk else None
        werkplaats = getattr(parent, "specific", None) if parent else None
        if self.newsletter_id and werkplaats is not None:
            expected = werkplaats.pk if isinstance(werkplaats, WerkplaatsPage) else None
            if self.newsletter.werkplaats_id != expected:
                raise ValidationError({"newsletter": _("Choose the newsletter that belongs where this issue is.")})

    @cached_property
    def sent_at(self):
        """When sending started (None before): the issue is public from then on."""
        return Mailing.objects.filter(page=self).values_list("started_at", flat=True).first()

    @property
    def is_sent(self):
        return self.sent_at is not None

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.is_sent else []

    @path("")
    def web_version(self, request):
        """The issue in the archive: public once its sending has started."""
        if not self.is_sent:
            raise Http404
        return answer(self, "issue_web_version", request)

    preview_modes = [("", _("Web version")), ("email", _("E-mail")), ("text", _("Plain text"))]

    def serve_preview(self, request, mode_name):
        return answer(self, "issue_preview", request, mode_name)


class Mailing(models.Model):
    """The sending of one issue: created when the issue is published, at most once per issue."""

    class Status(models.TextChoices):
        SCHEDULED = "gepland", _("scheduled")
        SENDING = "bezig", _("sending")
        DONE = "klaar", _("sent")

    page = models.OneToOneField(NewsletterPage, on_delete=models.CASCADE, related_name="mailing")
    newsletter = models.ForeignKey(NewsletterList, on_delete=models.PROTECT, related_name="mailings")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    send_after = models.DateTimeField(_("send after"))
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # One worker at a time holds the mailing; a lease that runs out means that worker died. The
    # token names the worker ("host:pid:random"); lease times are the database's clock.
    lease_token = models.CharField(max_length=120, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")

    def __str__(self):
        return str(self.page)


class Delivery(models.Model):
    """One subscriber's copy of one mailing, recorded before and after it is handed over."""

    class Status(models.TextChoices):
        QUEUED = "wacht", _("queued")
        HANDING_OVER = "bezig", _("being handed over")
        SENT = "verzonden", _("sent")
        FAILED = "mislukt", _("failed")
        UNCERTAIN = "onzeker", _("uncertain")
        SKIPPED = "overgeslagen", _("skipped")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    # Kept (without the address) when a subscriber erases their data, so the figures stay right.
    subscriber = models.ForeignKey(Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=200, blank=True, db_index=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    # The lease token of the worker that claimed this delivery in a batch: only that worker may
    # hand it over, and only while it still holds the mailing's lease (newsletters/sending.py).
    claimed_by = models.CharField(max_length=120, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["mailing", "subscriber"], name="one_delivery_per_subscriber")]
        indexes = [models.Index(fields=["mailing", "status", "id"])]

    def __str__(self):
        return f"{self.mailing} → {self.subscriber} ({self.status})"


class Suppression(models.Model):
    """An address that must not be mailed again: it bounced hard, or its owner marked us as spam."""

    class Reason(models.TextChoices):
        BOUNCED = "bounced", _("bounced")
        COMPLAINED = "complained", _("marked as spam")
        REJECTED = "rejected", _("rejected by the provider")

    email = models.EmailField(_("e-mail address"), unique=True)
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return self.email
