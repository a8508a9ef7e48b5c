"""A report's figures in other shapes: the records behind one figure, CSV, JSON, and two years
side by side. Each reads the frozen snapshot (or, for a draft, the figures as they stand)."""

import base64

from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.pdf import render_pdf
from core.routes import handles, render_route
from core.spreadsheets import csv_response

from .figures import flat
from .models import AnnualReportPage
from .presenting import label, present, rows, written


@handles(AnnualReportPage)
def figure_records(report, request, key):
    figures = flat(report.figures)
    if key not in figures:
        raise Http404
    figure = figures[key]
    context = {
        "figure": figure,
        "label": label(key),
        "text": written(figure["value"], figure.get("unit", "")),
        "records": figure.get("records", []),
    }
    return render_route(report, request, "reports/figure.html", context)


@handles(AnnualReportPage)
def report_pdf(report, request):
    """The report as an accessible PDF (PDF/UA-1, ``core.pdf``): the page's parts, the figures and
    the charts, each chart an image whose alternative text says what it shows."""
    context = report.get_context(request)
    charts = []
    for row, drawn in context["charts"]:
        svg = render_to_string("ambitions/components/chart_svg.html", {"chart": drawn, "title": row["indicator"]})
        charts.append((row, drawn, base64.b64encode(svg.encode()).decode()))
    html = render_to_string(
        "reports/report_pdf.html",
        {
            **context,
            "charts": charts,
            "pdf_language": report.locale.language_code,
            "url": report.get_full_url(request),
            "today": timezone.localdate(),
        },
        request=request,
    )
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename(report, "jaarverslag")}.pdf"'
    return response


def filename(report, kind):
    return slugify(f"{report.title}-{report.year}-{kind}")


@handles(AnnualReportPage)
def figures_csv(report, request):
    snapshot = report.figures
    header = [_("section"), _("figure"), _("label"), _("value"), _("unit")]
    lines = [
        [section, key, text, "" if value is None else value, unit] for section, key, text, value, unit in rows(snapshot)
    ]
    reported = [
        [_("Reported by the werkplaats"), "", f"{figure.label} ({figure.source})", figure.value, figure.unit]
        for figure in report.reported_figures.all()
    ]
    return csv_response(filename(report, "cijfers"), [header, *lines, *reported])


@handles(AnnualReportPage)
def figures_json(report, request):
    snapshot = report.figures
    data = {
        **snapshot,
        "title": report.title,
        "labels": {key: text for _section, key, text, _value, _unit in rows(snapshot)},
        "reported": [
            {"label": f.label, "value": str(f.value), "unit": f.unit, "approximate": f.approximate, "source": f.source}
            for f in report.reported_figures.all()
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'inline; filename="{filename(report, "cijfers")}.json"'
    return response


@handles(AnnualReportPage)
def compare_years(report, request, other):
    found = report.other_years().filter(year=other).first()
    if found is None:
        raise Http404
    first, second = sorted([report, found], key=lambda page: page.year)
    before, after = flat(first.figures), flat(second.figures)
    lines = []
    for section in present(second.figures).sections:
        for figure in section.figures:
            old = before.get(figure.key, {}).get("value")
            new = after[figure.key]["value"]
            change = new - old if isinstance(old, int | float) and isinstance(new, int | float) else None
            unit = after[figure.key].get("unit", "")
            lines.append((section.label, figure.label, written(old, unit), written(new, unit), change))
    context = {"first": first, "second": second, "lines": lines}
    return render_route(report, request, "reports/compare.html", context)
