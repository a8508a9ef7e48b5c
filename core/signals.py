from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import WerkplaatsPage
from .permissions import ensure_werkplaats_access


@receiver(post_save, sender=WerkplaatsPage)
def grant_werkplaats_editors(sender, instance, raw=False, **kwargs):
    if not raw:
        ensure_werkplaats_access(instance)
