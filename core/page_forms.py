"""The admin form of every Wiel page: dates that have already passed are refused with a clear message."""

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

    def clean(self):
        cleaned = super().clean()
        earliest = timezone.now() - timezone.timedelta(minutes=GRACE_MINUTES)
        for name, message in self.future_fields:
            value = cleaned.get(name)
            if name in self.changed_data and value and value < earliest:
                self.add_error(name, message)
        return cleaned


class NewsletterPageForm(WielPageForm):
    future_fields = [
        *WielPageForm.future_fields,
        (
            "send_at",
            _(
                "This send time has passed, so the issue would go out at once on approval. Leave it empty "
                "to send on approval, or choose a moment ahead."
            ),
        ),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_only_the_lists_of_this_place()

    def offer_only_the_lists_of_this_place(self):
        """The list chooser offers the lists an issue here may go to (a werkplaats' own below it,
        the national ones elsewhere: the model's ``clean`` refuses the rest), and presets the
        only one."""
        from .models import WerkplaatsPage

        field = self.fields.get("newsletter")
        parent = getattr(self, "parent_page", None)
        if field is None or parent is None:
            return
        werkplaats_id = parent.pk if isinstance(parent.specific, WerkplaatsPage) else None
        field.queryset = field.queryset.filter(werkplaats_id=werkplaats_id)
        allowed = list(field.queryset.values_list("pk", flat=True)[:2])
        if len(allowed) == 1 and not self.instance.newsletter_id:
            self.initial["newsletter"] = allowed[0]
