from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """One e-mail to one address, kept from the transaction that caused it until the server took it.

    Written in the same transaction as the record it is about (a subscription, a registration), so
    a saved record always has its e-mail waiting, whatever the mail server does. Deleted once
    sent; a message that failed for good is kept for ``OUTBOX_KEEP_FAILED_DAYS`` with its error.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        SENDING = "sending", _("being sent")  # claimed by a process, not yet handed to the server
        HANDING_OVER = "handing", _("being handed to the mail server")
        FAILED = "failed", _("failed")
        UNSURE = "unsure", _("may have arrived; not sent again")

    to = models.EmailField(_("to"))
    from_email = models.CharField(max_length=300)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField()
    # [[content, MIME type]]: other versions of the body (an HTML part).
    alternatives = models.JSONField(default=list, blank=True)
    # [[file name, base64 content, MIME type]]: the message's attachments, as they were made.
    attachments = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # While SENDING or HANDING_OVER: the process that claimed it (``outbox.claims``), and until
    # when (by the database's clock) it may take; after that another one may.
    claimed_by = models.CharField(max_length=200, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    # Sent at most once: a message that may have reached the server is never sent again
    # automatically (a follow-up question). Otherwise it is (a confirmation link: twice beats never).
    once = models.BooleanField(default=False)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} → {self.to} ({self.get_status_display()})"
