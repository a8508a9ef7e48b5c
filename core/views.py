from django.contrib.auth.decorators import permission_required
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .translation_status import MISSING, OUT_OF_DATE, STATUS_LABELS, translation_statuses


@permission_required("wagtailadmin.access_admin")
def translation_report(request):
    wanted = request.GET.get("status", "")
    statuses = translation_statuses("en")
    counts = {key: sum(1 for item in statuses if item.status == key) for key in STATUS_LABELS}
    if wanted in STATUS_LABELS:
        statuses = [item for item in statuses if item.status == wanted]
    return TemplateResponse(
        request,
        "core/admin/translation_report.html",
        {
            "page_title": _("Translation status"),
            "header_icon": "globe",
            "statuses": statuses,
            "counts": counts,
            "labels": STATUS_LABELS,
            "wanted": wanted,
            "attention": counts[MISSING] + counts[OUT_OF_DATE],
        },
    )


@permission_required("wagtailadmin.access_admin")
def editors_guide(request):
    """The editors' guide, in Dutch, from the admin's Help menu (docs/permissions.md has the table too)."""
    return TemplateResponse(request, "core/admin/editors_guide.html", {})
