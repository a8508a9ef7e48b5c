import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin

from .models import EventPage, Registration


class RegistrationFields(CleanTextMixin, forms.ModelForm):
    """What a registration records, as the public form and the editors' form both ask it."""

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "role", "skj_number"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }
        help_texts = {"skj_number": _("Only if you want SKJ points: your registration number in the SKJ register.")}

    def clean_skj_number(self):
        # Spaces and dots as people write them are allowed; the digits must be ASCII ("١٢٣" is not a number here).
        number = re.sub(r"[ .]", "", self.cleaned_data["skj_number"])
        if number and not re.fullmatch(r"[0-9]{6,10}", number):
            raise ValidationError(_("An SKJ registration number consists of 6 to 10 digits."))
        return number


class RegistrationForm(RegistrationFields):
    consent = forms.BooleanField(
        label=_("I agree that Wiel uses these details for this event and its SKJ accreditation."),
        required=True,
    )
    # A field people never see: bots fill it in, and their registrations are dropped.
    website = forms.CharField(required=False, label=_("Leave this field empty"))


class HandRegistrationForm(RegistrationFields):
    """An editor registers someone who phoned or wrote in; they get the same e-mail as online."""

    consent = forms.BooleanField(
        label=_("The person agreed that Wiel uses these details for this event and its SKJ accreditation."),
        required=True,
    )

    class Meta(RegistrationFields.Meta):
        help_texts = {"skj_number": _("Only if they want SKJ points: their number in the SKJ register.")}


class MoveForm(forms.Form):
    """To which event a registration moves: the editor's own coming events that take registrations."""

    event = forms.ModelChoiceField(queryset=None, label=_("Move to"), empty_label=None)

    def __init__(self, *args, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = EventPage.objects.filter(pk__in=[event.pk for event in events])
        self.fields["event"].label_from_instance = lambda event: (
            f"{event.title} ({timezone.localtime(event.start):%d-%m-%Y %H:%M})"
        )
