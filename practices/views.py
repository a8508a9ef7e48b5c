"""The pages of the practice database: listing, practice, comparison, CSV and PDF.

They are reached through the routes of PracticeIndexPage and PracticePage, and build
on the pages' own ``get_context`` through ``Page.render``.
"""

from collections import Counter

from django.db.models import Prefetch
from django.http import HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from core import params
from core.http.fragments import cached_items
from core.http.visibility import public
from core.images import prefetch_listing_images
from core.pagination import paginate
from core.routes import handles
from core.sections import PRACTICE_PAGE, sections
from geography.models import Municipality
from geography.places import Figures, Geography, number_words

from . import exports
from .fit import FitLevel, assess
from .listing import (
    SORT_FIT,
    SORT_TITLE,
    SORTS,
    build_facets,
    filter_practices,
    order_practices,
    partner_labels,
    partner_types,
    province_counts,
    rank_by_fit,
)
from .maps import practice_map, province_map
from .models import CostBand, Implementation, PracticeIndexPage, PracticePage, PracticeSource
from .question import question_from_request, remembered_redirect

PAGE_SIZE = 12
COMPARE_MIN, COMPARE_MAX = 2, 4
CARD_PREFETCH = ["themes", "target_groups"]


def fit_form_context(request, question):
    return {
        "question": question,
        "partner_types": partner_types(),
        "cost_bands": CostBand.choices,
    }


def fit_summary(levels, question):
    """'Sorted by fit for Deventer: 3 good, 5 partial ...' from the levels the ranking worked out."""
    counts = Counter(levels)
    parts = [level.count_text(counts[level]) for level in FitLevel if counts[level]]
    return _("Sorted by fit for %(name)s: %(counts)s.") % {
        "name": question.heading,
        "counts": ", ".join(parts),
    }


def listing_state(index, request, with_counts=True):
    """What the listing and its CSV export share: filters (and facet counts), fit question, order."""
    geography = Geography.for_request(request)
    question = question_from_request(request, geography)
    facets = build_facets(index.is_national)
    practices, facet_results, facets_key = filter_practices(index.get_practices(), facets, request.GET, with_counts)
    sort = request.GET.get("sorteer") or (SORT_FIT if question.is_asked else SORT_TITLE)
    if sort not in dict(SORTS) or (sort == SORT_FIT and not question.is_asked):
        sort = SORT_TITLE
    return {
        "geography": geography,
        "question": question,
        "practices": practices,
        "facets": facet_results,
        "facets_key": facets_key,
        "sort": sort,
        "labels": partner_labels() if question.is_asked else {},
    }


def _with_fits(pages, state):
    """Each page shown gets its fit, reasons worded (the ranking skipped the wording)."""
    question = state["question"]
    if question.is_asked:
        for page in pages:
            page.fit = assess(page.fit_profile, page.cost_band, question, state["geography"], state["labels"])
    return pages


def card_pages(ids, state):
    """The practices ``ids`` in that order, with what their cards show (werkplaats, terms, image, fit)."""
    pages = PracticePage.objects.select_related("werkplaats").prefetch_related(*CARD_PREFETCH).in_bulk(ids)
    return prefetch_listing_images(_with_fits([pages[pk] for pk in ids if pk in pages], state))


def practice_cards(ids, state, request):
    """The cards of the practices ``ids``, in order: each card's HTML is kept per practice, fit
    question and content version, so a card is rendered once, not on every listing that shows it."""
    question = state["question"]
    site = Site.find_for_request(request)

    def render(missing):
        return {
            item.pk: render_to_string("practices/components/practice_card.html", {"item": item}, request)
            for item in card_pages(missing, state)
        }

    asked = question.querystring() if question.is_asked else ""
    kept = cached_items(("practice-card", get_language(), getattr(site, "pk", None), asked), ids, render)
    return [mark_safe(kept[pk]) for pk in ids if pk in kept]  # noqa: S308 (our own template's output)


@handles(PracticeIndexPage)
def practice_listing(index, request):
    redirect = remembered_redirect(request, Geography.for_request(request))
    if redirect:
        return redirect
    state = listing_state(index, request)
    practices = state["practices"]
    summary = ""
    if state["sort"] == SORT_FIT:
        ranked = rank_by_fit(practices, state["question"], state["geography"], state["labels"])
        ordered_ids = [pk for pk, _level in ranked]
        summary = fit_summary([level for _pk, level in ranked], state["question"])
    else:
        ordered_ids = order_practices(practices, state["sort"]).values_list("pk", flat=True)
    page_obj = paginate(ordered_ids, request, PAGE_SIZE)
    ids = list(page_obj.object_list)
    cards = practice_cards(ids, state, request)
    # The practices themselves, read only if something asks (the template shows the kept cards).
    page_obj.object_list = SimpleLazyObject(lambda: card_pages(ids, state))
    # The filters the listing applied (never the raw query string): what the fit form carries along.
    filter_params = [(facet.key, option.value) for facet in state["facets"] for option in facet.selected]
    if request.GET.get("sorteer") in dict(SORTS):
        filter_params.append(("sorteer", request.GET["sorteer"]))
    context = {
        "practices": page_obj,
        "cards": cards,
        "facets": state["facets"],
        "facets_key": state["facets_key"],
        "active_filters": [(facet, option) for facet in state["facets"] for option in facet.selected],
        "sort": state["sort"],
        "sorts": [(value, label) for value, label in SORTS if value != SORT_FIT or state["question"].is_asked],
        "compare_max": number_words(COMPARE_MAX),
        "filter_params": filter_params,
        "keep_params": filter_params,
        "fit_summary": summary,
        "province_map": province_map(province_counts(state["facets"])),
        **fit_form_context(request, state["question"]),
    }
    return index.render(request, context_overrides=context)


@handles(PracticeIndexPage)
def practice_csv(index, request):
    state = listing_state(index, request, with_counts=False)
    practices = state["practices"]
    explain = None
    if state["question"].is_asked:

        def explain(page):
            return assess(page.fit_profile, page.cost_band, state["question"], state["geography"], state["labels"])

    if state["sort"] == SORT_FIT:
        ordered_ids = [
            pk for pk, _level in rank_by_fit(practices, state["question"], state["geography"], state["labels"])
        ]
        rows = exports.listing_rows(practices, state["geography"], request, order=ordered_ids, explain=explain)
    else:
        ordered = order_practices(practices, state["sort"])
        rows = exports.listing_rows(ordered, state["geography"], request, explain=explain)
    response = StreamingHttpResponse(exports.csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{index.slug}.csv"'
    return response


def _detail_queryset():
    return PracticePage.objects.select_related("werkplaats").prefetch_related(
        "themes",
        "target_groups",
        "care_settings",
        "partners_needed",
        Prefetch(
            "implementations",
            queryset=Implementation.objects.prefetch_related(
                Prefetch("municipalities", queryset=Municipality.objects.select_related("province")), "partners"
            ),
        ),
    )


@handles(PracticeIndexPage)
def practice_comparison(index, request):
    geography = Geography.for_request(request)
    redirect = remembered_redirect(request, geography)
    if redirect:
        return redirect
    question = question_from_request(request, geography)
    wanted = []
    for value in request.GET.getlist("p"):
        number = params.whole_number(value, minimum=1)
        if number is not None and number not in wanted:
            wanted.append(number)
    error = ""
    if len(wanted) < COMPARE_MIN:
        error = _("Choose at least two practices to compare.")
    elif len(wanted) > COMPARE_MAX:
        error = _("You can compare at most four practices at once; the first four are shown.")
        wanted = wanted[:COMPARE_MAX]
    found = _detail_queryset().filter(pk__in=index.get_practices().filter(pk__in=wanted).values("pk")).in_bulk()
    practices = [found[pk] for pk in wanted if pk in found]
    if not error and len(practices) < len(wanted):
        error = _("Some of the chosen practices no longer exist.")
    labels = partner_labels() if question.is_asked else {}
    for practice in practices:
        if question.is_asked:
            practice.fit = assess(practice.fit_profile, practice.cost_band, question, geography, labels)
        practice.places_used = _places_used(practice)
    context = {
        "compared": practices,
        "compare_error": error,
        "compare_params": [("p", practice.pk) for practice in practices],
        "keep_params": [("p", practice.pk) for practice in practices],
        "fit_summary": _("The fit of each practice is in the table below.") if practices else "",
        **fit_form_context(request, question),
    }
    response = index.render(request, template="practices/practice_comparison.html", context_overrides=context)
    if error and len(practices) < COMPARE_MIN:
        response.status_code = 400
    return response


def _places_used(practice):
    """Municipalities (and their provinces) where a practice ran, from the prefetched record."""
    municipalities = {}
    for implementation in practice.implementations.all():
        for municipality in implementation.municipalities.all():
            municipalities[municipality.pk] = municipality
    provinces = sorted({municipality.province.name for municipality in municipalities.values()})
    return {"municipalities": sorted(municipalities.values(), key=lambda m: m.name), "provinces": provinces}


def _local_figures(implementation):
    """(place, figures in words) of where it ran: the area's own record where given, else CBS's per municipality."""
    own = implementation.population is not None or implementation.density is not None
    rows = []
    for municipality in implementation.municipalities.all():
        figures = Figures(
            implementation.population if implementation.population is not None else municipality.population,
            implementation.density if implementation.density is not None else municipality.density,
        )
        rows.append((municipality.name, figures.text() if figures.known else ""))
        if own:  # one area, however many municipalities it spans
            rows = [(_("the area where it ran"), rows[0][1])]
            break
    if implementation.urbanisation_class:
        rows.append((_("urbanisation class"), implementation.get_urbanisation_class_display()))
    return rows


def detail_context(page, request):
    """The parts of a practice page that need more than the page row, each fetched once.

    Lazy: the page template keeps what only the content decides in cached blocks (contentcache),
    and on a hit nothing of it is read. The PDF reads them all.
    """
    geography = Geography.for_request(request)
    question = question_from_request(request, geography)
    implementations = SimpleLazyObject(lambda: _implementations(page))
    related = SimpleLazyObject(lambda: _related_pages(page))
    fit = None
    if question.is_asked:
        fit = assess(page.fit_profile, page.cost_band, question, geography, partner_labels())
    return {
        "fit": fit,
        "implementations": implementations,
        "map": SimpleLazyObject(
            lambda: practice_map(implementations, question.municipality) if implementations else None
        ),
        "knowledge": [
            (PracticeSource.Knowledge.RESEARCH, _("Research"), page.research_knowledge),
            (PracticeSource.Knowledge.PROFESSIONAL, _("Professional experience"), page.professional_knowledge),
            (
                PracticeSource.Knowledge.LIVED_EXPERIENCE,
                _("Ervaringskennis of young people and parents"),
                page.lived_experience_knowledge,
            ),
        ],
        "sources": SimpleLazyObject(lambda: _sources(page)),
        "documents": SimpleLazyObject(lambda: list(page.documents.select_related("document"))),
        "related_practices": SimpleLazyObject(lambda: [p for p in related if isinstance(p, PracticePage)]),
        "related_other": SimpleLazyObject(lambda: [p for p in related if not isinstance(p, PracticePage)]),
        "events": SimpleLazyObject(lambda: _events(page)),
        "sections": SimpleLazyObject(lambda: sections(PRACTICE_PAGE, request, page)),
        "working_elements": SimpleLazyObject(lambda: list(page.working_elements.all())),
        **fit_form_context(request, question),
    }


def _implementations(page):
    implementations = list(
        page.implementations.prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.select_related("province", "youth_region")),
            "partners",
        )
    )
    for implementation in implementations:
        implementation.figures = _local_figures(implementation)
    return implementations


def _sources(page):
    sources = {}
    for source in page.sources.all():
        sources.setdefault(source.knowledge, []).append(source)
    return sources


def _related_pages(page):
    related_ids = [relation.target_id for relation in page.related_pages.all()]
    live = public(Page.objects.filter(pk__in=related_ids).live()).specific().in_bulk() if related_ids else {}
    return [live[pk] for pk in related_ids if pk in live]


def _events(page):
    links = getattr(page, "events", None)  # the events app's links to this practice (a reverse relation)
    if links is None:
        return []
    event_model = links.model._meta.get_field("page").related_model
    return list(public(event_model.objects.live()).filter(pk__in=links.values("page_id")).order_by("-start"))


@handles(PracticePage)
def practice_detail(page, request):
    redirect = remembered_redirect(request, Geography.for_request(request))
    if redirect:
        return redirect
    return page.render(request, context_overrides=detail_context(page, request))


@handles(PracticePage)
def practice_pdf(page, request):
    from .pdf import render_practice_pdf  # noqa: PLC0415 (WeasyPrint loads Pango: only when a PDF is asked for)

    context = detail_context(page, request)
    response = HttpResponse(render_practice_pdf(page, context, request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{page.slug}.pdf"'
    return response
