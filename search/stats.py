"""Counting searches, and the editors' report of the most frequent ones and those that found nothing."""

import datetime

from django.db.models import F, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .models import ZeroResultHits

PERIODS = (7, 30, 90, 365)
REPORT_SIZE = 50


def record(query, found):
    """Count one search (and whether it found anything) for today."""
    entry = Query.get(query)
    entry.add_hit()
    if not found:
        today = timezone.localdate()
        row, _created = ZeroResultHits.objects.get_or_create(query=entry, date=today)
        ZeroResultHits.objects.filter(pk=row.pk).update(hits=F("hits") + 1)


def report(days):
    """(most frequent, most frequent without results) over the last ``days`` days."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    return _top(QueryDailyHits, since), _top(ZeroResultHits, since)


def _top(model, since):
    """The REPORT_SIZE queries with the most hits in ``model`` (per query per day) since ``since``."""
    rows = (
        model.objects.filter(date__gte=since)
        .values("query__query_string")
        .annotate(searches=Sum("hits"))
        .order_by("-searches", "query__query_string")
    )
    return list(rows[:REPORT_SIZE])
