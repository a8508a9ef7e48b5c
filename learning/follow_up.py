"""The follow-up that asks by itself: after a proposal is published, each action's owner is asked
on its follow-up date how it went, reminded once after ``REMIND_AFTER`` and, with still no answer
after as long again, shown as "no answer" (``FollowUp``).

Exactly once, however many workers run: a question is queued only by the process whose
conditional UPDATE marked the follow-up asked (or reminded), in the same transaction, and goes out
through the outbox with ``once`` (the claim discipline of ``outbox.claims``), so a question that
may have reached the owner is never sent again.

The owner's link is signed for the follow-up and its owner ``generation``: it carries no personal
data, and a hand-over to a colleague raises the generation, so the old link stops. An answer is
stored once per form (``submission_key``) and shows on the public timeline once a moderator
accepted it; an answer that says the action became a lasting way of working adds a draft
implementation to that practice's regional-fit record, for its editors to confirm by publishing.
"""

import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.base_url import absolute
from core.http.fragments import bump_content_version
from core.http.purging import page_changed
from core.tokens import make_token, read_token
from outbox import editors
from outbox import sending as outbox
from practices.models import Implementation

from .choices import ActionStatus
from .models import Action, ActionUpdate, FollowUp, ProposalPage
from .models.proposals import IN_TIME

logger = logging.getLogger(__name__)

REMIND_AFTER = timedelta(days=14)
SIGNING_NAMESPACE = "learning.action.owner"
# A link works for a year: long enough to answer late, never for ever.
TOKEN_MAX_AGE = 366 * 24 * 3600


def sync(page):
    """Start (or bring up to date) the follow-up of every action of a just-published proposal.

    A new action gets its follow-up; for one asked already only the owner can change, and only
    when an editor named another owner on the page (a hand-over through the link is kept). An
    action no longer on the page loses its follow-up.
    """
    made_on = page.made_on
    actions = list(page.actions.all())
    # An action an editor removed takes its follow-up (and its answers) with it, in every language.
    removed = FollowUp.objects.filter(proposal__translation_key=page.translation_key)
    removed.exclude(action_key__in=[action.translation_key for action in actions]).delete()
    for action in actions:
        due = action.due_on(made_on)
        if due is None:
            continue
        owner = {
            "owner_name": action.owner_name,
            "owner_role": action.owner_role,
            "owner_organisation": action.owner_organisation,
            "owner_email": action.owner_email,
            "name_public": action.name_public,
        }
        follow_up, created = FollowUp.objects.get_or_create(
            action_key=action.translation_key,
            defaults={**owner, "proposal": page, "page_email": action.owner_email, "due_on": due},
        )
        if created:
            continue
        changes = {}
        if follow_up.page_email.lower() != action.owner_email.lower():
            changes = {**owner, "page_email": action.owner_email, "generation": follow_up.generation + 1}
            changes.update(bounced_at=None, bounce_detail="")
            if follow_up.answered_at is None:  # the new owner is asked afresh
                changes.update(asked_at=None, reminded_at=None, silent_at=None, status=ActionStatus.ANNOUNCED)
        if follow_up.asked_at is None and follow_up.due_on != due:
            changes["due_on"] = due
        if changes:
            FollowUp.objects.filter(pk=follow_up.pk).update(**changes)


def published(sender, instance, **kwargs):
    if isinstance(instance, ProposalPage):
        sync(instance)


def owner_token(follow_up):
    return make_token({"f": follow_up.pk, "g": follow_up.generation}, SIGNING_NAMESPACE)


def from_token(token):
    """The follow-up an owner's link stands for, or None when it is tampered with, too old, handed
    over since, or its action is gone."""
    data = read_token(token, SIGNING_NAMESPACE, TOKEN_MAX_AGE)
    if not isinstance(data, dict) or not isinstance(data.get("f"), int) or not isinstance(data.get("g"), int):
        return None
    follow_up = FollowUp.objects.select_related("proposal").filter(pk=data["f"], generation=data["g"]).first()
    if follow_up is None or not Action.objects.filter(translation_key=follow_up.action_key).exists():
        return None
    return follow_up


def action_of(follow_up):
    """The action in its proposal's language."""
    return Action.objects.filter(translation_key=follow_up.action_key, page=follow_up.proposal).first() or (
        Action.objects.filter(translation_key=follow_up.action_key).first()
    )


def owner_url(follow_up):
    index = follow_up.proposal.get_parent().specific
    return absolute(index.url + index.reverse_subpage("owner", args=[owner_token(follow_up)]))


SUBJECTS = {
    "ask": _("How is it going with “%(what)s”?"),
    "remind": _("Reminder: how is it going with “%(what)s”?"),
    "handed_over": _("You took over an action: “%(what)s”"),
}


def queue_question(follow_up, kind):
    """The e-mail to the owner, in the proposal's language, in the caller's transaction (once)."""
    action = action_of(follow_up)
    proposal = follow_up.proposal
    with translation.override(proposal.locale.language_code):
        what = action.what if len(action.what) <= 60 else action.what[:57].rstrip() + "…"
        subject = str(SUBJECTS[kind]) % {"what": what}
        context = {
            "follow_up": follow_up,
            "action": action,
            "proposal": proposal,
            "link": owner_url(follow_up),
            "proposal_url": absolute(proposal.url) if proposal.live else "",
        }
        body = render_to_string(f"learning/email/follow_up_{kind}.txt", context)
    outbox.queue(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [follow_up.owner_email]), once=True)


def live_follow_ups():
    """Follow-ups whose action is still on a live proposal and whose owner has not answered."""
    live_keys = Action.objects.filter(page__live=True).values("translation_key")
    waiting = FollowUp.objects.filter(action_key__in=live_keys, answered_at__isnull=True, bounced_at__isnull=True)
    return waiting.exclude(owner_email="")


def mark_and_queue(follow_up_id, field, kind, now, condition):
    """Set ``field`` on one follow-up if ``condition`` still holds, and queue its e-mail in the same
    transaction: whichever process wins the UPDATE sends it; any other finds nothing to do."""
    with transaction.atomic():
        marked = FollowUp.objects.filter(pk=follow_up_id, **condition).update(**{field: now})
        if marked:
            queue_question(FollowUp.objects.select_related("proposal").get(pk=follow_up_id), kind)
    return marked


def run(output=None, now=None):
    """Ask, remind and mark silent whatever is due (the periodic job); returns the counts."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    waiting = live_follow_ups()
    counts = {"asked": 0, "reminded": 0, "silent": 0}
    for pk in waiting.filter(asked_at__isnull=True, due_on__lte=today).values_list("pk", flat=True):
        counts["asked"] += mark_and_queue(pk, "asked_at", "ask", now, {"asked_at__isnull": True})
    remind = waiting.filter(reminded_at__isnull=True, asked_at__lte=now - REMIND_AFTER)
    for pk in remind.values_list("pk", flat=True):
        counts["reminded"] += mark_and_queue(
            pk, "reminded_at", "remind", now, {"reminded_at__isnull": True, "answered_at__isnull": True}
        )
    silent = waiting.filter(silent_at__isnull=True, reminded_at__lte=now - REMIND_AFTER)
    for follow_up in silent:
        if FollowUp.objects.filter(pk=follow_up.pk, silent_at__isnull=True).update(silent_at=now):
            follow_up.silent_at = now
            follow_up.refresh_status()
            counts["silent"] += 1
    if counts["silent"]:
        content_changed()
    if output is not None and any(counts.values()):
        output.write("Follow-up: {asked} asked, {reminded} reminded, {silent} without an answer\n".format(**counts))
    return counts


def answer(follow_up, data, key):
    """Store the owner's answer once per form (``key``); returns (update, created)."""
    with transaction.atomic():
        update, created = ActionUpdate.objects.get_or_create(
            submission_key=key,
            defaults={
                "follow_up": follow_up,
                "status": data["status"],
                "text": data["text"],
                "why_stopped": data.get("why_stopped", ""),
                "lasting_practice": data.get("practice"),
                # A place of the geography (geography.places), by its municipality's id.
                "lasting_municipality_id": getattr(data.get("municipality"), "pk", None),
            },
        )
        if created and follow_up.answered_at is None:
            now = timezone.now()
            in_time = timezone.localdate(now) <= follow_up.due_on + IN_TIME
            FollowUp.objects.filter(pk=follow_up.pk, answered_at__isnull=True).update(
                answered_at=now, answered_in_time=in_time
            )
    if created:
        content_changed()  # the overviews count the answers in time
    return update, created


def hand_over(follow_up, data):
    """Give the action to a colleague: they get their own link, and the old one stops working."""
    with transaction.atomic():
        follow_up = FollowUp.objects.select_for_update().select_related("proposal").get(pk=follow_up.pk)
        follow_up.owner_name = data["name"]
        follow_up.owner_role = data["role"]
        follow_up.owner_organisation = data.get("organisation", "")
        follow_up.owner_email = data["email"]
        follow_up.name_public = False  # only the new owner can agree to that
        follow_up.generation += 1
        follow_up.bounced_at, follow_up.bounce_detail = None, ""
        follow_up.save()
        queue_question(follow_up, "handed_over")
    content_changed(follow_up)
    return follow_up


def accept(update, user):
    """A moderator accepts an answer: it shows on the timeline, the action's status follows, and a
    lasting way of working becomes a draft implementation on the practice's record."""
    with transaction.atomic():
        if not ActionUpdate.objects.filter(pk=update.pk, accepted_at__isnull=True).update(
            accepted_at=timezone.now(), accepted_by=user, declined_at=None
        ):
            return None
        update.follow_up.refresh_status()
        implementation = None
        if update.lasting_practice_id and update.lasting_municipality_id:
            implementation = draft_implementation(update, user)
    content_changed(update.follow_up)
    return implementation


def decline(update, user):
    ActionUpdate.objects.filter(pk=update.pk, accepted_at__isnull=True).update(declined_at=timezone.now())


def draft_implementation(update, user):
    """Add the place to the practice's regional-fit record as a new draft revision (not published:
    the practice's editors confirm it by publishing, and only then does the fit check learn)."""
    practice = update.lasting_practice.specific
    draft = practice.get_latest_revision_as_object()
    municipality = update.lasting_municipality
    year = update.happened_on.year
    for existing in draft.implementations.all():
        if existing.started == year and municipality in existing.municipalities.all():
            return None  # already on the record
    proposal = update.follow_up.proposal
    with translation.override(practice.locale.language_code):
        note = gettext("Taken up after the improvement proposal “%(title)s” (%(year)s).") % {
            "title": proposal.title,
            "year": proposal.year,
        }
    implementation = Implementation(
        locale_id=practice.locale_id,
        started=year,
        outcome=Implementation.Outcome.ONGOING,
        adaptations=note,
        municipalities=[municipality],
    )
    draft.implementations.add(implementation)
    draft.save_revision(user=user, log_action=True)
    return implementation


def content_changed(follow_up=None):
    """Overviews and the proposal's pages show statuses and timelines: what was cached is stale."""
    bump_content_version()
    if follow_up is not None:
        for page in ProposalPage.objects.filter(translation_key=follow_up.proposal.translation_key):
            page_changed(ProposalPage, page)


def bounced(sender, address, detail="", **kwargs):
    """An owner's address refused for good: mark it, and tell the proposal's editors."""
    now = timezone.now()
    for follow_up in FollowUp.objects.filter(owner_email__iexact=address, bounced_at__isnull=True).select_related(
        "proposal"
    ):
        with transaction.atomic():
            if not FollowUp.objects.filter(pk=follow_up.pk, bounced_at__isnull=True).update(
                bounced_at=now, bounce_detail=detail[:300]
            ):
                continue
            proposal = follow_up.proposal
            with translation.override(settings.LANGUAGE_CODE):
                subject = _("The follow-up of “%(title)s” did not arrive") % {"title": proposal.title}
            context = {"follow_up": follow_up, "action": action_of(follow_up), "proposal": proposal, "detail": detail}
            editors.tell(proposal, subject, "learning/email/follow_up_bounced.txt", context)
        logger.warning("Follow-up %s: the owner's address bounced", follow_up.pk)


def erase_owners(output=None, today=None):
    """Erase the name and e-mail address of each action's owner once the follow-up is over
    (``FOLLOW_UP_RETENTION_MONTHS`` after its date): in the follow-up, in the page's actions in
    every language, and in every revision of the proposal, so no earlier version keeps them. The
    role and organisation stay, as the public page shows them. Returns how many were erased."""
    today = today or timezone.localdate()
    before = today - relativedelta(months=settings.FOLLOW_UP_RETENTION_MONTHS)
    done = FollowUp.objects.filter(due_on__lt=before).exclude(owner_email="", owner_name="", page_email="")
    erased = 0
    for follow_up in done.select_related("proposal"):
        with transaction.atomic():
            key = follow_up.action_key
            FollowUp.objects.filter(pk=follow_up.pk).update(owner_name="", owner_email="", page_email="")
            Action.objects.filter(translation_key=key).update(owner_name="", owner_email="")
            pages = ProposalPage.objects.filter(translation_key=follow_up.proposal.translation_key)
            for page in pages:
                for revision in page.revisions.all():
                    if _erase_in_revision(revision.content, str(key)):
                        revision.save(update_fields=["content"])
            if follow_up.owner_email:
                outbox.forget(follow_up.owner_email)  # nothing still waits for the address
            erased += 1
    if output is not None and erased:
        output.write(f"Follow-up: the owners of {erased} action(s) erased\n")
    return erased


def _erase_in_revision(content, key):
    """Blank the owner's name and address of the action ``key`` in one revision's content."""
    changed = False
    for action in content.get("actions") or []:
        if str(action.get("translation_key")) == key and (action.get("owner_email") or action.get("owner_name")):
            action["owner_email"], action["owner_name"] = "", ""
            changed = True
    return changed
