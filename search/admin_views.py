from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from core.permissions import NATIONAL_EDITORS_GROUP

from .stats import PERIODS, report


def search_report(request):
    """What readers search for, and what they search for in vain. National editors only: queries
    can contain anything people type."""
    user = request.user
    if not (user.is_superuser or user.groups.filter(name=NATIONAL_EDITORS_GROUP).exists()):
        raise PermissionDenied
    try:
        days = int(request.GET.get("dagen", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    frequent, empty = report(days)
    context = {"days": days, "periods": PERIODS, "frequent": frequent, "empty": empty}
    return TemplateResponse(request, "search/admin/report.html", context)
