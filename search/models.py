"""Searches that found nothing, per query and day (what readers looked for and Wiel did not have).

All searches are counted per day by Wagtail's search promotions (``QueryDailyHits``); this adds the
count of those that came back empty, for the editors' report.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class ZeroResultHits(models.Model):
    query = models.ForeignKey(
        "wagtailsearchpromotions.Query", on_delete=models.CASCADE, related_name="zero_result_hits"
    )
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [models.UniqueConstraint(fields=["query", "date"], name="one_zero_result_row_per_day")]

    def __str__(self):
        return f"{self.query} ({self.date}: {self.hits})"


class Synonym(models.Model):
    """Words that mean the same here: an abbreviation and what it stands for, or two ways of saying it.

    Elasticsearch applies them in its search analyser; the database backend expands the query.
    """

    terms = models.CharField(
        _("terms"),
        max_length=500,
        unique=True,
        help_text=_("Two or more words or phrases that mean the same, separated by commas. "
                    "For example: JIM, Jouw Informele Mentor, informele mentor"),
    )  # fmt: skip

    panels = [FieldPanel("terms")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms and abbreviations")

    def __str__(self):
        return self.terms

    @property
    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        terms = split_terms(self.terms)
        if len(terms) < 2:
            raise ValidationError({"terms": _("Give at least two terms, separated by commas.")})
        if any(len(term) > 100 for term in terms):
            raise ValidationError({"terms": _("A term can be at most 100 characters.")})
        self.terms = ", ".join(terms)


def split_terms(text):
    """The comma-separated terms, whitespace collapsed, without empties or repeats (case-insensitive)."""
    seen, terms = set(), []
    for term in (" ".join(part.split()) for part in (text or "").split(",")):
        if term and term.lower() not in seen:
            seen.add(term.lower())
            terms.append(term)
    return terms
