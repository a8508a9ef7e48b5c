from datetime import datetime, time

from django.utils import timezone

from core.feeds import OverviewFeed


class ArticleFeed(OverviewFeed):
    """RSS 2.0 feed of one article overview (national or one werkplaats), dated by each article's date."""

    def items(self):
        return self.index_page.get_articles()[: self.FEED_SIZE]

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_categories(self, item):
        return [item.get_kind_display()]
