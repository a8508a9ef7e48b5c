"""Bulk loading of listing images, so a listing costs the same queries for 3 items or 300."""

from wagtail.images import get_image_model

LISTING_RENDITION = "fill-640x360"


def prefetch_listing_images(pages, *filter_specs):
    """Load the listing images of ``pages`` and their renditions in two queries."""
    pages = list(pages)
    ids = {page.listing_image_id for page in pages if getattr(page, "listing_image_id", None)}
    if not ids:
        return pages
    specs = filter_specs or (LISTING_RENDITION,)
    images = {image.pk: image for image in get_image_model().objects.filter(pk__in=ids).prefetch_renditions(*specs)}
    for page in pages:
        if page.listing_image_id in images:
            page.listing_image = images[page.listing_image_id]
    return pages
