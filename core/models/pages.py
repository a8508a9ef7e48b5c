"""The core's page types: the base every Wiel page builds on, the werkplaatsen (each owns a
section of the site), the bases of werkplaats content and section overviews, and a plain page."""

from functools import reduce
from operator import or_

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.blocks import BodyBlock
from core.page_forms import WielPageForm
from core.panels import ModeratorCommentPanel

from ..http.visibility import is_restricted, public
from ..sections import WERKPLAATS_PAGE, sections


class BasePage(Page):
    """Summary and listing image for every page: used in listings, feeds and social previews."""

    base_form_class = WielPageForm
    # Every page's editor starts with the moderator's request for changes, when there is one.
    content_panels = [ModeratorCommentPanel(), *Page.content_panels]

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences, shown in listings, search results and link previews."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in listings and when the page is shared."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("summary"), FieldPanel("listing_image")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail reads the page's ancestors and then their restrictions, two queries per view;
        a page in no private section (the restricted paths are kept in the cache) needs neither.
        An alias takes its source's restrictions: Wagtail works those out."""
        if self.alias_of_id is None and not is_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def werkplaats(self):
        """The werkplaats this page belongs to, or None for national pages."""
        if isinstance(self, WerkplaatsPage):
            return self
        return WerkplaatsPage.objects.ancestor_of(self).first()

    @property
    def meta_description(self):
        return self.search_description or self.summary


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
    provinces = ParentalManyToManyField("geography.Province", verbose_name=_("provinces covered"), blank=True)
    municipalities = ParentalManyToManyField(
        "geography.Municipality", verbose_name=_("municipalities covered"), blank=True
    )
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


class WerkplaatsContentPage(BasePage):
    """Content that belongs to a werkplaats, or is national: articles, practices, events.

    The owner is derived from the page's place in the tree on every save, so listings can show
    and filter by werkplaats in one query instead of walking the tree for each item.
    """

    werkplaats = models.ForeignKey(
        "core.WerkplaatsPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("werkplaats"),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None and self.path:
            self.werkplaats = WerkplaatsPage.objects.ancestor_of(self).first()
        return super().save(*args, **kwargs)


class SectionIndexPage(BasePage):
    """An overview of one kind of content: below a werkplaats its own, below the home page all of it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = [settings.WIEL_HOME_PAGE_MODEL, "core.WerkplaatsPage"]
    # One calendar, one overview of practices, one news section per werkplaats (and per home page):
    # a second would split its pages and its feeds in two.
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @cached_property
    def is_national(self):
        return self.get_parent().specific_class is not WerkplaatsPage

    # An overview that also lists the pages not (yet) translated into its language, in their
    # source language: an event in Dutch only is still an event an English reader may attend.
    lists_untranslated = False

    def in_scope(self, pages):
        """Live, public ``pages`` of this overview's language, limited to its werkplaats unless national.

        With ``lists_untranslated``, also the pages of the other languages that have no live
        version in this one (cards mark their language, ``core.languages``).
        """
        pages = public(pages.live())
        own = pages.filter(locale_id=self.locale_id)
        if not self.lists_untranslated:
            return own if self.is_national else own.descendant_of(self)
        # A page of another language with no live version in this one: found through the unique
        # (translation_key, locale) index, row by row, rather than a list of every translated key.
        translated = Page.objects.live().filter(locale_id=self.locale_id, translation_key=OuterRef("translation_key"))
        untranslated = ~Q(locale_id=self.locale_id) & ~Exists(translated)
        if not self.is_national:
            overviews = Page.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
            below_a_version = reduce(
                or_, (Q(path__startswith=path) for path in overviews.values_list("path", flat=True)), Q(pk__in=[])
            )
            below_this = Q(locale_id=self.locale_id, path__startswith=self.path, depth__gt=self.depth)
            return pages.filter(below_this | (untranslated & below_a_version))
        return pages.filter(Q(locale_id=self.locale_id) | untranslated)


class ContentPage(BasePage):
    """A plain page: about Wiel, privacy, the accessibility statement."""

    body = StreamField(BodyBlock, verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = [settings.WIEL_HOME_PAGE_MODEL, "core.ContentPage", "core.WerkplaatsPage"]
    subpage_types = ["core.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
