"""Import an opportunities log from the JSON format of docs/opportunities.md ("Import"): the
werkplaatsen's criteria, the opportunities with their scores and the day they were chosen, and
the projects funded from them.

Everything is checked before anything is written; then all of it is written in one transaction
(criteria, opportunities, their scores and choices, projects), and importing the same file again
changes nothing. A project names its opportunity, ambitions and practices by slug, in the file
or on the site.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ambitions.measurements import parse_day
from ambitions.models import AmbitionPage
from core.importing import NUMBER, TEXT, TEXTS, WHOLE, PlacesImporter, RecordErrors, shape_problems, text
from core.models import Theme, WerkplaatsPage
from practices.models import PracticePage

from .choices import ProjectStatus
from .models import (
    HIGHEST_SCORE,
    Assessment,
    Criterion,
    OpportunityIndexPage,
    OpportunityPage,
    Progress,
    ProjectIndexPage,
    ProjectPage,
    ProjectUpdate,
)

CRITERIA_SHAPE = {"werkplaats": TEXT, "criteria": [{"name": TEXT, "description": TEXT, "weight": WHOLE}]}
OPPORTUNITY_SHAPE = {
    "slug": TEXT,
    "werkplaats": TEXT,
    "language": TEXT,
    "title": TEXT,
    "summary": TEXT,
    "description": TEXT,
    "for_whom": TEXT,
    "involved": TEXT,
    "estimated_cost": NUMBER,
    "themes": TEXTS,
    "municipalities": TEXTS,
    "received": TEXT,
    "scores": [{"criterion": TEXT, "score": WHOLE}],
    "chosen": TEXT,
}
PROJECT_SHAPE = {
    "slug": TEXT,
    "werkplaats": TEXT,
    "language": TEXT,
    "title": TEXT,
    "summary": TEXT,
    "opportunity": TEXT,
    "description": TEXT,
    "budget_granted": NUMBER,
    "starts_on": TEXT,
    "ends_on": TEXT,
    "lead_organisation": TEXT,
    "status": TEXT,
    "why_stopped": TEXT,
    "themes": TEXTS,
    "municipalities": TEXTS,
    "ambitions": TEXTS,
    "practices": TEXTS,
    "updates": [{"date": TEXT, "text": TEXT}],
}
OPPORTUNITY_FIELDS = ("title", "summary", "description", "for_whom", "involved", "estimated_cost", "received_at")
PROJECT_FIELDS = (
    "title",
    "summary",
    "opportunity_id",
    "description",
    "budget_granted",
    "starts_on",
    "ends_on",
    "lead_organisation",
    "status",
    "why_stopped",
)


def day(number, slug, value, field, errors):
    if not value:
        return None
    try:
        return parse_day(text(value))
    except ValueError as problem:
        errors.add(number, slug, field, str(problem))
        return None


def whole_euros(number, slug, value, field, errors):
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        errors.add(number, slug, field, _("%(value)r is not a whole number of euros") % {"value": value})
        return None
    return value


class OpportunityImporter(PlacesImporter):
    model = OpportunityPage
    index_model = OpportunityIndexPage
    index_titles = {"nl": ("Kansenlog", "kansenlog"), "en": ("Opportunities", "opportunities")}
    key = "opportunities"
    shape = OPPORTUNITY_SHAPE
    required = ("slug", "title", "description", "werkplaats")
    national_allowed = False

    def __init__(self, criteria_in_file):
        self.criteria_in_file = criteria_in_file  # {werkplaats slug: {criterion names}}

    def build(self, number, slug, record, locale, werkplaats, errors):
        received = day(number, slug, record.get("received"), "received", errors)
        page = OpportunityPage(
            slug=slug,
            title=text(record.get("title")),
            summary=text(record.get("summary")),
            description=text(record.get("description")),
            for_whom=text(record.get("for_whom")),
            involved=text(record.get("involved")),
            estimated_cost=whole_euros(number, slug, record.get("estimated_cost"), "estimated_cost", errors),
            received_at=timezone.make_aware(datetime.datetime.combine(received, datetime.time(12)))
            if received
            else timezone.now(),
        )
        checked = {"slug", "title", "summary", "description", "for_whom", "involved"}
        self.check_page(number, slug, page, checked, errors)
        themes = self.terms(number, slug, record, "themes", Theme, errors)
        places = [
            self.places.find(number, slug, v, "municipalities", errors) for v in record.get("municipalities") or []
        ]
        known = self.criteria_in_file.get(record.get("werkplaats"), set())
        scores = {}
        for position, item in enumerate(record.get("scores") or []):
            name, score = text(item.get("criterion")), item.get("score")
            if name not in known:
                errors.add(
                    number, slug, f"scores[{position}].criterion", _("no criterion of this werkplaats has this name")
                )
            elif isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= HIGHEST_SCORE:
                errors.add(number, slug, f"scores[{position}].score", _("a score is a whole number from 0 to 5"))
            else:
                scores[name] = score
        page.import_scores = scores
        page.import_chosen = day(number, slug, record.get("chosen"), "chosen", errors)

        def fill(target):
            for field in OPPORTUNITY_FIELDS:
                setattr(target, field, getattr(page, field))
            target.themes = themes
            target.municipalities = [place for place in places if place]

        return page, fill

    def snapshot(self, page):
        return {
            **{field: getattr(page, field) for field in OPPORTUNITY_FIELDS},
            "themes": sorted(theme.pk for theme in page.themes.all()),
            "municipalities": sorted(place.pk for place in page.municipalities.all()),
        }


class ProjectImporter(PlacesImporter):
    model = ProjectPage
    index_model = ProjectIndexPage
    index_titles = {"nl": ("Projecten", "projecten"), "en": ("Projects", "projects")}
    key = "projects"
    shape = PROJECT_SHAPE
    required = ("slug", "title", "description", "budget_granted", "starts_on", "lead_organisation", "werkplaats")
    national_allowed = False

    def __init__(self, opportunities_in_file):
        self.opportunities_in_file = opportunities_in_file  # {(slug, language)}

    def build(self, number, slug, record, locale, werkplaats, errors):
        status = text(record.get("status")) or ProjectStatus.PREPARING
        if status not in ProjectStatus.values:
            options = ", ".join(ProjectStatus.values)
            errors.add(
                number, slug, "status", _("%(value)r is none of: %(options)s") % {"value": status, "options": options}
            )
            status = ProjectStatus.PREPARING
        page = ProjectPage(
            slug=slug,
            title=text(record.get("title")),
            summary=text(record.get("summary")),
            description=text(record.get("description")),
            budget_granted=whole_euros(number, slug, record.get("budget_granted"), "budget_granted", errors),
            starts_on=day(number, slug, record.get("starts_on"), "starts_on", errors),
            ends_on=day(number, slug, record.get("ends_on"), "ends_on", errors),
            lead_organisation=text(record.get("lead_organisation")),
            status=status,
            why_stopped=text(record.get("why_stopped")),
        )
        checked = {"slug", "title", "summary", "description", "lead_organisation", "why_stopped"}
        if page.starts_on:
            self.check_page(number, slug, page, checked, errors)
        opportunity = text(record.get("opportunity"))
        in_file = (opportunity, locale.language_code) in self.opportunities_in_file
        if opportunity and not in_file and not OpportunityPage.objects.filter(slug=opportunity, locale=locale).exists():
            errors.add(number, slug, "opportunity", _("no opportunity with slug %(slug)r") % {"slug": opportunity})
        themes = self.terms(number, slug, record, "themes", Theme, errors)
        places = [
            self.places.find(number, slug, v, "municipalities", errors) for v in record.get("municipalities") or []
        ]
        ambitions = self.pages(number, slug, record, "ambitions", AmbitionPage, locale, errors)
        practices = self.pages(number, slug, record, "practices", PracticePage, locale, errors)
        updates = []
        for position, item in enumerate(record.get("updates") or []):
            happened = day(number, slug, item.get("date"), f"updates[{position}].date", errors)
            if not happened or not text(item.get("text")).strip():
                errors.add(number, slug, f"updates[{position}]", _("an update needs a date and a text"))
            updates.append((happened, text(item.get("text"))))

        def fill(target):
            for field in PROJECT_FIELDS:
                setattr(target, field, getattr(page, field))
            target.opportunity = (
                OpportunityPage.objects.filter(slug=opportunity, locale=target.locale_id or locale).first()
                if opportunity
                else None
            )
            target.themes = themes
            target.municipalities = [place for place in places if place]
            target.ambitions = ambitions
            target.practices = practices
            existing = list(target.updates.all()) if target.pk else []
            kept = []
            for position, (happened, said) in enumerate(updates):
                into = existing[position] if position < len(existing) else ProjectUpdate(locale=locale)
                into.happened_on, into.text, into.sort_order = happened, said, position
                kept.append(into)
            target.updates = kept

        return page, fill

    def pages(self, number, slug, record, field, model, locale, errors):
        wanted = list(record.get(field) or [])
        found = {page.slug: page for page in model.objects.filter(slug__in=wanted, locale=locale)}
        for value in wanted:
            if value not in found:
                errors.add(
                    number,
                    slug,
                    field,
                    _("no %(kind)s with slug %(slug)r") % {"kind": model._meta.verbose_name, "slug": value},
                )
        return [found[value] for value in wanted if value in found]

    def snapshot(self, page):
        return {
            **{field: getattr(page, field) for field in PROJECT_FIELDS},
            "opportunity": page.opportunity_id,
            "themes": sorted(theme.pk for theme in page.themes.all()),
            "municipalities": sorted(place.pk for place in page.municipalities.all()),
            "ambitions": sorted(item.pk for item in page.ambitions.all()),
            "practices": sorted(item.pk for item in page.practices.all()),
            "updates": [(update.happened_on, update.text) for update in page.updates.all()],
        }


def read_criteria(records, errors):
    """{werkplaats slug: [(name, description, weight)]}, checked."""
    found = {}
    for number, record in enumerate(records if isinstance(records, list) else [], start=1):
        if not isinstance(record, dict):
            errors.add(number, "", "record", _("expected an object"))
            continue
        slug = text(record.get("werkplaats"))
        if not WerkplaatsPage.objects.filter(slug=slug).exists():
            errors.add(number, slug, "werkplaats", _("no werkplaats with slug %(slug)r") % {"slug": slug})
        items = []
        for position, item in enumerate(record.get("criteria") or []):
            weight = item.get("weight", 1)
            if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight <= 5:
                errors.add(number, slug, f"criteria[{position}].weight", _("a weight is a whole number from 1 to 5"))
            if not text(item.get("name")).strip():
                errors.add(number, slug, f"criteria[{position}].name", _("is required"))
            items.append((text(item.get("name")), text(item.get("description")), weight))
        found[slug] = items
    return found


def validate(data):
    """Check a whole file; returns (criteria, (importer, opportunities), (importer, projects), errors)."""
    data = data if isinstance(data, dict) else {}
    criteria_errors = RecordErrors()
    for number, record in enumerate(data.get("criteria") or [], start=1):
        criteria_errors.wrong_shape(number, "", shape_problems(record, CRITERIA_SHAPE))
    criteria = read_criteria(data.get("criteria") or [], criteria_errors)
    names = {slug: {name for name, _d, _w in items} for slug, items in criteria.items()}
    for werkplaats in WerkplaatsPage.objects.all():
        index = OpportunityIndexPage.objects.child_of(werkplaats).first()
        if index is not None and werkplaats.slug not in names:
            names[werkplaats.slug] = set(index.criteria.values_list("name", flat=True))
    opportunity_importer = OpportunityImporter(names)
    opportunities, opportunity_errors = opportunity_importer.validate(data.get("opportunities") or [])
    in_file = {
        (text(record.get("slug")), record.get("language") or "nl")
        for record in data.get("opportunities") or []
        if isinstance(record, dict)
    }
    project_importer = ProjectImporter(in_file)
    projects, project_errors = project_importer.validate(data.get("projects") or [])
    errors = RecordErrors()
    for kind, found in (
        ("criteria", criteria_errors),
        ("opportunities", opportunity_errors),
        ("projects", project_errors),
    ):
        errors.messages += [f"{kind}: {message}" for message in found.messages]
    return criteria, (opportunity_importer, opportunities), (project_importer, projects), errors


def apply_criteria(criteria, importer):
    for slug, items in criteria.items():
        for werkplaats in WerkplaatsPage.objects.filter(slug=slug):
            index = importer.index_for(werkplaats, werkplaats.locale)
            current = [(c.name, c.description, c.weight) for c in index.criteria.all()]
            if current == items:
                continue
            existing = list(index.criteria.all())
            kept = []
            for position, (name, description, weight) in enumerate(items):
                into = existing[position] if position < len(existing) else Criterion(locale_id=index.locale_id)
                into.name, into.description, into.weight, into.sort_order = name, description, weight, position
                kept.append(into)
            index.criteria = kept
            index.save_revision().publish()


def apply_decisions(cleaned):
    """Each imported opportunity's scores (by criterion name) and the day it was chosen."""
    for item in cleaned:
        page = OpportunityPage.objects.get(slug=item["page"].slug, locale=item["locale"])
        index = page.get_parent().specific
        by_name = {criterion.name: criterion for criterion in index.criteria.all()}
        for name, score in item["page"].import_scores.items():
            Assessment.objects.update_or_create(
                opportunity_key=page.translation_key,
                criterion_key=by_name[name].translation_key,
                defaults={"score": score},
            )
        if item["page"].import_chosen:
            Progress.objects.update_or_create(
                opportunity_key=page.translation_key, defaults={"chosen_on": item["page"].import_chosen}
            )


@transaction.atomic
def import_all(criteria, opportunities, projects, publish=True):
    """Write the validated file; returns the counts of opportunities and projects."""
    opportunity_importer, cleaned_opportunities = opportunities
    project_importer, cleaned_projects = projects
    apply_criteria(criteria, opportunity_importer)
    opportunity_counts = opportunity_importer.import_records(cleaned_opportunities, publish=publish)
    if publish:
        apply_decisions(cleaned_opportunities)
    project_counts = project_importer.import_records(cleaned_projects, publish=publish)
    return opportunity_counts, project_counts
