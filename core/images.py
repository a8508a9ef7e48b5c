"""Bulk loading of listing images, so a listing costs the same queries for 3 items or 300."""

from wagtail.images import get_image_model

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
