"""Django's SMTP backend, with connections that know how far a message got.

A failure while a message goes out means one of two things. Before the server said "go ahead"
to the message's content (the 354 reply to DATA), the server has nothing: the message can be
sent again on a fresh connection, and nobody gets it twice. After that, the server may have
taken it even if its answer never came back: the message's fate is unknown. ``smtplib`` does
not tell the two apart (a 421, a closed socket and a timeout in the final reply all surface as
exceptions), so these connections record the moment (``content_sent``).

The backend also drops a connection that ``smtplib`` closed by itself (it does so on a 421) instead
of sending the next message into it ("please run connect() first").
"""

import smtplib

from django.core.mail.backends.smtp import EmailBackend as DjangoSMTPBackend


class PhaseMixin:
    content_sent = False  # the server said "go ahead" (354) to the current message's content
    _awaiting_go_ahead = False

    def sendmail(self, *args, **kwargs):
        self.content_sent = False
        return super().sendmail(*args, **kwargs)

    def data(self, msg):
        self._awaiting_go_ahead = True
        try:
            return super().data(msg)
        finally:
            self._awaiting_go_ahead = False

    def getreply(self):
        code, message = super().getreply()
        if self._awaiting_go_ahead and code == 354:
            self._awaiting_go_ahead = False
            self.content_sent = True
        return code, message


class SMTP(PhaseMixin, smtplib.SMTP):
    pass


class SMTPOverSSL(PhaseMixin, smtplib.SMTP_SSL):
    pass


class EmailBackend(DjangoSMTPBackend):
    """``EMAIL_BACKEND = "outbox.smtp.EmailBackend"``: Django's SMTP backend (TLS, login, timeouts
    from the same settings) with the connections above."""

    @property
    def connection_class(self):
        return SMTPOverSSL if self.use_ssl else SMTP

    def open(self):
        if self.connection is not None and getattr(self.connection, "sock", None) is None:
            self.connection = None  # closed by smtplib after a 421: connect afresh
        return super().open()


def content_sent(backend):
    """Whether the last message through the Django e-mail ``backend`` got as far as its content.

    False when the SMTP connection is not open (nothing can have gone out); True where it cannot
    be told (another backend, or Django's own SMTP connection), which keeps the caller careful.
    """
    if isinstance(backend, DjangoSMTPBackend):
        connection = backend.connection
        return connection is not None and getattr(connection, "content_sent", True)
    return True
