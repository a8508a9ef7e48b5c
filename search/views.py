from functools import partial
from urllib.parse import urlencode

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import cache_control
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.http.visibility import active_locale, is_restricted
from core.pagination import PAGE_PARAMETER

from .highlight import snippet
from .query import KINDS, clean_query, execute, suggest
from .stats import record

PER_PAGE = 10
LABELS = {model: label for _slug, model, label in KINDS}


def promoted(query):
    """The editors' promoted results for this query: live, public pages in this language, or links."""
    picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query)).select_related("page")
    locale = active_locale()
    shown = []
    for pick in picks.order_by("sort_order"):
        page = pick.page
        if page is None and pick.external_link_url:
            shown.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                    "page_id": None,
                }
            )
        elif page is not None and page.live and page.locale_id == locale.pk and not is_restricted(page):
            page = page.specific
            shown.append(
                {
                    "title": page.title,
                    "url": page.url,
                    "page_id": page.pk,
                    "description": pick.description or getattr(page, "summary", ""),
                }
            )
    return shown


def specific_page(pk):
    return Page.objects.get(pk=pk).specific


def search(request):
    query = clean_query(request.GET.get("q", ""))
    promotions = promoted(query) if query else []
    exclude = [pick["page_id"] for pick in promotions if pick["page_id"]]
    outcome = execute(query, request, PER_PAGE, exclude=exclude)
    page_obj = outcome.page
    marked = (outcome.attempt.searched if outcome.attempt else "") or query  # the words that found them
    hits = []
    for found in page_obj.object_list:  # search.query.Summary
        hits.append(
            {
                "page": SimpleLazyObject(partial(specific_page, found.pk)),  # read only if asked for
                "url": found.url,
                "kind": LABELS.get(found.model, ""),
                "title": snippet(found.title, marked, length=500),
                "snippet": snippet(found.text, marked),
                "date": found.date,
                "date_kind": getattr(found, "date_kind", ""),
                "werkplaats": found.werkplaats,
            }
        )
    total = page_obj.paginator.count if query else 0
    if query and request.GET.get(PAGE_PARAMETER, "1") == "1":  # a search, not a turn of the page
        record(query, found=bool(total or promotions))
    context = {
        "query": query,
        "clear_url": "?" + urlencode({"q": query}),
        "facets": outcome.facets,
        "active_filters": [(facet, option) for facet in outcome.facets for option in facet.selected],
        "page_obj": page_obj,
        "hits": hits,
        "total": total,
        "promotions": promotions if page_obj.number == 1 else [],
        "degraded": outcome.degraded,
        "attempt": outcome.attempt,
    }
    return TemplateResponse(request, "search/search.html", context)


@cache_control(max_age=60)
def suggestions(request):
    """JSON for the search field's autocomplete: {"suggestions": [{"title", "url", "kind"}]}."""
    return JsonResponse({"suggestions": suggest(request.GET.get("q", ""))})
