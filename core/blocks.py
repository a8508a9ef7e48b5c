"""The shared block library: every StreamField on the site is built from these.

Each block names its icon, template and a preview value, so editors see in the
block picker what they are about to add.

The core imports no app. An app built on it that offers a block to every page body
registers it from its ``AppConfig.ready`` with ``register_body_block`` (the newsletters
app adds its sign-up form). The fields name ``BodyBlock`` as a class, so Wagtail builds
the block when it is first used, after every app has registered its blocks.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/paragraph.html"
        preview_value = (
            "<p>Een wijkacademie brengt ouders samen die van elkaar leren over opvoeden in hun eigen buurt.</p>"
        )
        description = _("Running text with headings, lists and links.")


class CaptionedImageValue(blocks.StructValue):
    @property
    def alt(self):
        """What a screen reader says: nothing for decoration, else this block's text or the image's own."""
        if self.get("decorative"):
            return ""
        return self.get("alt_text") or getattr(self.get("image"), "description", "")


class CaptionedImageBlock(blocks.StructBlock):
    """An image with one alternative text: the image's own description (asked once, at upload),
    which the block may override, or none at all for an image that is only decoration."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Leave empty to use the image's own description; fill in to say what the image shows here."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_("Only decoration, telling nothing the text does not: screen readers skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image and not value.get("decorative") and not value.get("alt_text") and not image.description:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("This image has no description. Describe it here, or mark it as decorative.")
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image.html"
        value_class = CaptionedImageValue
        preview_value = {"alt_text": "Deelnemers in gesprek aan een dialoogtafel", "caption": "Dialoogtafel"}
        description = _("An image with its alternative text (the image's own, or one for here) and a caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Role or organisation"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
        preview_value = {
            "quote": "Niet elk wiel past op elke wagen.",
            "attribution": "Programma Academische Werkplaatsen Transformatie Jeugd",
        }
        description = _("A quotation with the person who said it.")


class CalloutBlock(blocks.StructBlock):
    variant = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Attention"))],
        default="info",
    )
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Call-out")
        template = "blocks/callout.html"
        preview_value = {
            "variant": "tip",
            "heading": "SKJ-punten",
            "text": "<p>Deelname levert 4 SKJ-punten op.</p>",
        }
        description = _("A highlighted box for a tip, a note or a warning.")


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    video = EmbedBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo address."))
    transcript = blocks.TextBlock(label=_("Transcript or summary"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"
        preview_value = {"title": "Jongeren vertellen over hun plekken in Flevoland"}
        description = _("An embedded video with its title and an optional transcript.")


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_item.html"
        preview_value = {"description": "Samenvatting op één pagina"}


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Downloads"))
    documents = blocks.ListBlock(DocumentItemBlock(), label=_("Documents"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Document list")
        template = "blocks/document_list.html"
        preview_value = {"heading": "Factsheets", "documents": []}
        description = _("Factsheets, reports and presentations to download.")


class AccessibleTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table.html"
        preview_value = {
            "first_row_is_table_header": True,
            "table_caption": "Bijeenkomsten",
            "data": [["Datum", "Bijeenkomst"], ["13-02-2020", "Leren van Ervaringen"]],
        }
        description = _("A table with a caption and a header row.")


class BodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    video = VideoBlock()
    documents = DocumentListBlock()
    table = AccessibleTableBlock(table_options={"contextMenu": True, "startRows": 3, "startCols": 3})

    built = False  # set when Wagtail first builds the block; see register_body_block

    def __init__(self, *args, **kwargs):
        BodyBlock.built = True
        super().__init__(*args, **kwargs)

    class Meta:
        icon = "doc-full"
        template = "blocks/body.html"


def register_body_block(name, block):
    """Offer ``block`` as ``name`` in every page body; call it from an app's ``ready()``."""
    if BodyBlock.built:
        raise RuntimeError(f"The body block was built before {name!r} was registered; register it in ready().")
    block.set_name(name)
    BodyBlock.base_blocks[name] = block
