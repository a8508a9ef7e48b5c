"""What the geography tells the layers above it."""

from django.dispatch import Signal

# The reference data changed without a model's save signal (a bulk update of the figures):
# whatever shows or keeps them is stale.
changed = Signal()
