from datetime import datetime, time

from django.utils import timezone

from core.feeds import PageFeed

FEED_SIZE = 20


class ArticleFeed(PageFeed):
    """RSS 2.0 feed of one article overview (national or one werkplaats)."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def title(self):
        return f"{self.index_page.title} · Wiel"

    def link(self):
        return self.index_page.get_full_url(self.request)

    def description(self):
        return self.index_page.search_description or self.index_page.summary or self.index_page.title

    def items(self):
        return self.index_page.get_articles()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_categories(self, item):
        return [item.get_kind_display()]
