"""Admin widgets of the shared core."""

from django import forms

from geography.models import Municipality
from geography.names import aliases, normalise


class MunicipalityChooser(forms.SelectMultiple):
    """Choose municipalities by typing, as people say them (Den Haag, Weesp), instead of scrolling 342 rows.

    Renders the plain multiple select (which works without JavaScript) inside a Stimulus
    controller (``core/js/municipality-chooser.js``) that hides it behind a search field
    and a list of chosen municipalities. Each option carries its search keys: the name,
    the other names it goes by (``geography/data/gemeente_namen.csv``) and its province.
    """

    template_name = "core/widgets/municipality_chooser.html"

    class Media:
        js = ["core/js/municipality-chooser.js"]
        css = {"all": ["core/css/municipality-chooser.css"]}

    def __init__(self, attrs=None):
        super().__init__(attrs={"size": 8, **(attrs or {})})

    def optgroups(self, name, value, attrs=None):
        self._other_names = {}
        for alias in aliases():
            self._other_names.setdefault(alias.municipality, []).append(normalise(alias.name))
        self._provinces = dict(Municipality.objects.values_list("pk", "province__name"))  # one query per field
        return super().optgroups(name, value, attrs)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            keys = [normalise(instance.name), *self._other_names.get(instance.name, [])]
            option["attrs"]["data-search"] = " | ".join(keys)
            option["attrs"]["data-province"] = self._provinces.get(instance.pk, "")
        return option
