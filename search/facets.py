"""Facets of the search page: kind, theme, werkplaats, province where used, evidence, upcoming or past.

Wagtail's backends facet only on fields of the searched model (``Page``), and these values live
on the specific models and their relations. So the search backend is asked once for the ids of
everything the query matches (at most ``WINDOW``, the best ones first on Elasticsearch), the
values of those pages are read in a fixed number of queries (one per model and relation,
whatever the number of matches), and kept in the process for the content version
(``kept_page_values``), and the counting is done here.

Like the practice listing (``practices/listing.py``), the facets are disjunctive: ticked values
of one facet are alternatives (OR), facets combine (AND), and each facet counts what the *other*
active facets leave, so a reader sees what ticking another value would add.
"""

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ambitions.models import AmbitionPage
from articles.models import ArticlePage
from core import params
from core.http.fragments import content_version
from core.http.visibility import active_locale
from core.models import Theme, WerkplaatsPage
from events.models import EventPage
from geography.models import Province
from learning.models import ProposalPage, StoryPage
from newsletters.models import NewsletterPage
from opportunities.models import OpportunityPage, ProjectPage
from practices.listing import FacetResult, Option
from practices.models import Evidence, Implementation, PracticePage

from .lookups import Ids  # (the module registers __in_ids)

# How many matches the facets count. Elasticsearch returns at most 10,000 hits per request
# (its max_result_window); beyond that the counts cover the best WINDOW matches.
WINDOW = 10_000
UPCOMING, PAST = "komend", "voorbij"


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str = field(compare=False)  # lazy: hashing it would translate it each time


KIND = Dimension("soort", _("Kind"))
THEME = Dimension("thema", _("Theme"))
WERKPLAATS = Dimension("werkplaats", _("Werkplaats"))
PROVINCE = Dimension("provincie", _("Used in province"))
EVIDENCE = Dimension("bewijs", _("Evidence"))
WHEN = Dimension("wanneer", _("When"))
DIMENSIONS = [KIND, THEME, WERKPLAATS, PROVINCE, EVIDENCE, WHEN]


def page_values(ids, kinds):
    """{page id: [set of values per dimension, in DIMENSIONS order]} for the pages ``ids``, in a
    fixed number of queries (one per model and relation that has matches).

    ``kinds`` is the search's [(URL value, model, label)]. Pages of no listed kind are left out.
    """
    ids = Ids(ids)
    values = {}
    model_kind = {model: slug for slug, model, _label in kinds}
    now = timezone.now()
    _kind, theme, werkplaats, province, evidence, when = range(len(DIMENSIONS))
    by_model = {}
    # Which kinds are among the ids: a query per kind that has matches, not one per kind there is.
    present = set(
        Page.objects.filter(pk__in_ids=ids).order_by().values_list("content_type_id", flat=True).distinct()
        if ids.ids
        else ()
    )
    for model, fields in [
        (PracticePage, ("werkplaats__slug", "evidence_level")),
        (EventPage, ("werkplaats__slug", "end")),
        (ArticlePage, ("werkplaats__slug",)),
        (NewsletterPage, ("newsletter__werkplaats__slug",)),
        (ProposalPage, ("werkplaats__slug",)),
        (StoryPage, ("werkplaats__slug",)),
        (AmbitionPage, ("werkplaats__slug",)),
        (OpportunityPage, ("werkplaats__slug",)),
        (ProjectPage, ("werkplaats__slug",)),
    ]:
        if model not in model_kind or ContentType.objects.get_for_model(model).pk not in present:
            continue
        found = by_model[model] = []
        slug = model_kind[model]
        for pk, owner, *rest in model.objects.filter(pk__in_ids=ids).order_by().values_list("pk", *fields):
            page = values[pk] = [{slug}, set(), {owner} if owner else set(), set(), set(), set()]
            found.append(pk)
            if model is PracticePage and rest[0]:
                page[evidence].add(rest[0])
            elif model is EventPage:
                page[when].add(UPCOMING if rest[0] >= now else PAST)
    for model in (
        PracticePage,
        EventPage,
        ArticlePage,
        ProposalPage,
        StoryPage,
        AmbitionPage,
        OpportunityPage,
        ProjectPage,
    ):
        if by_model.get(model):
            column = f"{model._meta.model_name}_id"
            rows = model.themes.through.objects.filter(**{f"{column}__in_ids": Ids(by_model[model])})
            for pk, slug in rows.values_list(column, "theme__slug"):
                values[pk][theme].add(slug)
    if by_model.get(PracticePage):
        names = {name: slugify(name) for name in Province.objects.values_list("name", flat=True)}
        for pk, name in (
            Implementation.municipalities.through.objects.filter(
                implementation__page_id__in_ids=Ids(by_model[PracticePage])
            )
            .values_list("implementation__page_id", "municipality__province__name")
            .distinct()
        ):
            values[pk][province].add(names[name])
    return values


_kept = {}  # {(content version, hour, kinds): {page id: values}}, see ``kept_page_values``


def kept_page_values(ids, kinds):
    """``page_values`` of ``ids``, kept in this process for the content version and the hour (the
    upcoming/past facet): a search reads only the pages no earlier search of the hour matched.

    What is kept is derived from public pages and is the same for every process; equal value
    sets are shared, so a site of 15,000 pages keeps a few megabytes.
    """
    version = content_version()
    if version is None:  # the cache fails: no version to keep them under
        return page_values(ids, kinds)
    key = (version, timezone.localtime().strftime("%Y-%m-%dT%H"), tuple(slug for slug, *_ in kinds))
    known = _kept.get(key)
    if known is None:
        _kept.clear()
        known = _kept[key] = {}
    missing = [pk for pk in ids if pk not in known]
    if missing:
        shared = {}
        for pk, page in page_values(missing, kinds).items():
            values = tuple(frozenset(value) for value in page)
            known[pk] = shared.setdefault(values, values)
    return known


def labels(kinds, locale=None):
    """{dimension: [(value, label)]} in display order, werkplaatsen named in ``locale``."""
    return {
        KIND: [(slug, str(label)) for slug, _model, label in kinds],
        THEME: [(theme.slug, theme.label) for theme in Theme.objects.all()],
        WERKPLAATS: [
            (page.slug, page.short_name or page.title)
            for page in WerkplaatsPage.objects.live().filter(locale=locale or active_locale()).order_by("title")
        ],
        PROVINCE: [(slugify(province.name), province.name) for province in Province.objects.order_by("name")],
        EVIDENCE: [(str(value), str(label)) for value, label in Evidence.choices],
        WHEN: [(UPCOMING, str(_("Upcoming"))), (PAST, str(_("Past")))],
    }


def _facet(position, dimension, options, chosen, passing, found, failing, active):
    """One facet's options with their counts: the pages that pass every active facet, and for an
    active facet also those that fail only this one (its own filter does not narrow its counts)."""
    counted = passing
    if position in active:
        counted = passing + [page for (_pk, page), failed in zip(found, failing, strict=True) if failed == [position]]
    counter = Counter(chain.from_iterable(page[position] for page in counted))
    shown = [
        Option(value, label, counter[value], value in chosen)
        for value, label in options
        if counter[value] or value in chosen or dimension is KIND
    ]
    return FacetResult(dimension.key, str(dimension.label), shown)


def chosen_values(data):
    """{dimension: set of ticked values} from the query string."""
    return {dimension: set(params.slugs(data, dimension.key)) for dimension in DIMENSIONS}


def count(ids, values, chosen, kinds, locale=None):
    """(ids passing every active facet, or None when none is active; [FacetResult]) for the
    matches ``ids``, whose values ``page_values`` read. Values that are no option (a mistyped
    URL) are ignored.

    A page counts for a value of facet F when it passes every active facet other than F.
    """
    options = labels(kinds, locale)
    chosen = [chosen[dimension] & {value for value, _label in options[dimension]} for dimension in DIMENSIONS]
    active = [position for position, values_chosen in enumerate(chosen) if values_chosen]
    found = [(pk, values[pk]) for pk in ids if pk in values]
    failing = [[position for position in active if not page[position] & chosen[position]] for _pk, page in found]
    passing = [page for (_pk, page), failed in zip(found, failing, strict=True) if not failed]
    results = [
        _facet(position, dimension, options[dimension], chosen[position], passing, found, failing, active)
        for position, dimension in enumerate(DIMENSIONS)
    ]
    if not active:
        return None, results
    return [pk for (pk, _page), failed in zip(found, failing, strict=True) if not failed], results
