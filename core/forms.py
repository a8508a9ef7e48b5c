"""What every public form does with the text people send."""

from django import forms

from .params import clean_text


class CleanTextMixin:
    """Control characters are stripped from every text field (line breaks kept in text areas), so
    nothing invisible reaches the database, an e-mail or the attendance CSV."""

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                keep = isinstance(self.fields[name].widget, forms.Textarea)
                cleaned[name] = clean_text(value, keep_line_breaks=keep).strip()
        return cleaned
