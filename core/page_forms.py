"""The admin form of every Wiel page: dates that have already passed are refused with a clear message,
and a page saved before its slug was filled in gets one from its title (Wagtail's own)."""

from django.utils import timezone
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
            # saved or sent in that moment gets one from Wagtail as it is saved
            # (Page._set_core_field_defaults, with a number when a sibling has it).
            self.fields["slug"].required = False

    def clean(self):
        cleaned = super().clean()
        earliest = timezone.now() - timezone.timedelta(minutes=GRACE_MINUTES)
        for name, message in self.future_fields:
            value = cleaned.get(name)
            if name in self.changed_data and value and value < earliest:
                self.add_error(name, message)
        return cleaned
