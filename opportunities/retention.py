"""The submitter's name and e-mail address are kept ``OPPORTUNITY_RETENTION_MONTHS`` (three years)
after the opportunity came in, as long as their link works; then they are erased from the page
in every language and from every revision, so no earlier version keeps them. The opportunity
itself stays in the log."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from outbox import sending as outbox

from .models import OpportunityPage

ERASED = ("submitter_name", "submitter_email")


def erase_submitters(output=None, now=None):
    """Erase who submitted every opportunity older than the retention period; returns how many."""
    before = (now or timezone.now()) - relativedelta(months=settings.OPPORTUNITY_RETENTION_MONTHS)
    due = OpportunityPage.objects.filter(received_at__lt=before).exclude(submitter_name="", submitter_email="")
    erased = 0
    for opportunity in due:
        with transaction.atomic():
            OpportunityPage.objects.filter(pk=opportunity.pk).update(submitter_name="", submitter_email="")
            for revision in opportunity.revisions.all():
                if any(revision.content.get(field) for field in ERASED):
                    revision.content.update(dict.fromkeys(ERASED, ""))
                    revision.save(update_fields=["content"])
            if opportunity.submitter_email:
                outbox.forget(opportunity.submitter_email)
            erased += 1
    if output is not None and erased:
        output.write(f"Opportunities: the submitters of {erased} erased\n")
    return erased
