"""Site settings editors manage under *Settings* in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="link")
class SitePages(BaseSiteSetting):
    """The pages every page links to in its footer (and the forms to the privacy statement).

    Each is chosen once, in the source language; the footer links to the version in the language
    being read, or to the chosen page itself where there is none.
    """

    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("What the forms collect, why, how long, and how to see or erase it."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    colophon_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("colophon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    ROLES = ("contact", "privacy", "accessibility", "colophon")  # in the footer's order

    panels = [
        PageChooserPanel("contact_page", "core.ContentPage"),
        PageChooserPanel("privacy_page", "core.ContentPage"),
        PageChooserPanel("accessibility_page", "core.ContentPage"),
        PageChooserPanel("colophon_page", "core.ContentPage"),
    ]

    class Meta:
        verbose_name = _("site pages")
        verbose_name_plural = _("site pages")
