"""The blocks an issue is composed of: sections that pick pages from the site, and free text.

A section of pages renders each page's title, summary, image, date and link in the e-mail and in
the web version, so editors never retype what is already on the site. An app above the newsletters
offers its own pages as a section with ``register_issue_section``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class PageSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)


class PracticeSectionBlock(PageSectionBlock):
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="practices.PracticePage"), label=_("Practices"), min_num=1
    )

    class Meta:
        label = _("Practice examples")
        icon = "tick-inverse"


class EventSectionBlock(PageSectionBlock):
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type="events.EventPage"), label=_("Events"), min_num=1)

    class Meta:
        label = _("Events")
        icon = "date"


class ArticleSectionBlock(PageSectionBlock):
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type="articles.ArticlePage"), label=_("Articles"), min_num=1)

    class Meta:
        label = _("Articles")
        icon = "doc-full"


class TextSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES)

    class Meta:
        label = _("Text")
        icon = "pilcrow"


class IssueBodyBlock(blocks.StreamBlock):
    practices = PracticeSectionBlock()
    events = EventSectionBlock()
    articles = ArticleSectionBlock()
    text = TextSectionBlock()

    built = False  # set when Wagtail first builds the block; see register_issue_section

    def __init__(self, *args, **kwargs):
        IssueBodyBlock.built = True
        super().__init__(*args, **kwargs)


def register_issue_section(name, page_type, label, pages_label, icon):
    """Offer a section of ``page_type`` pages in every issue; an app above the newsletters calls it
    from its ``ready()`` (the learning loop adds its stories and proposals), so this app names none."""
    if IssueBodyBlock.built:
        raise RuntimeError(f"The issue block was built before {name!r} was registered; register it in ready().")
    pages = blocks.ListBlock(blocks.PageChooserBlock(page_type=page_type), label=pages_label, min_num=1)
    block = PageSectionBlock(local_blocks=[("pages", pages)], label=label, icon=icon)
    block.set_name(name)
    IssueBodyBlock.base_blocks[name] = block
