"""What a sending error means: the one set of rules of every e-mail Wiel sends."""

import smtplib

import pytest
from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused

from outbox.fate import Fate, backoff, fate_of


@pytest.mark.parametrize(
    ("error", "content_sent", "expected"),
    [
        # A reply code: the server did not take the message.
        (smtplib.SMTPRecipientsRefused({"a@example.org": (421, b"Closing")}), False, Fate.NOT_SENT),
        (smtplib.SMTPDataError(421, b"Closing"), True, Fate.NOT_SENT),  # after the content, still a refusal
        (smtplib.SMTPSenderRefused(421, b"Closing", "wiel@example.org"), False, Fate.NOT_SENT),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (451, b"Later")}), False, Fate.LATER),
        (smtplib.SMTPDataError(452, b"Full"), True, Fate.LATER),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"No such user")}), False, Fate.BOUNCED),
        (smtplib.SMTPDataError(554, b"Rejected"), True, Fate.REFUSED),
        # The sending side's login or address: the message waits until that is put right.
        (smtplib.SMTPAuthenticationError(535, b"Bad password"), False, Fate.LATER),
        (smtplib.SMTPSenderRefused(550, b"Not our domain", "wiel@example.org"), False, Fate.LATER),
        # No reply: it depends on how far the message got.
        (smtplib.SMTPServerDisconnected("please run connect() first"), False, Fate.NOT_SENT),
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), False, Fate.NOT_SENT),
        (ConnectionRefusedError(), False, Fate.NOT_SENT),
        (TimeoutError("timed out"), True, Fate.UNCERTAIN),
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), True, Fate.UNCERTAIN),
        # An e-mail service provider's API.
        (AnymailRecipientsRefused(), True, Fate.BOUNCED),
        (AnymailAPIError(status_code=429), True, Fate.LATER),
        (AnymailAPIError(status_code=503), True, Fate.LATER),
        (AnymailAPIError(status_code=400), True, Fate.REFUSED),
        (AnymailAPIError(), True, Fate.UNCERTAIN),  # no answer at all
        (ValueError("something else"), True, Fate.UNCERTAIN),
    ],
)
def test_each_error_has_one_fate(error, content_sent, expected):
    assert fate_of(error, content_sent) is expected


def test_only_refusals_for_good_are_final_and_the_pause_doubles():
    assert {fate for fate in Fate if fate.final} == {Fate.BOUNCED, Fate.REFUSED}
    assert [backoff(60, attempts) for attempts in (1, 2, 3, 4)] == [60, 120, 240, 480]
