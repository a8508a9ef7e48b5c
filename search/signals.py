"""Index a page again once publishing has saved its child objects.

Wagtail indexes a page from its ``post_save`` signal, which Django sends before django-modelcluster
saves the page's child objects and many-to-many values (working elements, themes, attached
documents). Indexing once more on ``page_published``, when those are stored, keeps the index
in step with what was published rather than with the version before.
"""

from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published


@receiver(page_published)
def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance)
