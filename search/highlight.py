"""Snippets with the query's words marked, escaped first, so a page's text can never inject markup."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import fold, stems

SNIPPET_LENGTH = 240


def terms(query):
    """The query's words and their stems (so "gezinnen" marks "gezin" and "gezinsbuddy"), longest first."""
    found = {word.lower() for word in re.findall(r"\w{2,}", query)}
    found |= {stemmed for word in found for stemmed in stems(fold(word)) if len(stemmed) > 2}
    return sorted(found, key=len, reverse=True)


def snippet(text, query, length=SNIPPET_LENGTH):
    """Up to ``length`` characters of ``text`` around the first match, the matches in <mark>."""
    text = " ".join((text or "").split())
    words = terms(query)
    if not text:
        return ""
    pattern = (
        re.compile(r"\b(" + "|".join(re.escape(word) for word in words) + r")\w*", re.IGNORECASE) if words else None
    )
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - length // 3) if match else 0
    piece = text[start : start + length]
    prefix, suffix = ("… " if start else ""), (" …" if start + length < len(text) else "")
    if pattern is None:
        return prefix + piece + suffix
    marked, last = [], 0
    for found in pattern.finditer(piece):
        marked += [escape(piece[last : found.start()]), "<mark>", escape(found.group(0)), "</mark>"]
        last = found.end()
    marked.append(escape(piece[last:]))
    return mark_safe(prefix + "".join(marked) + suffix)  # noqa: S308 (every piece of text is escaped above)
