"""What a sending error means for the message: one set of rules for every e-mail Wiel sends
(the newsletter worker, and the outbox of subscription and registration e-mails)."""

import smtplib

from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused
from django.db import models
from django.utils.translation import gettext_lazy as _


class Fate(models.TextChoices):
    """What became of a message whose sending raised, and so what to do next."""

    NOT_SENT = "not sent", _("never reached the server: send again at once, on a fresh connection")
    LATER = "later", _("refused for now: send again after a pause")
    BOUNCED = "bounced", _("the address was refused for good: do not send to it again")
    REFUSED = "refused", _("the message was refused for good")
    UNCERTAIN = "uncertain", _("cut off after it was handed over: it may have arrived")

    @property
    def final(self):
        """Whether trying again cannot help."""
        return self in (Fate.BOUNCED, Fate.REFUSED)


CLOSING = 421  # "service not available, closing transmission channel": the server took nothing
# Refusals of the sending side (its login, its sender address, its greeting), not of the message.
OUR_SIDE = (smtplib.SMTPAuthenticationError, smtplib.SMTPSenderRefused, smtplib.SMTPHeloError)


def fate_of(error, content_sent):
    """The :class:`Fate` of a message whose sending raised ``error``; ``content_sent`` says whether
    it got as far as its content (``outbox.smtp.content_sent``).

    A reply code from the server means it did not take the message: 421 (closing) and the other
    4xx codes are for now, a 5xx to the recipient is a bounce and a 5xx to the message a refusal;
    a refused login, sender or greeting is the sending side's problem, and the message waits. Without
    a reply (a refused or dropped connection, a timeout), the message never arrived when its content
    had not been sent yet, and may have arrived when it had.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        if codes and all(500 <= code < 600 for code in codes):
            return Fate.BOUNCED
        return Fate.NOT_SENT if CLOSING in codes else Fate.LATER
    if isinstance(error, smtplib.SMTPResponseException):
        if error.smtp_code == CLOSING:
            return Fate.NOT_SENT
        if isinstance(error, OUR_SIDE):  # not this message's fault: it waits until that is put right
            return Fate.LATER
        return Fate.REFUSED if 500 <= error.smtp_code < 600 else Fate.LATER
    if isinstance(error, AnymailRecipientsRefused):
        return Fate.BOUNCED
    if isinstance(error, AnymailAPIError):
        status = getattr(error, "status_code", None)
        if status is None:  # no answer from the provider's API: it may have taken the message
            return Fate.UNCERTAIN
        if 400 <= status < 500 and status not in (408, 429):
            return Fate.REFUSED
        return Fate.LATER
    if isinstance(error, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError)):
        return Fate.UNCERTAIN if content_sent else Fate.NOT_SENT
    return Fate.UNCERTAIN


def backoff(base_seconds, attempts):
    """Seconds to wait before attempt ``attempts + 1``: ``base_seconds``, doubled after each attempt."""
    return base_seconds * 2 ** max(attempts - 1, 0)
