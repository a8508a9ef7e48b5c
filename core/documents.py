"""The text of uploaded documents (factsheet PDFs, plain text), in the index of the pages they
belong to.

When a document is saved, its text is read once per file (a task, after the upload commits) and
kept in ``DocumentText``; the pages that attach it (found through Wagtail's reference index, so
the core names no app) are then indexed again, and their ``document_text`` search field
(``PracticePage``) hands the text to the backend. A PDF that
cannot be read (damaged, encrypted, only scanned images) is recorded with the reason and simply
adds no text: the upload and the page never fail because of it.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import task
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from .models import DocumentText

logger = logging.getLogger(__name__)

MAX_PAGES = 300  # of a PDF
MAX_CHARACTERS = 200_000  # per document: the index gets the start of a very long one


def read_text(document):
    """(text, problem) of ``document``: the problem is "" when the text could be read."""
    extension = document.file_extension.lower()
    if extension not in ("pdf", "txt"):
        return "", f"no text is read from .{extension} files"
    try:
        with document.open_file() as stream:
            if extension == "txt":
                return stream.read(MAX_CHARACTERS * 4).decode("utf-8", errors="replace")[:MAX_CHARACTERS], ""
            return read_pdf(stream)
    except Exception as error:  # noqa: BLE001 (any damaged file: recorded, never raised)
        logger.warning("No text read from document %s: %s", document.pk, error)
        return "", str(error)[:255] or type(error).__name__


def read_pdf(stream):
    reader = PdfReader(stream)
    if reader.is_encrypted:
        return "", "the PDF is encrypted"
    parts, length = [], 0
    for page in reader.pages[:MAX_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length >= MAX_CHARACTERS:
            break
    text = " ".join(" ".join(parts).split())[:MAX_CHARACTERS]
    return text, "" if text else "the PDF holds no text (scanned images?)"


def owners(document):
    """The live and draft pages that attach the document, as their specific types."""
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).specific()


@task()
def extract_document_text(document_id):
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    stored = DocumentText.objects.filter(document=document).first()
    if stored and stored.file_hash and stored.file_hash == document.file_hash:
        return  # the same file as before: its text is known
    text, problem = read_text(document)
    DocumentText.objects.update_or_create(
        document=document, defaults={"file_hash": document.file_hash, "text": text, "problem": problem}
    )
    for page in owners(document):
        index.insert_or_update_object(page)


def text_of(document_ids):
    """The text of these documents, joined, for a page's search field."""
    if not document_ids:
        return ""
    return "\n".join(DocumentText.objects.filter(document_id__in=document_ids).values_list("text", flat=True))


@receiver(post_save, sender=get_document_model())
def read_after_upload(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(lambda: extract_document_text.enqueue(instance.pk))
