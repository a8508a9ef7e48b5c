"""Site settings editors manage under *Settings* in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def _site_page(verbose_name, **options):
    """A chosen page; emptied, not deleted with it, when the page goes."""
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


@register_setting(icon="link")
class SitePages(BaseSiteSetting):
    """The pages every page links to in its footer (and the forms to the privacy statement).

    Each is chosen once, in the source language; the footer links to the version in the language
    being read, or to the chosen page itself where there is none.
    """

    privacy_page = _site_page(
        _("privacy statement"), help_text=_("What the forms collect, why, how long, and how to see or erase it.")
    )
    accessibility_page = _site_page(_("accessibility statement"))
    contact_page = _site_page(_("contact"))
    colophon_page = _site_page(_("colophon"))

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
