"""Retrying the index updates Elasticsearch missed while it was down.

Publishing never waits for Elasticsearch: Wagtail logs an indexing error and the page is saved.
Our Elasticsearch backends (``RetryMixin``) also write the object down here, in the same
transaction as the save, and ``manage.py retry_index_updates`` (run every few minutes, like
``publish_scheduled``) sends the latest version to Elasticsearch once it answers again. A later
successful update of the same object clears its row.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from . import circuit
from .circuit import UNAVAILABLE
from .models import PendingIndexUpdate

BACKEND = "default"  # Elasticsearch is always the default backend when it is configured


def _key(obj):
    return {
        "backend": BACKEND,
        "content_type": ContentType.objects.get_for_model(obj, for_concrete_model=False),
        "object_id": str(obj.pk),
    }


def remember(obj, action, error):
    key = _key(obj)
    PendingIndexUpdate.objects.update_or_create(**key, defaults={"action": action, "last_error": str(error)[:2000]})
    PendingIndexUpdate.objects.filter(**key).update(attempts=F("attempts") + 1)


def forget(obj):
    PendingIndexUpdate.objects.filter(**_key(obj)).delete()


def retry(limit=1000):
    """(done, still pending, refused): sends the pending updates, oldest first, and stops at the first one
    Elasticsearch refuses (it is still down; the rest waits for the next run)."""
    backend = get_search_backend(BACKEND)
    circuit.resume(BACKEND)  # this run is the probe: try Elasticsearch even while searches skip it
    done, refused = 0, False
    pending_updates = PendingIndexUpdate.objects.filter(backend=BACKEND).select_related("content_type")
    for pending in pending_updates.order_by("pk")[:limit]:
        model = pending.content_type.model_class()
        if model is None:  # the model is gone, and so is its index
            pending.delete()
            continue
        current = model._default_manager.filter(pk=pending.object_id).first()
        indexed = index.get_indexed_instance(current) if current is not None else None
        try:
            if pending.action == PendingIndexUpdate.ADD and indexed is not None:
                backend.add(indexed)
            else:
                backend.delete(model(pk=model._meta.pk.to_python(pending.object_id)))
        except UNAVAILABLE:
            refused = True
            break
        # Only the wish that was sent: a newer failure for the same object that arrived meanwhile
        # (``remember`` counts every failure in ``attempts``) keeps its row for the next run.
        PendingIndexUpdate.objects.filter(pk=pending.pk, attempts=pending.attempts).delete()
        done += 1
    return done, PendingIndexUpdate.objects.filter(backend=BACKEND).count(), refused
