"""Werkplaatsen jeugd: each one owns a section of the site."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from ..sections import WERKPLAATS_PAGE, sections
from ..visibility import public
from .pages import BasePage


class WerkplaatsIndexPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = [settings.WIEL_HOME_PAGE_MODEL]
    subpage_types = ["core.WerkplaatsPage"]

    class Meta:
        verbose_name = _("werkplaatsen overview")
        verbose_name_plural = _("werkplaatsen overviews")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["werkplaatsen"] = (
            public(WerkplaatsPage.objects.child_of(self).live())
            .select_related("logo")
            .prefetch_related("provinces")
            .order_by("title")
        )
        return context


class WerkplaatsPage(BasePage):
    """One werkplaats jeugd. Its articles, practices, events and newsletters live below it.

    Content apps declare ``parent_page_types = ["core.WerkplaatsPage"]``; this page
    names none of them, so the core does not depend on the apps built on it.
    """

    short_name = models.CharField(_("short name"), max_length=40, help_text=_("For example SAMEN."))
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"])
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    provinces = ParentalManyToManyField("core.Province", verbose_name=_("provinces covered"), blank=True)
    municipalities = ParentalManyToManyField("core.Municipality", verbose_name=_("municipalities covered"), blank=True)
    themes = ParentalManyToManyField("core.Theme", verbose_name=_("themes"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("working since"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    website = models.URLField(_("own website"), blank=True)

    # Set automatically when the page is created (see core.permissions); shared by translations.
    editor_group = models.ForeignKey(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("short_name"),
        FieldPanel("intro"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("provinces", widget=forms.CheckboxSelectMultiple),
                FieldPanel("municipalities", widget=forms.SelectMultiple(attrs={"size": 12})),
            ],
            heading=_("Region"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("partners", heading=_("Partners"), label=_("partner")),
        InlinePanel("leernetwerken", heading=_("Leernetwerken"), label=_("leernetwerk")),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("address"),
                FieldPanel("website"),
                FieldPanel("founded_year"),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("short_name"),
        index.AutocompleteField("short_name"),
    ]
    parent_page_types = ["core.WerkplaatsIndexPage"]

    class Meta:
        verbose_name = _("werkplaats")
        verbose_name_plural = _("werkplaatsen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = self.partners.all()
        context["leernetwerken"] = self.leernetwerken.all()
        context["section_pages"] = public(self.get_children().live()).specific()
        # What the apps above add to this page (an app's hook under WERKPLAATS_PAGE, core/sections.py).
        context["sections"] = sections(WERKPLAATS_PAGE, request, self)
        context["municipality_count"] = self.municipalities.count()
        if self.listing_image_id == self.logo_id:
            self.listing_image = self.logo  # the logo is the listing image too: read it once
        return context


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
