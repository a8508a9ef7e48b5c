"""Rich text as plain text, for the text part of the e-mail."""

import html
import re

from django import template
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from newsletters.email import absolute

register = template.Library()

LINK = re.compile(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>(.*?)</a>', re.S)
BREAKS = re.compile(r"</(p|h\d|li|ul|ol)>|<br\s*/?>", re.I)


@register.filter
def plain(rich_text):
    """Paragraphs separated by blank lines, list items as "- ", links as "text (address)"."""
    text = expand_db_html(str(rich_text))
    text = LINK.sub(lambda m: f"{m.group(2)} ({m.group(1) if '://' in m.group(1) else absolute(m.group(1))})", text)
    text = re.sub(r"<li[^>]*>", "- ", text)
    text = BREAKS.sub("\n\n", text)
    text = html.unescape(strip_tags(text))
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()
