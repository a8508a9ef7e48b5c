"""Searches that found nothing, per query and day (what readers looked for and Wiel did not have).

All searches are counted per day by Wagtail's search promotions (``QueryDailyHits``); this adds the
count of those that came back empty, for the editors' report.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
