"""Dates in wagtail-localize's translation editor in the editor's own language.

wagtail-localize 1.14 writes "Translated manually on {date}" with ``strftime``, which
names the month in the server's C locale ("25 November 2026" in the Dutch admin). The
comment is rebuilt here with Django's ``date_format``, so the month follows the admin
language ("25 november 2026"); the sentence itself comes from wagtail-localize's own
catalogue. Applied once from ``CoreConfig.ready``.
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation

COMMENTS = {
    StringTranslation.TRANSLATION_TYPE_MANUAL: "Translated manually on {date}",
    StringTranslation.TRANSLATION_TYPE_MACHINE: "Machine translated on {date}",
}


def translation_comment(string_translation):
    """What wagtail-localize's ``StringTranslation.get_comment`` says, with a localised date."""
    date = date_format(localtime(string_translation.updated_at), "DATE_FORMAT")
    if string_translation.tool_name:
        return _("Translated with {tool_name} on {date}").format(tool_name=string_translation.tool_name, date=date)
    sentence = COMMENTS.get(string_translation.translation_type)
    return _(sentence).format(date=date) if sentence else None


def localise_translation_dates():
    StringTranslation.get_comment = translation_comment
