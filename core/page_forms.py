"""The admin form of every Wiel page: dates that have already passed are refused with a clear message,
and a page saved before its slug was filled in gets one from its title."""

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# An editor filling in "now" takes a moment to press publish: a few minutes back still counts as now.
GRACE_MINUTES = 5


class WielPageForm(WagtailAdminPageForm):
    #: (field, message) for every date field that, once changed, must lie ahead.
    future_fields = [
        (
            "go_live_at",
            _("This go-live date has passed. Leave it empty to publish at once, or choose a moment ahead."),
        ),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # The editor fills the slug in from the title as one types, a moment later; a page
            # saved or sent in that moment takes it from its title here.
            self.fields["slug"].required = False

    def clean(self):
        slug_missing = "slug" in self.fields and not self.cleaned_data.get("slug") and "slug" not in self.errors
        if slug_missing and (title := self.cleaned_data.get("title")):
            self.cleaned_data["slug"] = self.free_slug(title)
        cleaned = super().clean()
        earliest = timezone.now() - timezone.timedelta(minutes=GRACE_MINUTES)
        for name, message in self.future_fields:
            value = cleaned.get(name)
            if name in self.changed_data and value and value < earliest:
                self.add_error(name, message)
        return cleaned

    def free_slug(self, title):
        """The slug Wagtail's editor would give ``title``, with a number added if a sibling has it."""
        from wagtail.models import Page

        base = slugify(title, allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)) or "pagina"
        candidate, number = base, 1
        while not Page._slug_is_available(candidate, self.parent_page, self.instance):
            number += 1
            candidate = f"{base}-{number}"
        return candidate
