from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin

from . import measurements, values


class MeasurementForm(CleanTextMixin, forms.Form):
    """One new figure for an indicator. What is only odd (a gap, a jump) is asked to be confirmed."""

    measured_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.CharField(label=_("Value"), max_length=40, help_text=_("For example 12,5 or 1.000."))
    source = forms.CharField(label=_("Source"), max_length=measurements.SOURCE_LENGTH)
    note = forms.CharField(label=_("Note"), max_length=measurements.NOTE_LENGTH, required=False)
    confirmed = forms.BooleanField(label=_("Yes, this figure is right."), required=False)

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.row = None
        self.warnings = []

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        day = cleaned["measured_on"].isoformat()
        try:
            self.row = measurements.check_row(
                self.indicator, 0, day, cleaned["value"], cleaned["source"], cleaned["note"]
            )
        except values.BadValue as problem:
            column, _sep, message = str(problem).partition(": ")
            field = {"date": "measured_on"}.get(column, column)
            self.add_error(field if field in self.fields else None, message or str(problem))
            return cleaned
        self.warnings = measurements.warnings(self.indicator, [self.row])
        if self.warnings and not cleaned.get("confirmed"):
            self.add_error("confirmed", _("Check the figure, and tick this box when it is right."))
        return cleaned


class MeasurementFileForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One line per figure: date;value;source (and optionally ;note). A first line of column names is skipped."
        ),
    )
