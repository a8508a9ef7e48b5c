"""The admin form of a newsletter issue: a send time ahead, and only the lists of its place."""

from django.utils.translation import gettext_lazy as _

from core.models import WerkplaatsPage
from core.page_forms import WielPageForm


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
        field = self.fields.get("newsletter")
        parent = getattr(self, "parent_page", None)
        if field is None or parent is None:
            return
        werkplaats_id = parent.pk if isinstance(parent.specific, WerkplaatsPage) else None
        field.queryset = field.queryset.filter(werkplaats_id=werkplaats_id)
        allowed = list(field.queryset.values_list("pk", flat=True)[:2])
        if len(allowed) == 1 and not self.instance.newsletter_id:
            self.initial["newsletter"] = allowed[0]
