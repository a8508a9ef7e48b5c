"""Telling an opportunity's submitter where it stands (the stage itself: ``models.stages``).

:class:`Stage` follows from the records, never from a field an editor types:

- ``ingediend`` (submitted): published in the log;
- ``geprioriteerd`` (prioritised): the werkplaats chose it (``Progress.chosen_on``);
- ``gefinancierd`` (funded): a published project names it;
- ``afgerond`` (finished): such a project has finished or stopped.

When the stage moves on, the submitter (if they left an address) gets one e-mail in the
opportunity's language with their own link (signed, holding only the opportunity's id), queued in
the outbox in the same transaction. ``Progress.told_stage`` remembers what they were told, so a
publish that changes nothing sends nothing and no stage is told twice.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.base_url import absolute
from core.tokens import make_token, read_token
from outbox import sending as outbox

from .choices import Stage
from .models import OpportunityPage, Progress, ProjectPage, stage_of

SIGNING_NAMESPACE = "opportunities.submitter"
# The submitter's link works as long as their address is kept (OPPORTUNITY_RETENTION_MONTHS).
TOKEN_MAX_AGE = settings.OPPORTUNITY_RETENTION_MONTHS * 31 * 24 * 3600


def submitter_token(opportunity):
    return make_token({"o": opportunity.pk}, SIGNING_NAMESPACE)


def from_token(token):
    """The opportunity a submitter's link stands for, or None when it is tampered with, too old or gone."""
    data = read_token(token, SIGNING_NAMESPACE, TOKEN_MAX_AGE)
    if not isinstance(data, dict) or not isinstance(data.get("o"), int):
        return None
    return OpportunityPage.objects.filter(pk=data["o"]).first()


def submitter_url(opportunity):
    index = opportunity.get_parent().specific
    return absolute(index.url + index.reverse_subpage("submitter", args=[submitter_token(opportunity)]))


SUBJECTS = {
    "received": _("We received your opportunity “%(title)s”"),
    Stage.SUBMITTED: _("Your opportunity “%(title)s” is in the log"),
    Stage.PRIORITISED: _("Your opportunity “%(title)s” was chosen"),
    Stage.FUNDED: _("A project is funded for your opportunity “%(title)s”"),
    Stage.FINISHED: _("The project of your opportunity “%(title)s” has ended"),
}


def queue_mail(opportunity, kind):
    """The e-mail to the submitter, in the opportunity's language, in the caller's transaction."""
    with translation.override(opportunity.locale.language_code):
        subject = str(SUBJECTS[kind]) % {"title": opportunity.title}
        context = {"opportunity": opportunity, "link": submitter_url(opportunity), "kind": str(kind)}
        body = render_to_string("opportunities/email/stage.txt", context)
    outbox.queue(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [opportunity.submitter_email]))


def tell(opportunity):
    """Tell the submitter when the opportunity's stage has moved on since they were last told.
    Returns the stage told, or None."""
    opportunity = OpportunityPage.objects.filter(pk=opportunity.pk, live=True).first()
    if opportunity is None:
        return None
    with transaction.atomic():
        progress, _created = Progress.objects.select_for_update().get_or_create(
            opportunity_key=opportunity.translation_key
        )
        stage = stage_of(opportunity)
        told = Stage(progress.told_stage) if progress.told_stage else None
        if told is not None and stage.rank <= told.rank:
            return None
        Progress.objects.filter(pk=progress.pk).update(told_stage=stage)
        if not opportunity.submitter_email:
            return None
        queue_mail(opportunity, stage)
    return stage


def published(sender, instance, **kwargs):
    """A published opportunity or project may move an opportunity's stage on."""
    if isinstance(instance, OpportunityPage):
        tell(instance)
    elif isinstance(instance, ProjectPage) and instance.opportunity_id:
        source = OpportunityPage.objects.filter(pk=instance.opportunity_id).first()
        if source is not None:
            tell(source)
