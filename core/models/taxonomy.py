"""Site-wide taxonomies that editors manage as snippets.

Each term carries its Dutch name (the source language) and an English name,
so that listings and filters read naturally in both languages.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


def reading_english():
    """Is the active language English? Names with an English twin (``name_en``) show it then."""
    return (get_language() or "nl").startswith("en")


class Term(index.Indexed, models.Model):
    name = models.CharField(_("name (Dutch)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.SearchField("name_en"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name in the active language, falling back to Dutch."""
        if reading_english() and self.name_en:
            return self.name_en
        return self.name


class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class CareSetting(Term):
    """Where support happens: school, wijk, thuis, huisartsenpraktijk..."""

    class Meta(Term.Meta):
        verbose_name = _("care setting")
        verbose_name_plural = _("care settings")
