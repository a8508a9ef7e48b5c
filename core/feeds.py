"""What the RSS feeds of the site share: RSS 2.0, the request at hand, links on the base URL."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from .base_url import absolute


class PageFeed(Feed):
    """A feed of one overview page. The feed's own address names the site's base URL (Django
    would take the host the request came by)."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def feed_url(self):
        return absolute(self.request.path)


class OverviewFeed(PageFeed):
    """RSS 2.0 feed of one overview (national or one werkplaats): its newest ``FEED_SIZE`` pages,
    as the overview's ``feed_items()`` lists them."""

    FEED_SIZE = 20

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
        return self.index_page.feed_items()[: self.FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at
