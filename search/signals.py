"""What keeps search in step with the site's content and with the editors' search tools.

- A published page is indexed once more on ``page_published``: Wagtail indexes a page from its
  ``post_save`` signal, which Django sends before django-modelcluster saves the page's child
  objects and many-to-many values (working elements, themes, attached documents).
- A synonym, compound word or promotion saved or deleted changes what searches find. The search
  page keeps its results per content version (``search/query.py``), so the version goes up and
  the search pages are purged from a shared cache in front, once the change is committed: the
  next search, also one asked before, uses the new list. The database backends read the lists
  per request; the engine holds them in its analyser, so its index is rebuilt by the
  ``refresh_search_vocabulary`` job (``search/vocabulary_refresh.py``).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search import index
from wagtail.signals import page_published

from .models import CompoundWord, Synonym
from .vocabulary_refresh import search_tools_changed


@receiver(page_published)
def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance)


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
@receiver(post_save, sender=CompoundWord)
@receiver(post_delete, sender=CompoundWord)
@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
def search_tool_saved(sender, instance, **kwargs):
    transaction.on_commit(lambda: search_tools_changed(sender))
