"""What a werkplaats page lists inline: its partners and its leernetwerken."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .pages import WerkplaatsPage


class Partner(Orderable):
    class Kind(models.TextChoices):
        MUNICIPALITY = "gemeente", _("municipality")
        CARE_PROVIDER = "zorgaanbieder", _("care provider")
        KNOWLEDGE = "kennisinstelling", _("university or research institute")
        COLLEGE = "hogeschool", _("university of applied sciences or college")
        YOUTH_PARENTS = "jongeren-ouders", _("young people and parents")
        OTHER = "overig", _("other")

    page = ParentalKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class Leernetwerk(Orderable):
    page = ParentalKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="leernetwerken")
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("leernetwerk")
        verbose_name_plural = _("leernetwerken")

    def __str__(self):
        return self.name
