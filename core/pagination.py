"""One way to paginate listings: the page number in ``?pagina=``, out-of-range numbers clamped."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PAGE_PARAMETER = "pagina"


def paginate(items, request, per_page, count=None):
    """The page of ``items`` the request asks for; ``count`` when the caller counted them already."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property: no second COUNT query
    try:
        return paginator.page(request.GET.get(PAGE_PARAMETER, 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
