"""Facets of the search page: kind, theme, werkplaats, province where used, evidence, upcoming or past.

Wagtail's backends facet only on fields of the searched model (``Page``), and these values live
on the specific models and their relations. So the search backend is asked once for the ids of
everything the query matches (at most ``WINDOW``, the best ones first on Elasticsearch), the
values of those pages are read in a fixed number of queries (one per model and relation,
whatever the number of matches), and the counting is done here.

Like the practice listing (``practices/listing.py``), the facets are disjunctive: ticked values
of one facet are alternatives (OR), facets combine (AND), and each facet counts what the *other*
active facets leave, so a reader sees what ticking another value would add.
"""

from collections import Counter
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage
from core.models import Province, Theme, WerkplaatsPage
from events.models import EventPage
from newsletters.models import NewsletterPage
from practices.listing import FacetResult, Option
from practices.models import Evidence, Implementation, PracticePage

# How many matches the facets count. Elasticsearch returns at most 10,000 hits per request
# (its max_result_window); beyond that the counts cover the best WINDOW matches.
WINDOW = 10_000
UPCOMING, PAST = "komend", "voorbij"


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str


KIND = Dimension("soort", _("Kind"))
THEME = Dimension("thema", _("Theme"))
WERKPLAATS = Dimension("werkplaats", _("Werkplaats"))
PROVINCE = Dimension("provincie", _("Used in province"))
EVIDENCE = Dimension("bewijs", _("Evidence"))
WHEN = Dimension("wanneer", _("When"))
DIMENSIONS = [KIND, THEME, WERKPLAATS, PROVINCE, EVIDENCE, WHEN]


def page_values(ids, kinds):
    """{page id: {dimension: set of values}} for the pages ``ids``, in a fixed number of queries.

    ``kinds`` is the search's [(URL value, model, label)]. Pages of no listed kind are left out.
    """
    values = {}
    model_kind = {model: slug for slug, model, _label in kinds}
    now = timezone.now()

    def add(pk, dimension, value):
        if value is not None and value != "" and pk in values:
            values[pk][dimension].add(value)

    by_model = {}
    for model, fields in [
        (PracticePage, ("werkplaats__slug", "evidence_level")),
        (EventPage, ("werkplaats__slug", "end")),
        (ArticlePage, ("werkplaats__slug",)),
        (NewsletterPage, ("newsletter__werkplaats__slug",)),
    ]:
        if model not in model_kind:
            continue
        rows = model.objects.filter(pk__in=ids).values_list("pk", *fields)
        by_model[model] = []
        for pk, werkplaats, *rest in rows:
            values[pk] = {dimension: set() for dimension in DIMENSIONS}
            values[pk][KIND].add(model_kind[model])
            by_model[model].append(pk)
            add(pk, WERKPLAATS, werkplaats)
            if model is PracticePage:
                add(pk, EVIDENCE, rest[0])
            elif model is EventPage:
                add(pk, WHEN, UPCOMING if rest[0] >= now else PAST)
    for model in (PracticePage, EventPage, ArticlePage):
        if by_model.get(model):
            through = model.themes.through
            column = f"{model._meta.model_name}_id"
            for pk, slug in through.objects.filter(**{f"{column}__in": by_model[model]}).values_list(
                column, "theme__slug"
            ):
                add(pk, THEME, slug)
    if by_model.get(PracticePage):
        for pk, province in (
            Implementation.municipalities.through.objects.filter(implementation__page_id__in=by_model[PracticePage])
            .values_list("implementation__page_id", "municipality__province__name")
            .distinct()
        ):
            add(pk, PROVINCE, slugify(province))
    return values


def labels(kinds):
    """{dimension: [(value, label)]} in display order."""
    return {
        KIND: [(slug, str(label)) for slug, _model, label in kinds],
        THEME: [(theme.slug, theme.label) for theme in Theme.objects.all()],
        WERKPLAATS: [
            (page.slug, page.short_name or page.title)
            for page in WerkplaatsPage.objects.live().filter(locale__language_code="nl").order_by("title")
        ],
        PROVINCE: [(slugify(province.name), province.name) for province in Province.objects.order_by("name")],
        EVIDENCE: [(str(value), str(label)) for value, label in Evidence.choices],
        WHEN: [(UPCOMING, str(_("Upcoming"))), (PAST, str(_("Past")))],
    }


def chosen_values(data):
    """{dimension: set of ticked values} from the query string."""
    return {dimension: {value for value in data.getlist(dimension.key) if value} for dimension in DIMENSIONS}


def count(ids, values, chosen, kinds):
    """(ids passing every active facet, or None when none is active; [FacetResult]) for the
    matches ``ids``. Values that are no option (a mistyped URL) are ignored.

    A page counts for a value of facet F when it passes every active facet other than F.
    """
    options = labels(kinds)
    known = {dimension: {value for value, _label in options[dimension]} for dimension in DIMENSIONS}
    chosen = {dimension: chosen[dimension] & known[dimension] for dimension in DIMENSIONS}
    active = [dimension for dimension in DIMENSIONS if chosen[dimension]]
    counters = {dimension: Counter() for dimension in DIMENSIONS}
    passing = []
    for pk in ids:
        page = values.get(pk)
        if page is None:
            continue
        failed = [dimension for dimension in active if not page[dimension] & chosen[dimension]]
        if not failed:
            passing.append(pk)
            for dimension in DIMENSIONS:
                counters[dimension].update(page[dimension])
        elif len(failed) == 1:
            counters[failed[0]].update(page[failed[0]])
    results = []
    for dimension in DIMENSIONS:
        shown = [
            Option(value, label, counters[dimension][value], value in chosen[dimension])
            for value, label in options[dimension]
            if counters[dimension][value] or value in chosen[dimension] or dimension is KIND
        ]
        results.append(FacetResult(dimension.key, str(dimension.label), shown))
    return (passing if active else None), results
