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
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage
from core.models import Province, Theme, WerkplaatsPage
from events.models import EventPage
from newsletters.models import NewsletterPage
from practices.listing import FacetResult, Option
from practices.models import Evidence, Implementation, PracticePage

from . import lookups  # noqa: F401 (registers __in_ids)

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
    ids = frozenset(ids)  # a set is handed to the database as it is, not resolved item by item
    values = {}
    model_kind = {model: slug for slug, model, _label in kinds}
    now = timezone.now()
    kind, theme, werkplaats, province, evidence, when = range(len(DIMENSIONS))

    def add(pk, position, value):
        if value is not None and value != "" and pk in values:
            values[pk][position].add(value)

    by_model = {}
    for model, fields in [
        (PracticePage, ("werkplaats__slug", "evidence_level")),
        (EventPage, ("werkplaats__slug", "end")),
        (ArticlePage, ("werkplaats__slug",)),
        (NewsletterPage, ("newsletter__werkplaats__slug",)),
    ]:
        if model not in model_kind or not ids:
            continue
        rows = model.objects.filter(pk__in_ids=ids).order_by().values_list("pk", *fields)
        found = by_model[model] = set()
        for pk, owner, *rest in rows:
            values[pk] = [{model_kind[model]}, set(), set(), set(), set(), set()]
            found.add(pk)
            add(pk, werkplaats, owner)
            if model is PracticePage:
                add(pk, evidence, rest[0])
            elif model is EventPage:
                add(pk, when, UPCOMING if rest[0] >= now else PAST)
    for model in (PracticePage, EventPage, ArticlePage):
        if by_model.get(model):
            through = model.themes.through
            column = f"{model._meta.model_name}_id"
            rows = through.objects.filter(**{f"{column}__in_ids": by_model[model]}).values_list(column, "theme__slug")
            for pk, slug in rows:
                add(pk, theme, slug)
    if by_model.get(PracticePage):
        for pk, name in (
            Implementation.municipalities.through.objects.filter(implementation__page_id__in_ids=by_model[PracticePage])
            .values_list("implementation__page_id", "municipality__province__name")
            .distinct()
        ):
            add(pk, province, slugify(name))
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
    matches ``ids``, whose values ``page_values`` read. Values that are no option (a mistyped
    URL) are ignored.

    A page counts for a value of facet F when it passes every active facet other than F.
    """
    options = labels(kinds)
    chosen = [chosen[dimension] & {value for value, _label in options[dimension]} for dimension in DIMENSIONS]
    active = [position for position, values_chosen in enumerate(chosen) if values_chosen]
    positions = range(len(DIMENSIONS))
    counters = [Counter() for _dimension in DIMENSIONS]
    passing = []
    for pk in ids:
        page = values.get(pk)
        if page is None:
            continue
        failed = [position for position in active if not page[position] & chosen[position]]
        if not failed:
            passing.append(pk)
            for position in positions:
                counters[position].update(page[position])
        elif len(failed) == 1:
            counters[failed[0]].update(page[failed[0]])
    results = []
    for position, dimension in enumerate(DIMENSIONS):
        shown = [
            Option(value, label, counters[position][value], value in chosen[position])
            for value, label in options[dimension]
            if counters[position][value] or value in chosen[position] or dimension is KIND
        ]
        results.append(FacetResult(dimension.key, str(dimension.label), shown))
    return (passing if active else None), results
