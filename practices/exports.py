"""Open data: the CSV export of a listing, and the JSON record format shared by
``export_practices`` and ``import_practices`` (documented in docs/practice-import.md).
"""

import csv
import io

from django.utils.translation import gettext as _

from core.spreadsheets import safe_cell

from .models import Evidence, Implementation, PracticePage

CHUNK = 500


def _names(items):
    return "; ".join(item.name for item in items)


def listing_rows(queryset, geography, request, order=None, explain=None):
    """Header and one row per practice, fetched in chunks so memory stays flat.

    ``order`` lists page ids in the order wanted; ``explain`` gives a practice's fit (with reasons).
    """
    header = [
        _("title"),
        _("address"),
        _("werkplaats"),
        _("summary"),
        _("aim"),
        _("themes"),
        _("target groups"),
        _("age from"),
        _("age to"),
        _("settings"),
        _("recognition"),
        _("databank record"),
        _("cost band"),
        _("partners needed"),
        _("last reviewed"),
        _("municipalities used"),
        _("provinces used"),
    ]
    if explain is not None:
        header += [_("fit"), _("reasons")]
    yield header
    evidence = dict(Evidence.choices)
    queryset = queryset.select_related("werkplaats").prefetch_related(
        "themes", "target_groups", "care_settings", "partners_needed"
    )
    if order is None:
        pages = queryset.iterator(chunk_size=CHUNK)
    else:
        pages = (
            page for start in range(0, len(order), CHUNK) for page in _in_order(queryset, order[start : start + CHUNK])
        )
    for page in pages:
        places = [geography.by_pk[pk] for pk in sorted(page.municipality_ids_used) if pk in geography.by_pk]
        row = [
            page.title,
            page.get_full_url(request),
            page.werkplaats.title if page.werkplaats else "",
            page.summary,
            page.aim,
            _names(page.themes.all()),
            _names(page.target_groups.all()),
            page.age_min,
            page.age_max,
            _names(page.care_settings.all()),
            evidence.get(page.evidence_level, ""),
            page.databank_url,
            page.get_cost_band_display() if page.cost_band else "",  # with its euro range, unit and period
            _names(page.partners_needed.all()),
            page.last_reviewed.isoformat() if page.last_reviewed else "",
            "; ".join(sorted(place.name for place in places)),
            "; ".join(sorted({place.province for place in places})),
        ]
        if explain is not None:
            fit = explain(page)
            row += [fit.label, " ".join(reason.text for reason in fit.reasons)]
        yield [safe_cell(value) for value in row]


def _in_order(queryset, ids):
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def csv_lines(rows):
    """Encode rows one line at a time (UTF-8 with a BOM, so spreadsheet programs read the accents)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff"
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)


def practice_record(page):
    """A practice in the import format: what ``import_practices`` reads back unchanged."""
    return {
        "slug": page.slug,
        "werkplaats": page.werkplaats.slug if page.werkplaats else None,
        "language": page.locale.language_code,
        "title": page.title,
        "summary": page.summary,
        "aim": page.aim,
        "themes": sorted(term.slug for term in page.themes.all()),
        "target_groups": sorted(term.slug for term in page.target_groups.all()),
        "settings": sorted(term.slug for term in page.care_settings.all()),
        "age_min": page.age_min,
        "age_max": page.age_max,
        "approach": [block.value.source for block in page.approach if block.block_type == "paragraph"],
        "working_elements": [
            {"name": element.name, "explanation": element.explanation} for element in page.working_elements.all()
        ],
        "evidence_level": page.evidence_level,
        "databank_url": page.databank_url,
        "evidence_summary": page.evidence_summary,
        "knowledge": {
            "research": page.research_knowledge,
            "professional": page.professional_knowledge,
            "lived_experience": page.lived_experience_knowledge,
        },
        "sources": [
            {"knowledge": source.knowledge, "citation": source.citation, "url": source.url}
            for source in page.sources.all()
        ],
        "cost_band": page.cost_band,
        "cost_notes": page.cost_notes,
        "needs": {"staff": page.staff_needed, "training": page.training_needed, "time": page.time_needed},
        "partners_needed": sorted(partner.slug for partner in page.partners_needed.all()),
        "partners_indispensable": sorted(partner.slug for partner in page.partners_indispensable.all()),
        "partners_why": page.partners_why,
        "contact": {"name": page.contact_name, "role": page.contact_role, "email": page.contact_email},
        "last_reviewed": page.last_reviewed.isoformat() if page.last_reviewed else None,
        "implementations": [implementation_record(item) for item in page.implementations.all()],
    }


def implementation_record(implementation: Implementation):
    return {
        "municipalities": sorted(municipality.name for municipality in implementation.municipalities.all()),
        "started": implementation.started,
        "ended": implementation.ended,
        "urbanisation_class": implementation.urbanisation_class,
        "population": implementation.population,
        "density": implementation.density,
        "partners": sorted(partner.slug for partner in implementation.partners.all()),
        "partners_note": implementation.partners_note,
        "adaptations": implementation.adaptations,
        "outcome": implementation.outcome,
        "why_not_carried_over": implementation.why_not_carried_over,
    }


def export_queryset():
    return PracticePage.objects.select_related("werkplaats", "locale").prefetch_related(
        "themes",
        "target_groups",
        "care_settings",
        "partners_needed",
        "partners_indispensable",
        "working_elements",
        "sources",
        "implementations__municipalities",
        "implementations__partners",
    )
