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
        help_text=_(
            "Two or more words or phrases that mean the same, separated by commas. "
            "For example: JIM, Jouw Informele Mentor, informele mentor"
        ),
    )

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


class CompoundWord(models.Model):
    """A compound the stemmer cannot see into, with its parts: "gezinsbuddy" is a "gezin" and a "buddy".

    Applied to every search on every backend (``search/synonyms.py``): the compound finds the
    pages that name its parts, the parts find the pages that name the compound, and its last
    part (in Dutch the head: a gezinsbuddy is a buddy) finds the pages that name the compound.
    """

    word = models.CharField(
        _("compound"), max_length=100, unique=True, help_text=_("One word, for example: gezinsbuddy")
    )
    parts = models.CharField(
        _("parts"), max_length=200, help_text=_("Its parts, separated by spaces, for example: gezin buddy")
    )

    panels = [FieldPanel("word"), FieldPanel("parts")]

    class Meta:
        ordering = ["word"]
        verbose_name = _("compound word")
        verbose_name_plural = _("compound words")

    def __str__(self):
        return f"{self.word} = {self.parts}"

    def clean(self):
        word, parts = " ".join(self.word.split()), " ".join(self.parts.split())
        errors = {}
        if not word or " " in word or not all(char.isalnum() or char in "-'" for char in word):
            errors["word"] = _("Give one word, without spaces.")
        if len(parts.split()) < 2 or not all(part.replace("-", "").isalnum() for part in parts.split()):
            errors["parts"] = _("Give at least two parts, separated by spaces.")
        if errors:
            raise ValidationError(errors)
        self.word, self.parts = word.lower(), parts.lower()


class SearchTerm(models.Model):
    """A word the indexed pages use, as written (folded for lookup): the vocabulary that "did you
    mean ...?" suggests from (``search/vocabulary.py``). Filled by the database search backend
    as it indexes; ``update_index`` refills it."""

    word = models.CharField(max_length=100, unique=True)  # folded: lower case, no accents
    shown = models.CharField(max_length=100)  # as written in the text, lower case

    class Meta:
        verbose_name = _("search vocabulary word")
        verbose_name_plural = _("search vocabulary")

    def __str__(self):
        return self.shown


class PendingIndexUpdate(models.Model):
    """An index update Elasticsearch refused (down or slow), to be retried
    (``manage.py retry_index_updates``, ``search/retry.py``). One row per object: the latest
    wish (add or delete) wins."""

    ADD, DELETE = "add", "delete"

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    action = models.CharField(max_length=6, choices=[(ADD, ADD), (DELETE, DELETE)])
    backend = models.CharField(max_length=50, default="default")
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "content_type", "object_id"], name="one_pending_update_per_object"
            )
        ]

    def __str__(self):
        return f"{self.action} {self.content_type.model} {self.object_id} ({self.backend})"
