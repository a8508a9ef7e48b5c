"""The text of attached documents is searchable: a factsheet PDF's words find its practice."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from reportlab.pdfgen.canvas import Canvas
from wagtail.documents import get_document_model

from core.documents import read_text
from core.models import DocumentText
from practices.factories import PracticeIndexPageFactory, make_practice
from practices.models import PracticeDocument


def pdf_with(*lines):
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for number, line in enumerate(lines):
        canvas.drawString(40, 800 - number * 20, line)
    canvas.save()
    return buffer.getvalue()


def upload(title, content, name="factsheet.pdf"):
    return get_document_model().objects.create(title=title, file=SimpleUploadedFile(name, content))


def found(query):
    response = Client().get("/zoeken/", {"q": query})
    return [hit["page"].title for hit in response.context["hits"]]


@pytest.fixture
def practices(site_tree):
    return PracticeIndexPageFactory(parent=site_tree["groningen"])


@pytest.mark.django_db
def test_a_factsheet_uploaded_before_publishing_is_searched_with_its_page(
    practices, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload("Factsheet", pdf_with("Een kwartiermaker begeleidt de wijkteams."))
    assert DocumentText.objects.get(document=document).problem == ""
    page = make_practice(practices, "Aanpak met factsheet")
    page.documents = [PracticeDocument(document=document)]
    page.save_revision().publish()
    assert found("kwartiermaker") == ["Aanpak met factsheet"]


@pytest.mark.django_db
def test_a_replaced_file_is_read_again_and_its_pages_reindexed(practices, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload("Factsheet", pdf_with("Over de kwartiermaker."))
    page = make_practice(practices, "Aanpak met factsheet")
    page.documents = [PracticeDocument(document=document)]
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        document.file = SimpleUploadedFile("factsheet-2.pdf", pdf_with("Over de ervaringsdeskundige."))
        document.file_hash = ""
        document.save()
    assert found("ervaringsdeskundige") == ["Aanpak met factsheet"]
    assert found("kwartiermaker") == []


@pytest.mark.django_db
def test_a_damaged_pdf_adds_no_text_and_breaks_nothing(practices, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload("Kapot", b"%PDF-1.4 this is not really a PDF")
    stored = DocumentText.objects.get(document=document)
    assert stored.text == "" and stored.problem
    page = make_practice(practices, "Aanpak met kapotte bijlage")
    page.documents = [PracticeDocument(document=document)]
    page.save_revision().publish()
    assert found("kapotte") == ["Aanpak met kapotte bijlage"]


@pytest.mark.django_db
def test_what_is_read_from_which_files(practices, monkeypatch):
    text = upload("Tekst", "Gewone tekst, met een ë.\n".encode() * 3, name="notities.txt")
    assert read_text(text) == ("Gewone tekst, met een ë.\n" * 3, "")
    sheet = upload("Rekenblad", b"PK\x03\x04", name="cijfers.xlsx")
    assert read_text(sheet) == ("", "no text is read from .xlsx files")
    long = upload("Lang", pdf_with(*["woord " * 15] * 40), name="lang.pdf")
    assert len(read_text(long)[0]) > 1000
    monkeypatch.setattr("core.documents.MAX_CHARACTERS", 100)
    assert len(read_text(long)[0]) == 100  # a long document is cut, not refused
