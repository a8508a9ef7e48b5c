"""The admin's measurements of one indicator: the series with its chart, a figure typed in, or
a CSV file checked and shown (with its gaps and jumps) before it is saved.

Whoever may edit the ambition may add its figures: a werkplaats' editors their own, national
editors all. A file is checked twice: when it is sent, and again, from the signed copy of its
lines in the confirmation form, when it is saved.
"""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import charts, measurements, values
from .forms import MeasurementFileForm, MeasurementForm
from .models import AmbitionPage, Measurement, read

SIGNING_SALT = "ambitions.measurements.file"
CONFIRM_WITHIN = 3600  # seconds: a preview left for longer is checked and shown again


def indicator_for(request, page_id, key):
    """The indicator ``key`` of the ambition's latest version (a draft's new indicator too)."""
    page = get_object_or_404(AmbitionPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    latest = page.get_latest_revision_as_object()
    found = [indicator for indicator in latest.indicators.all() if indicator.translation_key == key]
    if not found:
        raise Http404
    return found[0]


def overview(request):
    """Every ambition the user may edit, as its latest version, with its indicators and their status."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    found = (
        AmbitionPage.objects.filter(pk__in=editable.values("pk"))
        .select_related("werkplaats", "locale")
        .order_by("werkplaats__title", "title")
    )
    pages = [page.get_latest_revision_as_object() if page.has_unpublished_changes else page for page in found]
    read([indicator for page in pages for indicator in page.indicators.all()])
    return TemplateResponse(request, "ambitions/admin/overview.html", {"pages": pages})


def series(request, page_id, key):
    indicator = indicator_for(request, page_id, key)
    intent = request.POST.get("action") if request.method == "POST" else None
    form = MeasurementForm(request.POST if intent == "add" else None, indicator=indicator)
    checking = intent == "check"
    upload = MeasurementFileForm(request.POST if checking else None, request.FILES if checking else None)
    context = {"indicator": indicator, "form": form, "upload": upload}
    if intent == "add" and form.is_valid():
        measurements.save(indicator, [form.row], request.user)
        messages.success(request, _("The figure is saved."))
        return redirect(request.path)
    if intent == "check" and upload.is_valid():
        checked = measurements.read_csv(upload.cleaned_data["file"].read(), indicator)
        context["checked"] = checked
        if checked.ok:
            context["payload"] = signing.dumps([_pack(row) for row in checked.rows], salt=SIGNING_SALT, compress=True)
    if intent == "save":
        return save_file(request, indicator)
    if intent == "delete":
        Measurement.objects.filter(indicator_key=indicator.translation_key, pk=request.POST.get("measurement")).delete()
        messages.success(request, _("The figure is deleted."))
        return redirect(request.path)
    return render(request, indicator, context, status=400 if (form.is_bound and form.errors) else 200)


def render(request, indicator, context, status=200):
    read([indicator])
    context["chart"] = charts.chart(indicator, timezone.localdate())
    context["reading"] = indicator.read_as
    return TemplateResponse(request, "ambitions/admin/measurements.html", context, status=status)


def _pack(row):
    return [row.line, row.measured_on.isoformat(), str(row.value), row.source, row.note]


def save_file(request, indicator):
    try:
        packed = signing.loads(request.POST.get("payload", ""), salt=SIGNING_SALT, max_age=CONFIRM_WITHIN)
    except signing.BadSignature:
        messages.error(request, _("The check has expired or the form was changed: send the file again."))
        return redirect(request.path)
    try:
        rows = [
            measurements.check_row(indicator, line, day, value, source, note)
            for line, day, value, source, note in packed
        ]
    except values.BadValue as problem:
        messages.error(request, _("Nothing is saved: %(problem)s") % {"problem": problem})
        return redirect(request.path)
    count = measurements.save(indicator, rows, request.user)
    messages.success(request, ngettext("%(n)s figure is saved.", "%(n)s figures are saved.", count) % {"n": count})
    return redirect(request.path)
