"""Recalculate a report's figures: shown beside the frozen ones first, saved as a new revision
(for the editor to publish) only when asked. A published report never changes by itself."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .figures import differences
from .models import AnnualReportPage
from .presenting import label, written


def recalculate(request, page_id):
    report = get_object_or_404(AnnualReportPage, pk=page_id)
    if not report.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    latest = report.get_latest_revision_as_object()
    fresh = latest.live_figures()
    units = {f["key"]: f.get("unit", "") for s in fresh["sections"] for f in s["figures"]}
    changes = [
        (label(key), written(old, units.get(key, "")), written(new, units.get(key, "")))
        for key, old, new in differences(latest.snapshot, fresh)
    ]
    ambitions_changed = latest.snapshot.get("ambitions") != fresh["ambitions"]
    if request.method == "POST":
        latest.snapshot = fresh
        latest.save_revision(user=request.user, log_action=True)
        messages.success(request, _("The new figures are saved as a draft: publish the report to show them."))
        return redirect("wagtailadmin_pages:edit", report.pk)
    context = {
        "report": report,
        "frozen": bool(latest.snapshot),
        "changes": changes,
        "ambitions_changed": ambitions_changed,
    }
    return TemplateResponse(request, "reports/admin/recalculate.html", context)
