"""An opportunity sent through the public form: saved as a draft below the log it was sent to,
never published on arrival. The werkplaats' editors and the national editors are told; the
submitter, when they left an address, gets their own link (``stages.submitter_token``)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outbox import editors

from . import stages
from .models import OpportunityPage


def receive(index, data, municipality=None):
    """Save the form's ``data`` as a draft opportunity below ``index``; returns the page."""
    opportunity = OpportunityPage(
        title=data["title"],
        description=data["description"],
        for_whom=data["for_whom"],
        involved=data.get("involved", ""),
        estimated_cost=data.get("estimated_cost"),
        submitter_name=data.get("name", ""),
        submitter_email=data.get("email", ""),
        received_at=timezone.now(),
        live=False,
        locale_id=index.locale_id,
    )
    with transaction.atomic():
        index.add_child(instance=opportunity)
        if municipality is not None:  # a Place of the geography: the municipality is its pk
            opportunity.municipalities = [municipality.pk]
        opportunity.save_revision()
        subject = _("A new opportunity to read: “%(title)s”") % {"title": opportunity.title}
        editors.tell(opportunity, subject, "opportunities/email/new_opportunity.txt", {"opportunity": opportunity})
        if opportunity.submitter_email:
            stages.queue_mail(opportunity, "received")
    return opportunity
