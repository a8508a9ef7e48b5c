import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin

from .models import Registration


class RegistrationForm(CleanTextMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that Wiel uses these details for this event and its SKJ accreditation."),
        required=True,
    )
    # A field people never see: bots fill it in, and their registrations are dropped.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

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
