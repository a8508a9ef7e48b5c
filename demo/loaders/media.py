"""The demo's pictures and PDFs (``demo/data/media.json``), generated, in their werkplaats' collection.

The article and event files name them by title, as an editor's import file names what is in the
library; so they are made before the articles and events are imported.
"""

from core.models import WerkplaatsPage
from demo.utils import data, generated_image, generated_pdf, locale


def load(stdout):
    media = data("media.json")
    collections = {page.slug: page.collection for page in WerkplaatsPage.objects.filter(locale=locale("nl"))}
    for image in media["images"]:
        generated_image(image["title"], image["alt"], collections.get(image["collection"]))
    for document in media["documents"]:
        generated_pdf(document["title"], document["lines"], collections.get(document["collection"]))
    stdout.write(f"  {len(media['images'])} pictures, {len(media['documents'])} documents")
