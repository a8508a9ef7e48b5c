"""What every public form does with the text people send, and a municipality typed as people say it."""

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


class TypedPlaceMixin:
    """A ``place`` field typed as people say it ("Den Haag", a former municipality), understood
    through the geography (``self.geography``); the municipality found is ``self.municipality``."""

    municipality = None

    def clean_place(self):
        typed = self.cleaned_data["place"]
        self.municipality = None
        if typed and self.geography is not None:
            found = self.geography.names.resolve(typed)
            if found.place is None:
                raise forms.ValidationError(found.error)
            self.municipality = found.place
        return typed
