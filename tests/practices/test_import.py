"""import_practices: a good file, each kind of bad file (nothing imported), and re-import."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from core import importing as core_importing
from practices.models import PracticePage

GOOD = {
    "slug": "wijkacademie",
    "werkplaats": "groningen",
    "title": "Wijkacademie voor ouders",
    "summary": "Ouders leren van elkaar in de wijk.",
    "aim": "Ouders versterken elkaar.",
    "themes": ["informele-steun"],
    "age_min": 4,
    "age_max": 18,
    "approach": ["Ouders kiezen zelf de onderwerpen.", "<p>Een <b>wijkprofessional</b> helpt op gang.</p>"],
    "working_elements": [{"name": "Eigenaarschap", "explanation": "Ouders organiseren."}],
    "evidence_level": "goed-beschreven",
    "knowledge": {"lived_experience": "Ouders voelen zich gezien."},
    "sources": [{"knowledge": "ervaring", "citation": "Gesprekken met ouders", "url": ""}],
    "cost_band": 1,
    "needs": {"staff": "Een wijkprofessional."},
    "partners_needed": ["wijkteam"],
    "contact": {"name": "M. Kennis", "email": "info@example.org"},
    "last_reviewed": "2025-01-31",
    "implementations": [
        {"municipalities": ["Groningen", "pekela"], "started": 2019, "outcome": "voortgezet", "partners": ["wijkteam"]},
        {
            "municipalities": ["Leiden"],
            "started": 2021,
            "ended": 2023,
            "outcome": "gestopt",
            "why_not_carried_over": "De trekker vertrok.",
        },
    ],
}


def write(tmp_path, content, name="practices.json"):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def run(path, *args):
    call_command("import_practices", path, *args, stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.django_db
def test_good_file_imports_and_reimport_changes_nothing(practice_db, tmp_path):
    path = write(tmp_path, {"practices": [GOOD]})
    run(path)
    page = PracticePage.objects.get(slug="wijkacademie")
    assert page.live and page.get_parent().specific == practice_db["groningen"]
    assert [block.value.source for block in page.approach] == [
        "<p>Ouders kiezen zelf de onderwerpen.</p>",
        "<p>Een <b>wijkprofessional</b> helpt op gang.</p>",
    ]
    implementations = list(page.implementations.all())
    assert [sorted(m.name for m in item.municipalities.all()) for item in implementations] == [
        ["Groningen", "Pekela"],
        ["Leiden"],
    ]
    assert implementations[1].why_not_carried_over == "De trekker vertrok."
    # The file's order is kept as each child's sort_order, so every database lists them alike.
    assert [item.sort_order for item in implementations] == [0, 1]
    assert [item.sort_order for item in page.working_elements.all()] == list(range(page.working_elements.count()))
    revisions = page.revisions.count()

    run(path)  # idempotent by slug
    assert PracticePage.objects.filter(slug="wijkacademie").count() == 1
    assert page.revisions.count() == revisions

    first_key = page.implementations.first().translation_key
    changed = dict(GOOD, title="Wijkacademie", implementations=GOOD["implementations"][:1])
    run(write(tmp_path, [changed]))
    page.refresh_from_db()
    assert page.title == "Wijkacademie"
    assert page.implementations.count() == 1
    assert page.implementations.get().translation_key == first_key  # translations stay linked
    assert page.revisions.count() == revisions + 1


@pytest.mark.django_db
def test_export_reads_back_unchanged(practice_db, tmp_path, capsys):
    run(write(tmp_path, [GOOD]))
    call_command("export_practices", "--werkplaats", "groningen")
    exported = json.loads(capsys.readouterr().out)
    record = next(item for item in exported["practices"] if item["slug"] == "wijkacademie")
    assert record["implementations"][0]["municipalities"] == ["Groningen", "Pekela"]
    revisions = PracticePage.objects.get(slug="wijkacademie").revisions.count()
    run(write(tmp_path, exported, "export.json"))
    assert PracticePage.objects.get(slug="wijkacademie").revisions.count() == revisions


BAD_CASES = [
    ("{ not json", "not valid JSON (line 1"),
    ({"practices": "nope"}, "expected a list of practice records"),
    ([dict(GOOD, werkplaats="atlantis")], "record 1 (wijkacademie), werkplaats: no werkplaats with slug 'atlantis'"),
    ([dict(GOOD, title="")], "record 1 (wijkacademie), title: is required"),
    ([dict(GOOD, age_min=16, age_max=12)], "record 1 (wijkacademie), age_max: The upper age must not be below"),
    ([dict(GOOD, last_reviewed="31-01-2025")], "last_reviewed: '31-01-2025' is not a date (YYYY-MM-DD)"),
    ([dict(GOOD, themes=["onbekend"])], "themes: unknown theme 'onbekend'"),
    ([dict(GOOD, evidence_level="super")], "evidence_level: Value 'super' is not a valid choice."),
    ([dict(GOOD, contact={"email": "geen adres"})], "contact.email: Enter a valid email address."),
    ([dict(GOOD, cost_band=9)], "cost_band: Value 9 is not a valid choice."),
    (
        [dict(GOOD, implementations=[{"municipalities": ["Atlantis"], "started": 2020}])],
        "implementations[0].municipalities: unknown municipality 'Atlantis'",
    ),
    (
        [dict(GOOD, implementations=[{"municipalities": ["Den Hag"], "started": 2020}])],
        "implementations[0].municipalities: unknown municipality 'Den Hag' (did you mean: 's-Gravenhage",
    ),
    (
        [dict(GOOD, implementations=[{"municipalities": ["Bergen"], "started": 2020}])],
        "unknown municipality 'Bergen' (did you mean: Bergen (L.), Bergen (NH.)?)",
    ),
    (
        [dict(GOOD, implementations=[{"municipalities": ["Leiden"], "started": 2020, "density": -4}])],
        "implementations[0].density:",
    ),
    (
        [dict(GOOD, implementations=[{"municipalities": ["Leiden"], "started": 2020, "outcome": "gestopt"}])],
        "implementations[0].why_not_carried_over: Say why it stopped",
    ),
    ([GOOD, dict(GOOD, title="Dubbel")], "record 2 (wijkacademie), slug: appears more than once in this file"),
    ([dict(GOOD, slug="aanpak-e")], "record 1 (aanpak-e), werkplaats: this slug belongs to a practice of"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("content", "message"), BAD_CASES)
def test_bad_file_imports_nothing_and_names_record_and_field(practice_db, tmp_path, content, message):
    before = PracticePage.objects.count()
    errors = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_practices", write(tmp_path, content), stderr=errors, language="en")
    assert message in errors.getvalue() + str(error.value)
    assert PracticePage.objects.count() == before


@pytest.mark.django_db
def test_municipalities_by_the_names_people_use_codes_and_former_names(practice_db, tmp_path):
    record = dict(
        GOOD,
        implementations=[
            {"municipalities": ["Den Haag", "GM0546", "Weesp"], "started": 2019, "population": 8000, "density": 900},
        ],
    )
    run(write(tmp_path, [record]))
    implementation = PracticePage.objects.get(slug="wijkacademie").implementations.get()
    assert sorted(m.name for m in implementation.municipalities.all()) == ["'s-Gravenhage", "Amsterdam", "Leiden"]
    assert (implementation.population, implementation.density) == (8000, 900)


@pytest.mark.django_db
def test_a_valid_record_beside_a_bad_one_is_not_imported(practice_db, tmp_path):
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 error in .*nothing was imported"):
        call_command(
            "import_practices", write(tmp_path, [GOOD, dict(GOOD, slug="tweede", aim="")]), stderr=errors, language="en"
        )
    assert errors.getvalue().strip() == "record 2 (tweede), aim: is required"
    assert not PracticePage.objects.filter(slug__in=["wijkacademie", "tweede"]).exists()


@pytest.mark.django_db
def test_messages_speak_the_sites_language_unless_asked_otherwise(practice_db, tmp_path, settings):
    """The operator reads Dutch (LANGUAGE_CODE); field names stay as the format writes them."""
    settings.LANGUAGE_CODE = "nl"
    bad = dict(
        GOOD,
        slug="tweede",
        aim="",
        age_min="vier",
        contact={"email": "geen adres"},
        implementations=[{"municipalities": ["Groningn"], "outcome": "voortgezet"}],
    )
    errors, said = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="fouten in .*er is niets geïmporteerd"):
        call_command("import_practices", write(tmp_path, [bad]), stderr=errors)
    lines = errors.getvalue().splitlines()
    assert "record 1 (tweede), aim: is verplicht" in lines
    assert "record 1 (tweede), age_min: 'vier' is geen geheel getal" in lines
    assert "record 1 (tweede), contact.email: Voer een geldig e-mailadres in." in lines  # Django's own, in Dutch
    assert any(
        line.startswith("record 1 (tweede), implementations[0].municipalities: onbekende gemeente 'Groningn'")
        for line in lines
    )
    call_command("import_practices", write(tmp_path, [GOOD], "goed.json"), stdout=said)
    assert said.getvalue().strip() == "1 nieuw, 0 bijgewerkt, 0 ongewijzigd"
    english = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_practices", write(tmp_path, [bad]), stderr=english, language="en")
    assert "record 1 (tweede), aim: is required" in english.getvalue().splitlines()


@pytest.mark.django_db
def test_dry_run_and_draft(practice_db, tmp_path):
    path = write(tmp_path, [GOOD])
    run(path, "--dry-run")
    assert not PracticePage.objects.filter(slug="wijkacademie").exists()
    run(path, "--draft")
    assert not PracticePage.objects.get(slug="wijkacademie").live


HOSTILE_HTML = (
    '<p>Veilig <b>vet</b> en <a href="https://example.org" onclick="steel()">een link</a>.</p>'
    "<script>alert(1)</script><img src=x onerror=alert(2)><iframe src=https://evil.example></iframe>"
    '<p><a href="javascript:alert(3)">klik</a> <a href="JaVa&#x09;script:alert(4)">hier</a></p><style>p{}</style>'
)


@pytest.mark.django_db
def test_rich_text_from_a_file_passes_wagtails_whitelist(practice_db, tmp_path):
    record = dict(GOOD, approach=[HOSTILE_HTML], knowledge={"research": HOSTILE_HTML}, evidence_summary=HOSTILE_HTML)
    run(write(tmp_path, [record]))
    page = PracticePage.objects.get(slug="wijkacademie")
    for html in [page.approach[0].value.source, page.research_knowledge, page.evidence_summary]:
        assert "<b>vet</b>" in html and '<a href="https://example.org">een link</a>' in html  # safe HTML kept
        for hostile in ["<script", "alert(1)", "onerror", "onclick", "javascript", "<iframe", "<img", "<style"]:
            assert hostile not in html.lower(), (hostile, html)
    rendered = Client().get(page.url).content.decode()
    assert "alert(" not in rendered and "javascript:" not in rendered.lower()


MALFORMED = [
    (dict(GOOD, title=123), "record 1 (wijkacademie), title: expected text, not 123"),
    (dict(GOOD, age_min="12"), "record 1 (wijkacademie), age_min: '12' is not a whole number"),
    (dict(GOOD, approach={"a": 1}), "record 1 (wijkacademie), approach: expected a list of texts"),
    (dict(GOOD, aim="Ouders\x00 versterken"), "record 1 (wijkacademie), aim: contains control characters"),
    (dict(GOOD, summary="x" * 401), "record 1 (wijkacademie), summary: is 401 characters long; at most 400"),
    (dict(GOOD, cost_notes="y" * 20_001), "record 1 (wijkacademie), cost_notes: is 20,001 characters long"),
    (dict(GOOD, sumary="typo"), "record 1 (wijkacademie), sumary: is not a field of the import format"),
    (dict(GOOD, knowledge=[["nested"]]), "record 1 (wijkacademie), knowledge: expected an object"),
    (
        dict(GOOD, implementations=[{"municipalities": "Leiden", "started": 2020}]),
        "implementations[0].municipalities: expected a list of texts",
    ),
    (
        dict(GOOD, working_elements=[{"name": "n" * 201}]),
        "working_elements[0].name: is 201 characters long; at most 200 are allowed",
    ),
    (
        dict(GOOD, implementations=[{"municipalities": ["Leiden"], "started": 2020, "partners_note": "p" * 401}]),
        "implementations[0].partners_note: Ensure this value has at most 400 characters",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("record", "message"), MALFORMED)
def test_a_malformed_value_is_reported_with_record_and_field(practice_db, tmp_path, record, message):
    before = PracticePage.objects.count()
    errors = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import_practices", write(tmp_path, [GOOD | {"slug": "eerste"}, record]), stderr=errors, language="en"
        )
    assert message.replace("record 1", "record 2") in errors.getvalue()
    assert PracticePage.objects.count() == before


@pytest.mark.django_db
def test_files_that_are_no_import_file_are_refused_with_a_message(practice_db, tmp_path, monkeypatch):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(CommandError, match="nested too deeply"):
        call_command("import_practices", str(deep), language="en")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00[")
    with pytest.raises(CommandError, match="not UTF-8|not valid JSON"):
        call_command("import_practices", str(binary), language="en")
    monkeypatch.setattr(core_importing, "MAX_FILE_BYTES", 1000)
    with pytest.raises(CommandError, match="larger than"):
        call_command("import_practices", write(tmp_path, {"practices": [GOOD] * 20}), language="en")
