"""The shape of an import record (docs/practice-import.md), checked before anything else is read.

Every value must have the type the format names, text must be printable (no NUL or other control
characters except line breaks and tabs) and no longer than :data:`MAX_TEXT`, and nothing may nest
deeper than the format does. Each problem is reported as ``field: message`` with the field's path,
so ``import_practices`` can say ``record N (slug), field: message`` instead of failing later.
"""

from core.params import has_control_characters

MAX_TEXT = 20_000  # characters in any one text value; model fields with a max_length are checked too
TEXT, WHOLE, TEXTS = "text", "whole number", "list of texts"

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
    "contact": {"name": TEXT, "role": TEXT, "email": TEXT},
    "last_reviewed": TEXT,
    "implementations": [IMPLEMENTATION],
}


def problems(record):
    """[(field path, message)] for every value of ``record`` that does not fit the format."""
    found = []
    _check(record, RECORD, "", found)
    return found


def _check(value, shape, path, found):
    if value is None:
        return  # every field may be left out or null; required fields are checked by name
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            found.append((path or "record", "expected an object"))
            return
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if key not in shape:
                found.append((where, "is not a field of the import format"))
            else:
                _check(item, shape[key], where, found)
    elif isinstance(shape, list):
        if not isinstance(value, list):
            found.append((path, "expected a list"))
            return
        for position, item in enumerate(value):
            _check(item, shape[0], f"{path}[{position}]", found)
    elif shape == TEXTS:
        if not isinstance(value, list):
            found.append((path, "expected a list of texts"))
            return
        for position, item in enumerate(value):
            _check(item, TEXT, f"{path}[{position}]", found)
    elif shape == WHOLE:
        if isinstance(value, bool) or not isinstance(value, int):
            found.append((path, f"{_show(value)} is not a whole number"))
        elif abs(value) > 10**9:
            found.append((path, f"{value} is out of range"))
    elif not isinstance(value, str):
        found.append((path, f"expected text, not {_show(value)}"))
    elif has_control_characters(value.replace("\n", "").replace("\r", "").replace("\t", "")):
        found.append((path, "contains control characters (such as NUL)"))
    elif len(value) > MAX_TEXT:
        found.append((path, f"is {len(value):,} characters long; at most {MAX_TEXT:,} are accepted"))


def _show(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
