from collections import Counter

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin
from core.models import Theme
from geography.models import Municipality, Province, YouthRegion

from .models import NewsletterList

CONSENT_TEXT = _(
    "I want to receive the newsletters I ticked. Wiel keeps my e-mail address, name and interests only "
    "for that, and I can change or withdraw this at any time through the link in every newsletter."
)


class RegionGroupsMixin:
    """The 42 jeugdregio's as checkboxes grouped by province, for a disclosure instead of a long list."""

    def youth_region_groups(self):
        """[(province, [checkbox])], provinces by name; a region goes with the province most of its
        municipalities lie in (one query)."""
        votes = {}
        for region_id, province in Municipality.objects.values_list("youth_region_id", "province__name"):
            votes.setdefault(region_id, Counter())[province] += 1
        province_of = {region_id: counts.most_common(1)[0][0] for region_id, counts in votes.items()}
        groups = {}
        for checkbox in self["youth_regions"]:
            groups.setdefault(province_of.get(checkbox.data["value"].value, ""), []).append(checkbox)
        return sorted(groups.items())

    def chosen_youth_regions(self):
        """The labels of the regions ticked, for the disclosure's summary."""
        return [checkbox.choice_label for checkbox in self["youth_regions"] if checkbox.data["selected"]]


class SubscribeForm(RegionGroupsMixin, CleanTextMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    name = forms.CharField(label=_("Name"), required=False, max_length=120)
    lists = forms.ModelMultipleChoiceField(
        label=_("Newsletters"),
        queryset=NewsletterList.objects.filter(is_active=True).select_related("werkplaats"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one newsletter.")},
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes I am interested in"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    provinces = forms.ModelMultipleChoiceField(
        label=_("Provinces"), queryset=Province.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    youth_regions = forms.ModelMultipleChoiceField(
        label=_("Jeugdregio's"),
        queryset=YouthRegion.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(label=CONSENT_TEXT)
    # A field people never see: bots fill it in, and their requests are dropped.
    website = forms.CharField(required=False, label=_("Leave this field empty"))


class ConfirmForm(forms.Form):
    lists = forms.ModelMultipleChoiceField(
        label=_("Newsletters to confirm"),
        queryset=NewsletterList.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one newsletter to confirm.")},
    )

    def __init__(self, *args, pending, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = pending
        self.fields["lists"].initial = list(pending)


class PreferencesForm(RegionGroupsMixin, CleanTextMixin, forms.Form):
    name = forms.CharField(label=_("Name"), required=False, max_length=120)
    lists = forms.ModelMultipleChoiceField(
        label=_("Newsletters I receive"),
        queryset=NewsletterList.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = SubscribeForm.base_fields["themes"]
    provinces = SubscribeForm.base_fields["provinces"]
    youth_regions = SubscribeForm.base_fields["youth_regions"]
