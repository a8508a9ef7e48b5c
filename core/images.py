"""Images: listing images loaded in bulk, and their renditions made when an image arrives.

A listing costs the same queries for 3 items or 300 (``prefetch_listing_images``). The renditions
the templates ask for are made when an image is uploaded or imported (``prepare_renditions``, a
task after the commit), not by the first reader of a page that shows it.
"""

import logging

from django.conf import settings
from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model

logger = logging.getLogger(__name__)

# A card's picture: two widths for its slot (about 20rem, twice that on a sharp screen), each as
# AVIF and WebP with a JPEG for browsers that read neither (components/card.html).
LISTING_RENDITIONS = [
    f"fill-{size}|format-{format}" for size in ("320x180", "640x360") for format in ("avif", "webp", "jpeg")
]


def prefetch_listing_images(pages, *filter_specs):
    """Load the listing images of ``pages`` and their renditions in two queries."""
    pages = list(pages)
    ids = {page.listing_image_id for page in pages if getattr(page, "listing_image_id", None)}
    if not ids:
        return pages
    specs = filter_specs or LISTING_RENDITIONS
    images = {image.pk: image for image in get_image_model().objects.filter(pk__in=ids).prefetch_renditions(*specs)}
    for page in pages:
        if page.listing_image_id in images:
            page.listing_image = images[page.listing_image_id]
    return pages


# Every rendition a template asks for: the cards, the article and image-block pictures
# (components/card.html, articles/article_page.html, blocks/captioned_image.html) and the
# social-media preview (base.html). Keep in step with those templates.
PICTURE_RENDITIONS = [
    f"width-{width}|format-{format}" for width in (400, 800, 1000) for format in ("avif", "webp", "jpeg")
]
PREPARED_RENDITIONS = [*LISTING_RENDITIONS, *PICTURE_RENDITIONS, "fill-1200x630"]


@task()
def prepare_renditions(image_id):
    """Make every rendition the site shows of one image; one that cannot be made is left to the page."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    try:
        return len(image.get_renditions(*PREPARED_RENDITIONS))
    except Exception:  # a broken file must not fail the upload: the page makes what it can, as before
        logger.warning("renditions of image %s could not be made in advance", image_id, exc_info=True)
        return 0


def prepare_after_save(sender, instance, created, update_fields=None, **kwargs):
    """After an upload, an import or a new file: the renditions, once the image is committed."""
    if not settings.WIEL_PREPARE_RENDITIONS:
        return
    if created or update_fields is None or "file" in update_fields:
        image_id = instance.pk
        transaction.on_commit(lambda: prepare_renditions.enqueue(image_id))
