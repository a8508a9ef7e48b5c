"""The blocks an issue is composed of: sections that pick pages from the site, and free text.

A section of pages renders each page's title, summary, image, date and link in the e-mail and in
the web version, so editors never retype what is already on the site.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class PageSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    intro = blocks.TextBlock(label=_("introduction"), required=False)


class PracticeSectionBlock(PageSectionBlock):
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="practices.PracticePage"), label=_("practices"), min_num=1
    )

    class Meta:
        label = _("Practice examples")
        icon = "tick-inverse"


class EventSectionBlock(PageSectionBlock):
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type="events.EventPage"), label=_("events"), min_num=1)

    class Meta:
        label = _("Events")
        icon = "date"


class ArticleSectionBlock(PageSectionBlock):
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type="articles.ArticlePage"), label=_("articles"), min_num=1)

    class Meta:
        label = _("Articles")
        icon = "doc-full"


class TextSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("text"), features=TEXT_FEATURES)

    class Meta:
        label = _("Text")
        icon = "pilcrow"


class IssueBodyBlock(blocks.StreamBlock):
    practices = PracticeSectionBlock()
    events = EventSectionBlock()
    articles = ArticleSectionBlock()
    text = TextSectionBlock()
