"""import_articles: a good file (body blocks through the blocks' own rules), every kind of bad
record reported as record and field with nothing written, and re-import that changes nothing."""

import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from articles.models import ArticlePage
from core.models import Theme

GOOD = {
    "slug": "wijkacademie-terugblik",
    "werkplaats": "groningen",
    "title": "Terugblik: de wijkacademie",
    "date": "2024-03-01",
    "kind": "terugblik",
    "summary": "Ouders leerden van elkaar.",
    "image": "Wijkfoto",
    "themes": ["informele-steun"],
    "authors": [{"name": "M. Kennis", "role": "redactie"}, {"name": "A. Schrijver"}],
    "body": [
        {"type": "paragraph", "value": "Eerste alinea.\n\nTweede alinea."},
        {
            "type": "paragraph",
            "value": '<p>Met <b>nadruk</b><script>alert(1)</script> en <a href="javascript:x">link</a>.</p>',
        },
        {"type": "quote", "value": {"quote": "Samen leren werkt.", "attribution": "Een ouder"}},
        {"type": "callout", "value": {"variant": "tip", "heading": "Tip", "text": "<ul><li>vraag</li></ul>"}},
        {"type": "documents", "value": {"heading": "Downloads", "documents": [{"document": "Factsheet"}]}},
        {"type": "table", "value": {"data": [["Jaar", "Ouders"], ["2024", "12"]], "first_row_is_table_header": True}},
    ],
}


@pytest.fixture
def library(site_tree):
    Theme.objects.get_or_create(slug="informele-steun", defaults={"name": "Informele steun"})
    image = get_image_model().objects.create(title="Wijkfoto", file=get_test_image_file())
    document = get_document_model().objects.create(title="Factsheet", file=get_test_image_file(filename="f.pdf"))
    return {"image": image, "document": document}


def run(tmp_path, records, *args):
    path = tmp_path / "articles.json"
    path.write_text(json.dumps({"articles": records}), encoding="utf-8")
    call_command("import_articles", str(path), *args, stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w"))  # noqa: SIM115


def errors_of(tmp_path, records, capsys):
    with pytest.raises(CommandError, match="nothing was imported"):
        path = tmp_path / "articles.json"
        path.write_text(json.dumps({"articles": records}), encoding="utf-8")
        call_command("import_articles", str(path), language="en")
    return capsys.readouterr().err.splitlines()


@pytest.mark.django_db
def test_a_good_file_imports_every_block_and_a_second_import_changes_nothing(site_tree, library, tmp_path):
    run(tmp_path, [GOOD, {**GOOD, "slug": "landelijk-bericht", "werkplaats": None, "image": None}])
    page = ArticlePage.objects.get(slug="wijkacademie-terugblik")
    assert page.live and page.get_parent().specific == site_tree["groningen_news"]
    assert page.werkplaats == site_tree["groningen"] and page.listing_image == library["image"]
    assert [theme.slug for theme in page.themes.all()] == ["informele-steun"]
    assert [(author.name, author.role) for author in page.authors.all()] == [
        ("M. Kennis", "redactie"),
        ("A. Schrijver", ""),
    ]
    assert [block.block_type for block in page.body] == [
        "paragraph",
        "paragraph",
        "quote",
        "callout",
        "documents",
        "table",
    ]
    assert page.body[0].value.source == "<p>Eerste alinea.</p><p>Tweede alinea.</p>"
    # Through Wagtail's whitelist: no script, no javascript: link.
    assert page.body[1].value.source == "<p>Met <b>nadruk</b> en <a>link</a>.</p>"
    assert page.body[4].value["documents"][0]["document"] == library["document"]
    # Published on the record's date, not on the day of the import.
    assert page.first_published_at.date().isoformat() == "2024-03-01"
    national = ArticlePage.objects.get(slug="landelijk-bericht")
    assert national.get_parent().specific == site_tree["national_news"] and national.werkplaats is None

    revisions = page.revisions.count()
    run(tmp_path, [GOOD])
    assert page.revisions.count() == revisions
    run(tmp_path, [{**GOOD, "title": "Terugblik: de wijkacademie in Groningen"}])
    page.refresh_from_db()
    assert page.title == "Terugblik: de wijkacademie in Groningen" and page.revisions.count() == revisions + 1


@pytest.mark.django_db
def test_every_bad_record_is_reported_by_record_and_field_and_nothing_is_written(site_tree, library, tmp_path, capsys):
    bad_body = [
        {"type": "paragraph", "value": ""},
        {"type": "poll", "value": "?"},
        {"type": "quote", "value": {"quote": "", "colour": "red"}},
        {"type": "documents", "value": {"heading": "Downloads", "documents": [{"document": "Bestaat niet"}]}},
        {"type": "callout", "value": {"variant": "paars", "heading": "x", "text": "y"}},
        "alinea",
    ]
    records = [
        GOOD,
        {**GOOD, "slug": "b", "date": "1 maart", "kind": "column", "image": "Onbekend", "themes": ["geen"]},
        {**GOOD, "slug": "c", "werkplaats": "atlantis", "title": "", "body": bad_body},
        {**GOOD, "slug": "d", "authors": [{"role": "x"}], "summary": "x" * 401, "language": "fr"},
        {**GOOD, "slug": "b"},
        "geen record",
        {**GOOD, "slug": "e", "body": "tekst", "extra": 1},
    ]
    lines = errors_of(tmp_path, records, capsys)
    expected = [
        "record 2 (b), date: '1 maart' is not a date (YYYY-MM-DD)",
        "record 2 (b), image: no image titled 'Onbekend'",
        "record 2 (b), kind: Value 'column' is not a valid choice.",
        "record 2 (b), themes: unknown theme 'geen'",
        "record 3 (c), werkplaats: no werkplaats with slug 'atlantis'",
        "record 3 (c), title: is required",
        "record 3 (c), body[1]: unknown block type 'poll' (one of: ",
        "record 3 (c), body[2].colour: is not a field of this block",
        "record 3 (c), body[3].documents[0].document: no document titled 'Bestaat niet'",
        'record 3 (c), body[5]: expected {"type": ..., "value": ...}',
        "record 4 (d), language: unknown language 'fr'",
        "record 5 (b), slug: appears more than once in this file",
        "record 6, record: expected an object",
        "record 7 (e), body: expected a list of blocks",
        "record 7 (e), extra: is not a field of the import format",
    ]
    for line in expected:
        assert any(found.startswith(line) for found in lines), (line, lines)
    # The blocks' own rules, once the file's shape is right: a choice, a required text.
    lines = errors_of(tmp_path, [{**GOOD, "slug": "f", "body": [bad_body[4]]}], capsys)
    assert lines[0].startswith("record 1 (f), body[0].variant: Select a valid choice."), lines
    quote = {"type": "quote", "value": {"quote": ""}}
    lines = errors_of(tmp_path, [{**GOOD, "slug": "g", "body": [bad_body[0], quote]}], capsys)
    assert lines == [
        "record 1 (g), body[0]: This field is required.",
        "record 1 (g), body[1].quote: This field is required.",
    ]
    lines = errors_of(tmp_path, [{**GOOD, "slug": "h", "authors": [{"role": "x"}], "summary": "x" * 401}], capsys)
    assert "record 1 (h), authors[0].name: is required" in lines
    assert "record 1 (h), summary: is 401 characters long; at most 400 are allowed" in lines
    assert not ArticlePage.objects.filter(slug__in=["wijkacademie-terugblik", "b", "c", "d", "f", "g", "h"]).exists()


@pytest.mark.django_db
def test_a_slug_of_another_werkplaats_is_refused(site_tree, library, tmp_path, capsys):
    run(tmp_path, [GOOD])
    lines = errors_of(tmp_path, [{**GOOD, "werkplaats": "samen"}], capsys)
    assert lines == [
        "record 1 (wijkacademie-terugblik), werkplaats: this slug is taken by the article "
        "'Terugblik: de wijkacademie' of Groningen; choose another slug"
    ]


@pytest.mark.django_db
def test_dry_run_and_draft(site_tree, library, tmp_path):
    run(tmp_path, [GOOD], "--dry-run")
    assert not ArticlePage.objects.filter(slug=GOOD["slug"]).exists()
    run(tmp_path, [GOOD], "--draft")
    page = ArticlePage.objects.get(slug=GOOD["slug"])
    assert not page.live and page.has_unpublished_changes


@pytest.mark.django_db
def test_a_value_of_the_wrong_kind_does_not_hide_the_records_other_problems(site_tree, library, tmp_path, capsys):
    """One run tells everything: a shape problem no longer stops the record's field checks."""
    lines = errors_of(tmp_path, [{**GOOD, "slug": "e", "summary": 5, "date": "gisteren", "themes": ["geen"]}], capsys)
    assert lines == [
        "record 1 (e), summary: expected text, not 5",
        "record 1 (e), date: 'gisteren' is not a date (YYYY-MM-DD)",
        "record 1 (e), themes: unknown theme 'geen'",
    ]
