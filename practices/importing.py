"""Import practices from the JSON format of docs/practice-import.md.

Two passes: :func:`validate` checks every record and every field against the
models' own rules and the reference data and collects *all* errors; only when there
are none does :func:`import_records` write anything, in one transaction. Records are
matched by slug (per language), so importing the same file twice changes nothing.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.rich_text import RichText

from core.blocks import RICH_TEXT_FEATURES
from core.importing import RecordErrors, as_html, records_or_error, text, too_long, unknown_municipality, without
from core.models import CareSetting, TargetGroup, Theme, WerkplaatsPage
from geography.models import Municipality
from geography.places import Geography

from . import import_schema
from .exports import practice_record
from .models import (
    KNOWLEDGE_FEATURES,
    Implementation,
    PartnerType,
    PracticeIndexPage,
    PracticePage,
    PracticeSource,
    WorkingElement,
)

REQUIRED = ["slug", "werkplaats", "title", "summary", "aim"]
TEXT_FIELDS = {
    "title": "title",
    "summary": "summary",
    "aim": "aim",
    "databank_url": "databank_url",
    "cost_notes": "cost_notes",
    "partners_why": "partners_why",
}
TERM_FIELDS = {
    "themes": Theme,
    "target_groups": TargetGroup,
    "settings": CareSetting,
    "partners_needed": PartnerType,
    "partners_indispensable": PartnerType,
}
KNOWLEDGE_FIELDS = {
    "research": "research_knowledge",
    "professional": "professional_knowledge",
    "lived_experience": "lived_experience_knowledge",
}
NEED_FIELDS = {"staff": "staff_needed", "training": "training_needed", "time": "time_needed"}
CONTACT_FIELDS = {"name": "contact_name", "role": "contact_role", "email": "contact_email"}
INDEX_TITLE = {"nl": "Praktijkvoorbeelden", "en": "Practices"}
INDEX_SLUG = {"nl": "praktijkvoorbeelden", "en": "practices"}


# The page's own fields that a record sets one to one (besides rich text, needs and contact).
PAGE_FIELDS = (
    "title",
    "summary",
    "aim",
    "databank_url",
    "cost_notes",
    "partners_why",
    "evidence_level",
    "evidence_summary",
    "age_min",
    "age_max",
    "cost_band",
    "last_reviewed",
)


class Reference:
    """The reference data a file may name, loaded once."""

    def __init__(self):
        self.terms = {key: {term.slug: term for term in model.objects.all()} for key, model in TERM_FIELDS.items()}
        self.terms["partners"] = self.terms["partners_needed"]
        # Names as people write them, slugs, CBS codes and former municipalities (geography.names).
        self.municipality_names = Geography.load().names
        self.municipalities = Municipality.objects.in_bulk()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}


def validate(records):
    """Check every record; return (cleaned records, errors). Nothing is written."""
    errors = RecordErrors()
    reference = Reference()
    cleaned = []
    seen = set()
    for number, record in enumerate(records_or_error(records, "practices", errors), start=1):
        if not isinstance(record, dict):
            errors.add(number, "", "record", _("expected an object"))
            continue
        slug = text(record.get("slug")).strip()
        shape_problems = import_schema.problems(record)
        errors.wrong_shape(number, slug, shape_problems)
        for field in REQUIRED:
            if not text(record.get(field)).strip():
                errors.missing(number, slug, field)
        if shape_problems:
            record = without(record, [path for path, _message in shape_problems])
        language = record.get("language") or "nl"
        locale = reference.locales.get(language)
        if locale is None:
            errors.add(number, slug, "language", _("unknown language %(language)r") % {"language": language})
        if (slug, language) in seen:
            errors.add(number, slug, "slug", _("appears more than once in this file"))
        seen.add((slug, language))
        werkplaats = None
        if record.get("werkplaats") and locale is not None:
            werkplaats = WerkplaatsPage.objects.filter(slug=record["werkplaats"], locale=locale).first()
            if werkplaats is None:
                errors.add(
                    number, slug, "werkplaats", _("no werkplaats with slug %(slug)r") % {"slug": record["werkplaats"]}
                )
        page, relations = _build_page(number, slug, record, reference, errors)
        implementations = _build_implementations(number, slug, record.get("implementations", []), reference, errors)
        if page is not None:
            cleaned.append(
                {
                    "number": number,
                    "record": record,
                    "locale": locale,
                    "werkplaats": werkplaats,
                    "page": page,
                    "relations": relations,
                    "implementations": implementations,
                }
            )
    _check_existing(cleaned, errors)
    return cleaned, errors


def _build_page(number, slug, record, reference, errors):
    """The practice page and its related records (terms, working elements, sources) one record
    describes; every problem goes to ``errors`` under the record's number and slug."""
    page = PracticePage(slug=slug, title=text(record.get("title")))
    _fill_texts(page, number, slug, record, errors)
    _fill_figures(page, number, slug, record, errors)
    _validate_page(page, number, slug, errors)
    relations = _terms(number, slug, record, reference, errors)
    relations["working_elements"] = _working_elements(number, slug, record, errors)
    relations["sources"] = _sources(number, slug, record, errors)
    return page, relations


def _fill_texts(page, number, slug, record, errors):
    """The plain texts, the knowledge, needs and contact groups, and the rich texts."""
    for key, attribute in TEXT_FIELDS.items():
        setattr(page, attribute, text(record.get(key)))
    for group, fields in (("knowledge", KNOWLEDGE_FIELDS), ("needs", NEED_FIELDS), ("contact", CONTACT_FIELDS)):
        values = record.get(group) or {}
        if not isinstance(values, dict):
            errors.add(number, slug, group, _("expected an object"))
            values = {}
        for key, attribute in fields.items():
            value = text(values.get(key))
            setattr(page, attribute, as_html(value, KNOWLEDGE_FEATURES) if group == "knowledge" else value)
    page.evidence_summary = as_html(text(record.get("evidence_summary")), KNOWLEDGE_FEATURES)
    approach = record.get("approach") or []
    if not isinstance(approach, list):
        errors.add(number, slug, "approach", _("expected a list of paragraphs"))
        approach = []
    paragraphs = [as_html(text(paragraph), RICH_TEXT_FEATURES) for paragraph in approach]
    page.approach = [("paragraph", RichText(html)) for html in paragraphs if html]


def _fill_figures(page, number, slug, record, errors):
    """The evidence level, ages, cost band and review date."""
    page.evidence_level = record.get("evidence_level") or "niet-beoordeeld"
    for key, default in (("age_min", 0), ("age_max", 18), ("cost_band", None)):
        value = record.get(key, default)
        if value is not None and not isinstance(value, int):
            errors.add(number, slug, key, _("%(value)s is not a whole number") % {"value": repr(value)})
            value = default
        setattr(page, key, value)
    reviewed = record.get("last_reviewed")
    if reviewed:
        try:
            page.last_reviewed = datetime.date.fromisoformat(reviewed)
        except (TypeError, ValueError):
            errors.add(
                number, slug, "last_reviewed", _("%(value)s is not a date (YYYY-MM-DD)") % {"value": repr(reviewed)}
            )


# The page's field names as the file names them, for the messages.
FILE_NAMES = {
    "research_knowledge": "knowledge.research",
    "professional_knowledge": "knowledge.professional",
    "lived_experience_knowledge": "knowledge.lived_experience",
    "contact_email": "contact.email",
    "staff_needed": "needs.staff",
    "training_needed": "needs.training",
    "time_needed": "needs.time",
}


def _validate_page(page, number, slug, errors):
    """The model's own checks of the fields the file fills: formats, choices, ranges, lengths."""
    checked = {"slug", *PAGE_FIELDS, "contact_name", "contact_role", "contact_email", *FILE_NAMES}
    try:
        page.clean_fields(exclude=[field.name for field in PracticePage._meta.fields if field.name not in checked])
    except ValidationError as error:
        errors.add_validation_error(number, slug, error, names=FILE_NAMES)
    try:
        page.check_ranges()
    except ValidationError as error:
        errors.add_validation_error(number, slug, error)
    for field, message in too_long(page):
        errors.add(number, slug, FILE_NAMES.get(field, field), message)


def _terms(number, slug, record, reference, errors):
    """{field: the taxonomy terms the record names by slug}; an unknown slug is an error."""
    relations = {}
    for key in TERM_FIELDS:
        values = record.get(key) or []
        if not isinstance(values, list):
            errors.add(number, slug, key, _("expected a list of slugs"))
            values = []
        unknown = [value for value in values if value not in reference.terms[key]]
        for value in unknown:
            kind = TERM_FIELDS[key]._meta.verbose_name
            errors.add(number, slug, key, _("unknown %(kind)s %(value)r") % {"kind": kind, "value": value})
        relations[key] = [reference.terms[key][value] for value in values if value not in unknown]
    return relations


def _working_elements(number, slug, record, errors):
    elements = []
    for position, element in enumerate(record.get("working_elements") or []):
        if not isinstance(element, dict) or not text(element.get("name")).strip():
            errors.missing(number, slug, f"working_elements[{position}].name")
            continue
        working_element = WorkingElement(
            name=text(element["name"]), explanation=text(element.get("explanation")), sort_order=position
        )
        for field, message in too_long(working_element):
            errors.add(number, slug, f"working_elements[{position}].{field}", message)
        elements.append(working_element)
    return elements


def _sources(number, slug, record, errors):
    sources = []
    for position, item in enumerate(record.get("sources") or []):
        source = PracticeSource(
            sort_order=position,  # the file's order, also on databases that keep no insertion order
            knowledge=text((item or {}).get("knowledge")),
            citation=text((item or {}).get("citation")),
            url=text((item or {}).get("url")),
        )
        try:
            source.clean_fields(exclude=["id", "page", "sort_order"])
        except ValidationError as error:
            errors.add_validation_error(number, slug, error, prefix=f"sources[{position}].")
        sources.append(source)
    return sources


def _build_implementations(number, slug, items, reference, errors):
    built = []
    if not isinstance(items, list):
        errors.add(number, slug, "implementations", _("expected a list"))
        return built
    for position, item in enumerate(items):
        prefix = f"implementations[{position}]."
        if not isinstance(item, dict):
            errors.add(number, slug, f"implementations[{position}]", _("expected an object"))
            continue
        implementation = Implementation(
            sort_order=position,
            started=item.get("started"),
            ended=item.get("ended"),
            urbanisation_class=item.get("urbanisation_class"),
            population=item.get("population"),
            density=item.get("density"),
            partners_note=text(item.get("partners_note")),
            adaptations=text(item.get("adaptations")),
            outcome=item.get("outcome") or Implementation.Outcome.ONGOING,
            why_not_carried_over=text(item.get("why_not_carried_over")),
        )
        try:
            implementation.clean_fields(exclude=["id", "page", "sort_order"])
            implementation.clean()
        except ValidationError as error:
            errors.add_validation_error(number, slug, error, prefix=prefix)
        for field, message in too_long(implementation):
            errors.add(number, slug, f"{prefix}{field}", message)
        places = item.get("municipalities") or []
        if not places:
            errors.add(number, slug, f"{prefix}municipalities", _("name at least one municipality"))
        municipalities = []
        for place in places if isinstance(places, list) else [places]:
            found = reference.municipality_names.resolve(text(place))
            if found.place is None:
                errors.add(number, slug, f"{prefix}municipalities", unknown_municipality(found, place))
            else:
                municipalities.append(reference.municipalities[found.place.pk])
        partners = []
        for value in item.get("partners") or []:
            if value in reference.terms["partners"]:
                partners.append(reference.terms["partners"][value])
            else:
                errors.add(
                    number,
                    slug,
                    f"{prefix}partners",
                    _("unknown %(kind)s %(value)r") % {"kind": PartnerType._meta.verbose_name, "value": value},
                )
        built.append((implementation, municipalities, partners))
    return built


def _check_existing(cleaned, errors):
    for item in cleaned:
        existing = item["existing"] = PracticePage.objects.filter(slug=item["page"].slug, locale=item["locale"]).first()
        owner = item["werkplaats"]  # None: unknown or missing, and reported; nothing to compare
        if existing and existing.werkplaats_id and owner is not None and existing.werkplaats_id != owner.pk:
            errors.add(
                item["number"],
                item["page"].slug,
                "werkplaats",
                _("this slug belongs to a practice of %(owner)s; choose another slug")
                % {"owner": existing.werkplaats.title},
            )


def _index_for(werkplaats):
    index = PracticeIndexPage.objects.child_of(werkplaats).first()
    if index is None:
        language = werkplaats.locale.language_code
        index = PracticeIndexPage(title=INDEX_TITLE.get(language, "Praktijkvoorbeelden"), slug=INDEX_SLUG.get(language))
        werkplaats.add_child(instance=index)
        index.save_revision().publish()
    return index


def _fill(target, item):
    source = item["page"]
    for field in [
        *PAGE_FIELDS,
        "approach",
        *KNOWLEDGE_FIELDS.values(),
        *NEED_FIELDS.values(),
        *CONTACT_FIELDS.values(),
    ]:
        setattr(target, field, getattr(source, field))
    relations = item["relations"]
    # Children keep their identity by position, so translations stay linked to them.
    _keep_identity(target.working_elements.all(), relations["working_elements"])
    _keep_identity(target.sources.all(), relations["sources"])
    _keep_identity(target.implementations.all(), [implementation for implementation, *_ in item["implementations"]])
    target.themes = relations["themes"]
    target.target_groups = relations["target_groups"]
    target.care_settings = relations["settings"]
    target.partners_needed = relations["partners_needed"]
    target.partners_indispensable = relations["partners_indispensable"]
    target.working_elements = relations["working_elements"]
    target.sources = relations["sources"]
    implementations = []
    for implementation, municipalities, partners in item["implementations"]:
        implementation.municipalities = municipalities
        implementation.partners = partners
        implementations.append(implementation)
    target.implementations = implementations


def _keep_identity(existing, fresh):
    if not existing:
        return
    for old, new in zip(existing, fresh, strict=False):
        new.pk, new.translation_key, new.locale_id = old.pk, old.translation_key, old.locale_id


@transaction.atomic
def import_records(cleaned, publish=True):
    """Create or update every validated record. Returns counts of created, updated and unchanged."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for item in cleaned:
        existing = item.get("existing")
        if existing is not None:
            before = practice_record(existing)
            _fill(existing, item)
            if practice_record(existing) == before:
                counts["unchanged"] += 1
                continue
            revision = existing.save_revision()
            if publish:
                revision.publish()
            counts["updated"] += 1
            continue
        page = item["page"]
        page.locale = item["locale"]
        _fill(page, item)
        page.live = publish
        _index_for(item["werkplaats"]).add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        counts["created"] += 1
    return counts
