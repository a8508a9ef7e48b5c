from django.db import models


class CreatedDraft(models.Model):
    """The page that an editor's create form made by itself (Wagtail's autosave), under the random
    key that form carries, so that the form's own submit finds it (core/created_drafts.py)."""

    key = models.UUIDField(unique=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"{self.key} → {self.page_id}"
