"""Municipalities like mine: a municipality's figures, the ten most like it, and what ran there.

``/gemeenten/`` finds a municipality by the name people use; ``/gemeenten/<slug>/``
shows its CBS figures, its jeugdregio and province, the ten most similar municipalities
(``geography.places``: the one notion of similarity the fit check uses) and the practices that ran in any
of them, with their outcome and their fit for the chosen municipality.
"""

from urllib.parse import urlencode

from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from core.http.visibility import active_locale, public
from core.pagination import paginate
from core.sections import MUNICIPALITY_PAGE, sections
from geography.models import Municipality
from geography.names import FOUND
from geography.places import NEAR_KM, Geography

from .fit import assess
from .maps import similar_map
from .models import Implementation, PracticeIndexPage, PracticePage
from .question import FitQuestion

SUGGESTIONS_SHOWN = 8
PRACTICES_PER_PAGE = 20
NAME_PARAM, ALIAS_PARAM = "gemeente", "naam"


def municipality_index(request):
    """The finder: a name as people say it goes to that municipality's page; otherwise suggestions."""
    geography = Geography.for_request(request)
    lookup = None
    if NAME_PARAM in request.GET:
        lookup = geography.names.resolve(request.GET[NAME_PARAM])
        if lookup.status == FOUND:
            url = reverse("municipality_detail", args=[lookup.place.slug])
            if lookup.note:  # the page repeats what became of the name typed (Weesp: part of Amsterdam)
                url += "?" + urlencode({ALIAS_PARAM: lookup.typed})
            return redirect(url)
    groups = {}
    for place in geography.places:
        groups.setdefault(place.province, []).append(place)
    context = {"lookup": lookup, "groups": sorted(groups.items()), "typed": lookup.typed if lookup else ""}
    return TemplateResponse(request, "practices/municipality_index.html", context)


def municipality_detail(request, slug):
    geography = Geography.for_request(request)
    home = geography.by_slug.get(slug)
    if home is None:
        # Another name for a municipality (den-haag, den-bosch, weesp): its page, saying what became of it.
        lookup = geography.names.resolve(slug.replace("-", " ")[:100])
        if lookup.status != FOUND:
            raise Http404(_("No municipality with this address."))
        url = reverse("municipality_detail", args=[lookup.place.slug])
        if lookup.note:
            url += "?" + urlencode({ALIAS_PARAM: lookup.alias.name})
        return redirect(url, permanent=True)
    municipality = Municipality.objects.select_related("province", "youth_region").get(pk=home.pk)
    lookup = geography.names.resolve(request.GET.get(ALIAS_PARAM, "")[:100]) if ALIAS_PARAM in request.GET else None
    note = lookup.note if lookup and lookup.place == home else ""
    similar = geography.most_similar(home)
    locale = active_locale()
    ran = practices_in([home.pk, *(place.pk for place, _comparison in similar)], home, geography, locale, request)
    overview = (  # the national overview is the shallowest
        public(PracticeIndexPage.objects.live()).filter(locale=locale).order_by("depth", "path").first()
    )
    context = {
        "home": home,
        "municipality": municipality,
        "note": note,
        "similar": similar,
        "practices": ran,
        "overview": overview,
        "fit_params": FitQuestion(home).querystring(),
        "near_km": NEAR_KM,
        "map": similar_map(home, similar),
        "sections": sections(MUNICIPALITY_PAGE, request, municipality),
    }
    return TemplateResponse(request, "practices/municipality_detail.html", context)


def practices_in(pks, home, geography, locale, request):
    """Live practices (in the reader's language) that ran in any of ``pks``, a page of them at a time.

    Those that ran in ``home`` itself come first, then those that ran in more of the similar
    municipalities, then by title. A fixed number of queries whatever the number of practices:
    which practice ran where (one query over the link table), then the page of practices and
    their implementations among ``pks``.
    """
    pages = public(PracticePage.objects.live()).filter(locale=locale)
    through = Implementation.municipalities.through
    ran = {}  # page id -> (title, {municipality ids})
    where = {}  # implementation id -> [municipality ids among pks]
    for page_id, title, implementation_id, municipality_id in through.objects.filter(
        municipality_id__in=pks, implementation__page__in=pages
    ).values_list("implementation__page_id", "implementation__page__title", "implementation_id", "municipality_id"):
        ran.setdefault(page_id, (title, set()))[1].add(municipality_id)
        where.setdefault(implementation_id, []).append(municipality_id)
    ordered = sorted(ran, key=lambda pk: (home.pk not in ran[pk][1], -len(ran[pk][1]), ran[pk][0].casefold(), pk))
    page_obj = paginate(ordered, request, PRACTICES_PER_PAGE)
    shown = list(page_obj.object_list)
    practices = PracticePage.objects.select_related("werkplaats").in_bulk(shown)
    runs = {}
    for implementation in Implementation.objects.filter(page_id__in=shown).order_by("started", "pk"):
        if implementation.pk not in where:  # ran elsewhere only
            continue
        runs.setdefault(implementation.page_id, []).append(
            {
                "places": sorted((geography.by_pk[pk] for pk in where[implementation.pk]), key=_name),
                "period": implementation.period,
                "outcome": implementation.outcome,
                "outcome_label": implementation.get_outcome_display(),
            }
        )
    question = FitQuestion(home)
    items = []
    for pk in shown:
        page = practices[pk]
        fit = assess(page.fit_profile, page.cost_band, question, geography, {}, explain=False)
        items.append({"page": page, "fit": fit.level.label, "level": fit.level, "runs": runs.get(pk, [])})
    page_obj.object_list = items
    return page_obj


def _name(place):
    return place.name


@cache_control(max_age=3600, public=True)
def municipality_suggestions(request):
    """JSON for the municipality fields' type-ahead: {"results": [{"name", "label", "slug", "province", "note"}]}."""
    geography = Geography.for_request(request)
    suggestions = geography.names.suggest(request.GET.get("q", ""), limit=SUGGESTIONS_SHOWN)
    return JsonResponse(
        {
            "results": [
                {
                    "name": suggestion.place.name,
                    "label": suggestion.label,
                    "slug": suggestion.place.slug,
                    "province": suggestion.place.province,
                    "note": suggestion.alias.note(suggestion.place) if suggestion.alias else "",
                }
                for suggestion in suggestions
            ]
        }
    )
