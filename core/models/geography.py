"""Reference geography: provinces, jeugdregio's and municipalities (2025).

Loaded from ``core/data`` by a data migration; see ``core/data/README.md`` for
the sources and reference date. Editors read this data, they do not edit it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    code = models.CharField(_("CBS code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name


class YouthRegion(models.Model):
    """A jeugdregio: the municipalities that organise youth care together."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("youth-care region (jeugdregio)")
        verbose_name_plural = _("youth-care regions (jeugdregio's)")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    class Urbanisation(models.IntegerChoices):
        # CBS "stedelijkheid": addresses per km² in the municipality.
        VERY_STRONG = 1, _("very strongly urban (2,500 or more addresses per km²)")
        STRONG = 2, _("strongly urban (1,500-2,500 addresses per km²)")
        MODERATE = 3, _("moderately urban (1,000-1,500 addresses per km²)")
        LITTLE = 4, _("little urban (500-1,000 addresses per km²)")
        NOT_URBAN = 5, _("not urban (fewer than 500 addresses per km²)")

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("province")
    )
    youth_region = models.ForeignKey(
        YouthRegion, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("jeugdregio")
    )
    urbanisation_class = models.PositiveSmallIntegerField(
        _("urbanisation class (CBS)"), choices=Urbanisation.choices, null=True, blank=True
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name
