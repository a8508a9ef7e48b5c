"""The shape of an import record (docs/practice-import.md), checked before anything else is read.

Every value must have the type the format names, text must be printable (no NUL or other control
characters except line breaks and tabs) and no longer than :data:`MAX_TEXT`, and nothing may nest
deeper than the format does. Each problem is reported as ``field: message`` with the field's path,
so ``import_practices`` can say ``record N (slug), field: message`` instead of failing later.
"""

from core.importing import TEXT, TEXTS, WHOLE, shape_problems

IMPLEMENTATION = {
    "municipalities": TEXTS,
    "started": WHOLE,
    "ended": WHOLE,
    "urbanisation_class": WHOLE,
    "population": WHOLE,
    "density": WHOLE,
    "partners": TEXTS,
    "partners_note": TEXT,
    "adaptations": TEXT,
    "outcome": TEXT,
    "why_not_carried_over": TEXT,
}
RECORD = {
    "slug": TEXT,
    "werkplaats": TEXT,
    "language": TEXT,
    "title": TEXT,
    "summary": TEXT,
    "aim": TEXT,
    "themes": TEXTS,
    "target_groups": TEXTS,
    "settings": TEXTS,
    "age_min": WHOLE,
    "age_max": WHOLE,
    "approach": TEXTS,
    "working_elements": [{"name": TEXT, "explanation": TEXT}],
    "evidence_level": TEXT,
    "databank_url": TEXT,
    "evidence_summary": TEXT,
    "knowledge": {"research": TEXT, "professional": TEXT, "lived_experience": TEXT},
    "sources": [{"knowledge": TEXT, "citation": TEXT, "url": TEXT}],
    "cost_band": WHOLE,
    "cost_notes": TEXT,
    "needs": {"staff": TEXT, "training": TEXT, "time": TEXT},
    "partners_needed": TEXTS,
    "partners_indispensable": TEXTS,
    "partners_why": TEXT,
    "contact": {"name": TEXT, "role": TEXT, "email": TEXT},
    "last_reviewed": TEXT,
    "implementations": [IMPLEMENTATION],
}


def problems(record):
    """[(field path, message)] for every value of ``record`` that does not fit the format."""
    return shape_problems(record, RECORD)
