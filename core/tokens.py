"""Signed, expiring tokens that fit in one URL path segment (for links in e-mails).

``django.core.signing`` output contains ":" (and "." when compressed), which Wagtail's page
URLs do not allow in a path segment, so the signed value is base64-encoded once more.
"""

import base64

from django.core import signing


def make_token(data, salt):
    signed = signing.dumps(data, salt=salt)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_token(token, salt, max_age):
    """The data, or None when the token is malformed, tampered with or older than ``max_age`` seconds."""
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        return signing.loads(signed, salt=salt, max_age=max_age)
    except (ValueError, signing.BadSignature):  # binascii.Error and UnicodeDecodeError are ValueErrors
        return None
