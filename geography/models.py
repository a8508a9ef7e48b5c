"""Reference geography: provinces, jeugdregio's and municipalities (2025).

Loaded from ``geography/data`` by data migrations; see ``geography/data/README.md`` for
the sources, reference dates and licences. Editors read this data, they do not edit it;
newer CBS figures come in through ``manage.py load_municipality_figures``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    code = models.CharField(_("CBS code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        db_table = "core_province"  # the table the core made before geography was an app of its own
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name


class YouthRegion(models.Model):
    """A jeugdregio: the municipalities that organise youth care together."""

    code = models.CharField(_("CBS code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        db_table = "core_youthregion"
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

    cbs_code = models.CharField(_("CBS code"), max_length=6, unique=True)
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
    urbanisation_source = models.CharField(_("source of the urbanisation class"), max_length=120, blank=True)
    population = models.PositiveIntegerField(_("inhabitants"), null=True, blank=True)
    population_date = models.DateField(_("inhabitants counted on"), null=True, blank=True)
    density = models.PositiveIntegerField(_("inhabitants per km² of land"), null=True, blank=True)
    land_area_ha = models.PositiveIntegerField(_("land area (ha)"), null=True, blank=True)
    dwellings = models.PositiveIntegerField(_("dwellings"), null=True, blank=True)
    figures_source = models.CharField(_("source of the figures"), max_length=120, blank=True)
    # The rest of the CBS profile the similarity of docs/regional-fit.md weighs.
    address_density = models.PositiveIntegerField(
        _("addresses per km² (CBS)"),
        null=True,
        blank=True,
        help_text=_("Addresses per km² within a 1 km radius, the measure the urbanisation class is cut from."),
    )
    share_age_0_14 = models.PositiveSmallIntegerField(_("share aged 0-14 (%)"), null=True, blank=True)
    share_age_15_24 = models.PositiveSmallIntegerField(_("share aged 15-24 (%)"), null=True, blank=True)
    share_households_with_children = models.PositiveSmallIntegerField(
        _("share of households with children (%)"), null=True, blank=True
    )
    profile_date = models.DateField(_("address density and shares on"), null=True, blank=True)
    profile_source = models.CharField(_("source of the address density and shares"), max_length=120, blank=True)

    class Meta:
        db_table = "core_municipality"
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name
