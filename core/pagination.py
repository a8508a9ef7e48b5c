"""One way to paginate listings: the page number in ``?pagina=``, out-of-range numbers clamped."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PAGE_PARAMETER = "pagina"


def paginate(items, request, per_page):
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get(PAGE_PARAMETER, 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
