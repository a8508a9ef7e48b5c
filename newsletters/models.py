"""Newsletter lists, subscribers and their subscriptions (double opt-in, per list).

A subscriber is one e-mail address with its interests (themes, provinces, jeugdregio's); a
subscription ties it to one list and is confirmed separately, from the e-mailed link.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.models import BasePage


class NewsletterList(models.Model):
    """One newsletter: the national one, or a werkplaats' own."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
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

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("werkplaats"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")

    def __str__(self):
        return self.name


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=120, blank=True)
    themes = models.ManyToManyField("core.Theme", verbose_name=_("themes"), blank=True, related_name="+")
    provinces = models.ManyToManyField("core.Province", verbose_name=_("provinces"), blank=True, related_name="+")
    youth_regions = models.ManyToManyField(
        "core.YouthRegion", verbose_name=_("jeugdregio's"), blank=True, related_name="+"
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


class NewsletterIndexPage(RoutablePageMixin, BasePage):
    """Where people subscribe to the newsletters (and, later, read the archive)."""

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter page")
        verbose_name_plural = _("newsletter pages")

    @path("")
    def subscribe(self, request):
        from .views import subscribe_form

        return subscribe_form(self, request)

    @path("voorkeuren/<str:token>/", name="preferences")
    def preferences(self, request, token):
        from .views import preference_centre

        return preference_centre(self, request, token)

    @path("voorkeuren/<str:token>/gegevens/", name="data")
    def data(self, request, token):
        from .views import download_data

        return download_data(self, request, token)

    @path("voorkeuren/<str:token>/wissen/", name="erase")
    def erase(self, request, token):
        from .views import erase_data

        return erase_data(self, request, token)

    @path("bevestigen/<str:token>/", name="confirm")
    def confirm(self, request, token):
        from .views import confirm_subscription

        return confirm_subscription(self, request, token)
