"""Reading values from the outside: query strings and form text, validated in one place.

Every listing, calendar and feed reads its filters through these helpers, so a value that is no
option (a mistyped or hostile URL) is simply not applied, never a server error:

- ``slugs`` / ``slug``: lower-case ASCII slugs, at most ``MAX_SLUG`` characters;
- ``choices``: one of the given values;
- ``whole_number``: ASCII digits only ("²" and "١" are digits to Python, not to us), within range;
- ``clean_text``: printable text without control characters (line breaks kept where asked).

``QueryStringGuard`` (middleware) answers 400 to any request whose query string carries a NUL or
another control character: no view has a use for them, and databases refuse them.
"""

import re
import unicodedata

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

MAX_SLUG = 100
SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
LINE_BREAKS = {"\n", "\r", "\t"}


def slug(value):
    """``value`` if it is a slug Wiel could have made, else None."""
    if isinstance(value, str) and len(value) <= MAX_SLUG and SLUG.fullmatch(value):
        return value
    return None


def slugs(data, key):
    """The valid slugs among the values of ``key`` in ``data`` (a QueryDict), in order, without repeats."""
    return list(dict.fromkeys(value for value in data.getlist(key) if slug(value)))


def choices(data, key, allowed):
    """The values of ``key`` that are among ``allowed`` (compared as text)."""
    allowed = {str(option) for option in allowed}
    return list(dict.fromkeys(value for value in data.getlist(key) if value in allowed))


def whole_number(value, minimum=0, maximum=10**9):
    """``value`` as an int when it is plain ASCII digits within [minimum, maximum], else None."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) > len(str(maximum)):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def clean_text(value, keep_line_breaks=False):
    """``value`` without control characters (and other invisible format characters)."""
    if not isinstance(value, str):
        return value
    kept = LINE_BREAKS if keep_line_breaks else set()
    return "".join(
        char for char in value if char in kept or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )


def has_control_characters(text):
    return any(unicodedata.category(char) == "Cc" for char in text)


class QueryStringGuard:
    """400 for a query string with control characters (NUL, escape, ...), before any view sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if has_control_characters(key) or any(has_control_characters(value) for value in values):
                return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def refuse(request):
        message = _("This address contains characters that cannot be part of a search or filter.")
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=400)
        response = TemplateResponse(request, "400.html", {"message": message}, status=400)
        return response.render()
