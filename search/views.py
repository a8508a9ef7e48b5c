from django.template.response import TemplateResponse

from core.pagination import paginate

from .highlight import snippet
from .query import KINDS, clean_query, run

PER_PAGE = 10
LABELS = {model: label for _slug, model, label in KINDS}


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results, kinds = run(query, request.GET.getlist("soort"))
    page_obj = paginate(results, request, PER_PAGE)
    hits = []
    for page in page_obj.object_list:
        page = page.specific
        hits.append(
            {
                "page": page,
                "kind": LABELS.get(type(page), ""),
                "title": snippet(page.title, query, length=500),
                "snippet": snippet(page.search_description or getattr(page, "summary", ""), query),
                "date": getattr(page, "start", None) or getattr(page, "date", None) or page.first_published_at,
                "werkplaats": getattr(page, "werkplaats", None),
            }
        )
    total = page_obj.paginator.count if query else 0
    context = {"query": query, "kinds": kinds, "page_obj": page_obj, "hits": hits, "total": total}
    return TemplateResponse(request, "search/search.html", context)
