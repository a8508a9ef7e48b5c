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
