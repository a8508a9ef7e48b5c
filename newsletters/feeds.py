from core.feeds import PageFeed

FEED_SIZE = 20


class IssueFeed(PageFeed):
    """RSS 2.0 feed of one newsletter's sent issues (their web versions)."""

    def __init__(self, index_page, newsletter, mailings):
        super().__init__()
        self.index_page, self.newsletter, self.mailings = index_page, newsletter, mailings

    def title(self):
        return f"{self.newsletter.label} · Wiel"

    def link(self):
        return self.index_page.get_full_url(self.request)

    def description(self):
        return self.newsletter.text or self.newsletter.label

    def items(self):
        return self.mailings[:FEED_SIZE]

    def item_title(self, item):
        return item.page.title

    def item_description(self, item):
        return item.page.summary

    def item_link(self, item):
        return item.page.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.started_at
