from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentText(models.Model):
    """The text read from an uploaded document, indexed with the pages it is attached to.

    Read once per file: ``file_hash`` is Wagtail's hash of the file the text came from, so a
    re-upload is read again and a mere title change is not (``core/documents.py``).
    """

    document = models.OneToOneField("wagtaildocs.Document", on_delete=models.CASCADE, related_name="search_text")
    file_hash = models.CharField(max_length=40, blank=True)
    text = models.TextField(blank=True)
    problem = models.CharField(max_length=255, blank=True, help_text=_("Why no text could be read, if so."))

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self):
        return str(self.document)
