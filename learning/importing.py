"""Import stories and improvement proposals from the JSON format of docs/learning-import.md.

One file holds ``stories`` and ``proposals``; both are validated before anything is written, and
written in one transaction (all records or none). A proposal names its stories by slug (in the
file or on the site), its meeting and practice by slug, and its municipalities as people write
them. An action may carry its follow-up as it went so far (asked, reminded, no answer, and the
owner's answers): it is applied once the proposal is published, so a meeting's results can be
brought in afterwards, and importing the same file again changes nothing.
"""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from core.importing import BOOL, TEXT, TEXTS, PlacesImporter, RecordErrors, text, too_long
from core.models import Theme
from events.models import EventPage
from geography.models import YouthRegion
from practices.models import PracticePage

from .choices import ActionStatus, Adoption, AgeBand, Publication, Source, Teller
from .models import Action, ActionUpdate, FollowUp, ProposalIndexPage, ProposalPage, StoryIndexPage, StoryPage
from .models.proposals import IN_TIME

STORY_SHAPE = {
    "slug": TEXT,
    "werkplaats": TEXT,
    "language": TEXT,
    "title": TEXT,
    "summary": TEXT,
    "teller": TEXT,
    "age_band": TEXT,
    "themes": TEXTS,
    "municipality": TEXT,
    "jeugdregio": TEXT,
    "story": TEXT,
    "source": TEXT,
    "source_note": TEXT,
    "publication": TEXT,
    "consent_until": TEXT,
    "confirmed_flags": TEXTS,
}
ANSWER_SHAPE = {"date": TEXT, "status": TEXT, "text": TEXT, "why_stopped": TEXT, "accepted": BOOL}
FOLLOW_UP_SHAPE = {"asked": TEXT, "reminded": TEXT, "no_answer": TEXT, "answers": [ANSWER_SHAPE]}
ACTION_SHAPE = {
    "what": TEXT,
    "municipality": TEXT,
    "owner": {"name": TEXT, "role": TEXT, "organisation": TEXT, "email": TEXT, "name_public": BOOL},
    "starts_on": TEXT,
    "follow_up_on": TEXT,
    "follow_up": FOLLOW_UP_SHAPE,
}
PROPOSAL_SHAPE = {
    "slug": TEXT,
    "werkplaats": TEXT,
    "language": TEXT,
    "title": TEXT,
    "summary": TEXT,
    "meeting": TEXT,
    "made_on": TEXT,
    "stories": TEXTS,
    "municipalities": TEXTS,
    "themes": TEXTS,
    "problem": TEXT,
    "proposal": TEXT,
    "practice": TEXT,
    "adoption": TEXT,
    "actions": [ACTION_SHAPE],
}
STORY_FIELDS = (
    "title",
    "summary",
    "teller",
    "age_band",
    "municipality_id",
    "youth_region_id",
    "story",
    "source",
    "source_note",
    "publication",
    "consent_until",
    "confirmed_flags",
)
PROPOSAL_FIELDS = ("title", "summary", "meeting_id", "made_on", "problem", "proposal", "practice_id", "adoption")
ACTION_FIELDS = (
    "what",
    "municipality_id",
    "owner_name",
    "owner_role",
    "owner_organisation",
    "owner_email",
    "name_public",
    "starts_on",
    "follow_up_on",
)
OWNER = {"name": "owner_name", "role": "owner_role", "organisation": "owner_organisation", "email": "owner_email"}


def day(number, slug, value, field, errors):
    """A date (YYYY-MM-DD) from the file, or None with the problem reported."""
    if not value:
        return None
    try:
        parsed = parse_date(value)
    except ValueError:
        parsed = None
    if parsed is None:
        errors.add(number, slug, field, _("%(value)s is not a date (YYYY-MM-DD)") % {"value": repr(value)})
    return parsed


def choice(number, slug, value, field, choices, errors, default=""):
    if not value:
        return default
    if value not in choices.values:
        options = ", ".join(choices.values)
        errors.add(number, slug, field, _("%(value)r is none of: %(options)s") % {"value": value, "options": options})
        return default
    return value


class StoryImporter(PlacesImporter):
    model = StoryPage
    index_model = StoryIndexPage
    index_titles = {"nl": ("Ervaringsverhalen", "ervaringsverhalen"), "en": ("Stories", "stories")}
    key = "stories"
    shape = STORY_SHAPE
    required = ("slug", "title", "teller", "story")

    def build(self, number, slug, record, locale, werkplaats, errors):
        page = StoryPage(
            slug=slug,
            title=text(record.get("title")),
            summary=text(record.get("summary")),
            story=text(record.get("story")),
            source_note=text(record.get("source_note")),
            teller=choice(number, slug, record.get("teller"), "teller", Teller, errors),
            age_band=choice(number, slug, record.get("age_band"), "age_band", AgeBand, errors),
            source=choice(number, slug, record.get("source"), "source", Source, errors, Source.MEETING),
            publication=choice(
                number, slug, record.get("publication"), "publication", Publication, errors, Publication.WITHOUT_NAME
            ),
            consent_until=day(number, slug, record.get("consent_until"), "consent_until", errors),
            confirmed_flags=list(record.get("confirmed_flags") or []),
        )
        if record.get("municipality"):
            place = self.places.find(number, slug, record["municipality"], "municipality", errors)
            page.municipality_id = place.pk if place else None
        if record.get("jeugdregio"):
            region = YouthRegion.objects.filter(code=record["jeugdregio"]).first()
            if region is None:
                message = _("no jeugdregio with code %(code)r") % {"code": record["jeugdregio"]}
                errors.add(number, slug, "jeugdregio", message)
            page.youth_region_id = region.pk if region else None
        self.check_page(number, slug, page, {"slug", "title", "story", "source_note", "summary"}, errors)
        for field, problem in page.publication_problems():
            if field != "confirm_flags":  # the flags themselves are named below
                errors.add(number, slug, field, problem)
        for flag in page.unresolved_flags():
            message = _("looks like personal data: %(key)s (edit it, or confirm it in confirmed_flags)")
            errors.add(number, slug, "story", message % {"key": flag.key})
        themes = self.terms(number, slug, record, "themes", Theme, errors)

        def fill(target):
            for field in STORY_FIELDS:
                setattr(target, field, getattr(page, field))
            target.themes = themes

        return page, fill

    def snapshot(self, page):
        return {
            **{field: getattr(page, field) for field in STORY_FIELDS},
            "themes": sorted(theme.pk for theme in page.themes.all()),
        }


class ProposalImporter(PlacesImporter):
    model = ProposalPage
    index_model = ProposalIndexPage
    index_titles = {"nl": ("Verbetervoorstellen", "verbetervoorstellen"), "en": ("Proposals", "proposals")}
    key = "proposals"
    shape = PROPOSAL_SHAPE
    required = ("slug", "title", "problem", "proposal", "actions")

    def __init__(self, stories_in_file=()):
        self.stories_in_file = set(stories_in_file)  # (slug, language) of the stories imported with these

    def build(self, number, slug, record, locale, werkplaats, errors):
        page = ProposalPage(
            slug=slug,
            title=text(record.get("title")),
            summary=text(record.get("summary")),
            problem=text(record.get("problem")),
            proposal=text(record.get("proposal")),
            made_on=day(number, slug, record.get("made_on"), "made_on", errors),
            adoption=choice(number, slug, record.get("adoption"), "adoption", Adoption, errors),
        )
        page.meeting_id = self.page_id(number, slug, EventPage, record.get("meeting"), "meeting", locale, errors)
        page.practice_id = self.page_id(number, slug, PracticePage, record.get("practice"), "practice", locale, errors)
        if page.meeting_id and page.made_on is None:
            page.made_on = timezone.localtime(EventPage.objects.get(pk=page.meeting_id).start).date()
        self.check_page(number, slug, page, {"slug", "title", "summary", "problem", "proposal"}, errors)
        themes = self.terms(number, slug, record, "themes", Theme, errors)
        places = [
            self.places.find(number, slug, value, "municipalities", errors)
            for value in record.get("municipalities") or []
        ]
        story_slugs = list(record.get("stories") or [])
        known = set(StoryPage.objects.filter(slug__in=story_slugs, locale=locale).values_list("slug", flat=True))
        for value in story_slugs:
            if value not in known and (value, locale.language_code) not in self.stories_in_file:
                errors.add(number, slug, "stories", _("no story with slug %(slug)r in this language") % {"slug": value})
        actions = [
            self.action(number, slug, position, item, errors)
            for position, item in enumerate(record.get("actions") or [])
        ]

        def fill(target):
            for field in PROPOSAL_FIELDS:
                setattr(target, field, getattr(page, field))
            target.themes = themes
            target.municipalities = [place for place in places if place]
            target.stories = list(StoryPage.objects.filter(slug__in=story_slugs, locale=target.locale_id or locale))
            existing = list(target.actions.all()) if target.pk else []
            kept = []
            for position, (action, _history) in enumerate(actions):
                into = existing[position] if position < len(existing) else Action(locale=locale)
                for field in ACTION_FIELDS:
                    setattr(into, field, getattr(action, field))
                into.sort_order = position
                kept.append(into)
            target.actions = kept

        page.import_history = [history for _action, history in actions]
        return page, fill

    def page_id(self, number, slug, model, value, field, locale, errors):
        if not value:
            return None
        found = model.objects.filter(slug=value, locale=locale).values_list("pk", flat=True).first()
        if found is None:
            message = _("no %(kind)s with slug %(slug)r in this language")
            errors.add(number, slug, field, message % {"kind": model._meta.verbose_name, "slug": value})
        return found

    def action(self, number, slug, position, item, errors):
        prefix = f"actions[{position}]."
        owner = item.get("owner") or {}
        action = Action(
            what=text(item.get("what")),
            name_public=bool(owner.get("name_public")),
            starts_on=day(number, slug, item.get("starts_on"), f"{prefix}starts_on", errors),
            follow_up_on=day(number, slug, item.get("follow_up_on"), f"{prefix}follow_up_on", errors),
            **{attribute: text(owner.get(key)) for key, attribute in OWNER.items()},
        )
        if item.get("municipality"):
            place = self.places.find(number, slug, item["municipality"], f"{prefix}municipality", errors)
            action.municipality_id = place.pk if place else None
        names = {attribute: f"{prefix}owner.{key}" for key, attribute in OWNER.items()} | {"what": f"{prefix}what"}
        try:
            action.clean_fields(exclude=["page", "locale", "translation_key", "sort_order", "municipality"])
        except Exception as error:  # a ValidationError: reported per field, as the admin would
            errors.add_validation_error(number, slug, error, names=names)
        for field, message in too_long(action):
            errors.add(number, slug, names.get(field, f"{prefix}{field}"), message)
        return action, self.history(number, slug, prefix, item.get("follow_up") or {}, errors)

    def history(self, number, slug, prefix, follow_up, errors):
        """The follow-up so far, checked: dates, and each answer's status, text and why it stopped."""
        prefix = f"{prefix}follow_up."
        dates = {key: day(number, slug, follow_up.get(key), f"{prefix}{key}", errors) for key in FOLLOW_UP_DATES}
        answers = []
        for position, answer in enumerate(follow_up.get("answers") or []):
            where = f"{prefix}answers[{position}]."
            status = choice(number, slug, answer.get("status"), f"{where}status", ActionStatus, errors)
            if not status:
                errors.missing(number, slug, f"{where}status")
            if not text(answer.get("text")).strip():
                errors.missing(number, slug, f"{where}text")
            if status == ActionStatus.STOPPED and not text(answer.get("why_stopped")).strip():
                errors.add(number, slug, f"{where}why_stopped", _("say why it stopped"))
            when = day(number, slug, answer.get("date"), f"{where}date", errors)
            if when is None and not answer.get("date"):
                errors.missing(number, slug, f"{where}date")
            answers.append(
                {
                    "date": when,
                    "status": status,
                    "text": text(answer.get("text")),
                    "why_stopped": text(answer.get("why_stopped")),
                    "accepted": bool(answer.get("accepted")),
                }
            )
        return {**dates, "answers": answers}

    def snapshot(self, page):
        return {
            **{field: getattr(page, field) for field in PROPOSAL_FIELDS},
            "themes": sorted(theme.pk for theme in page.themes.all()),
            "municipalities": sorted(place.pk for place in page.municipalities.all()),
            "stories": sorted(story.pk for story in page.stories.all()),
            "actions": [tuple(getattr(action, field) for field in ACTION_FIELDS) for action in page.actions.all()],
        }


FOLLOW_UP_DATES = {"asked": "asked_at", "reminded": "reminded_at", "no_answer": "silent_at"}


def moment_of(value):
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time(9, 0))) if value else None


def apply_history(proposal, histories):
    """Bring each published action's follow-up to what the file says happened, once."""
    for position, action in enumerate(proposal.actions.all()):
        history = histories[position] if position < len(histories) else {}
        follow_up = FollowUp.objects.filter(action_key=action.translation_key).first()
        if follow_up is None or not history:
            continue
        changes = {field: moment_of(history.get(key)) for key, field in FOLLOW_UP_DATES.items()}
        answers = history.get("answers") or []
        for number, answer in enumerate(answers):
            key = uuid.uuid5(uuid.NAMESPACE_URL, f"wiel:{proposal.locale_id}:{proposal.slug}:{position}:{number}")
            update, _created = ActionUpdate.objects.update_or_create(
                submission_key=key,
                defaults={
                    "follow_up": follow_up,
                    "status": answer["status"],
                    "text": answer["text"],
                    "why_stopped": answer["why_stopped"],
                    "happened_on": answer["date"],
                    "submitted_at": moment_of(answer["date"]),
                    "accepted_at": moment_of(answer["date"]) if answer["accepted"] else None,
                },
            )
        if answers:
            first = min(answer["date"] for answer in answers)
            changes.update(answered_at=moment_of(first), answered_in_time=first <= follow_up.due_on + IN_TIME)
        FollowUp.objects.filter(pk=follow_up.pk).update(**changes)
        FollowUp.objects.get(pk=follow_up.pk).refresh_status()


def validate(data):
    """Check the stories and proposals of one file; returns (stories, proposals, errors)."""
    data = data if isinstance(data, dict) else {}
    stories = StoryImporter()
    story_records = data.get("stories") or []
    cleaned_stories, story_errors = stories.validate(story_records)
    in_file = {
        (text(record.get("slug")), record.get("language") or "nl")
        for record in story_records
        if isinstance(record, dict)
    }
    proposals = ProposalImporter(stories_in_file=in_file)
    cleaned_proposals, proposal_errors = proposals.validate(data.get("proposals") or [])
    errors = RecordErrors()
    errors.messages = [f"stories: {message}" for message in story_errors.messages] + [
        f"proposals: {message}" for message in proposal_errors.messages
    ]
    return (stories, cleaned_stories), (proposals, cleaned_proposals), errors


@transaction.atomic
def import_all(stories, proposals, publish=True):
    """Write both (validated) lists; returns the counts of each."""
    story_importer, cleaned_stories = stories
    proposal_importer, cleaned_proposals = proposals
    story_counts = story_importer.import_records(cleaned_stories, publish=publish)
    proposal_counts = proposal_importer.import_records(cleaned_proposals, publish=publish)
    if publish:
        for item in cleaned_proposals:
            page = ProposalPage.objects.get(slug=item["page"].slug, locale=item["locale"])
            apply_history(page, item["page"].import_history)
    return story_counts, proposal_counts
