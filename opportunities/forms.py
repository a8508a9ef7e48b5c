from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin, TypedPlaceMixin

LARGEST_COST = 10**11  # euros: more than any opportunity asks


class OpportunityForm(TypedPlaceMixin, CleanTextMixin, forms.Form):
    """ "Kans indienen": an opportunity sent without an account, moderated before it is published."""

    title = forms.CharField(label=_("What is the opportunity, in a few words?"), max_length=120)
    description = forms.CharField(
        label=_("Describe the opportunity"),
        widget=forms.Textarea(attrs={"rows": 8}),
        min_length=40,
        max_length=5000,
        help_text=_("What would you like to start or improve, and what would it change?"),
    )
    for_whom = forms.CharField(
        label=_("For whom?"),
        max_length=500,
        help_text=_("For example: young people who drop out of school, parents of young children."),
    )
    place = forms.CharField(label=_("In which municipality?"), max_length=80, required=False)
    involved = forms.CharField(
        label=_("Who is involved, or should be?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )
    estimated_cost = forms.IntegerField(
        label=_("What might it cost, roughly, in euros?"),
        required=False,
        min_value=0,
        max_value=LARGEST_COST,
        help_text=_("A rough guess will do. Leave it empty if you do not know."),
    )
    name = forms.CharField(label=_("Your name"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("We tell you when your opportunity moves on, with a link of your own. We never show your address."),
    )
    consent = forms.BooleanField(
        label=_("I agree that Wiel keeps what I sent and may publish the opportunity, without my name or address."),
        required=True,
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, geography=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.geography = geography
