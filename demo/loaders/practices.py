"""Demo practices: the data in ``demo/data/practices.json``, read by the public importer.

The records are in the format of ``import_practices`` (docs/practice-import.md), so the demo
goes through the same validation as any file an editor imports, and the file can be read and
edited like one. Where a seed text says a practice ran (a municipality, a region, a pilot), that
became an implementation; evidence levels and cost bands are illustrative for the demo, not
the NJi's or anyone's official rating. What the format leaves to editors in the admin is added
here: a one-page factsheet (a generated PDF), the related practices, and the English versions
(``demo/data/practices-en.json``), made through wagtail-localize like an editor's.
"""

import os

from django.core.management import call_command

from demo.utils import DATA, data, generated_pdf, locale, publish, rich, sections, translate
from practices.models import Implementation, PracticeIndexPage, PracticePage, PracticeSource, WorkingElement

RELATED = {
    "jim-jouw-informele-mentor": ["buurtgezinnen", "gezinsbuddy"],
    "buurtgezinnen": ["jim-jouw-informele-mentor", "gezinsbuddy"],
    "ojg-at-school": ["jongerenwerk-op-school", "anders-kijken-naar-thuiszitters"],
    "dialoogtafel": ["ervaringscafe"],
}


def _wrap(text, width=60):
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def _attach_factsheet(page):
    """A one-page factsheet PDF in the werkplaats' collection, once."""
    if page.documents.exists():
        return
    werkplaats = page.werkplaats
    factsheet = generated_pdf(
        f"Factsheet {page.title}",
        [page.title, "", *_wrap(page.summary), "", f"Werkplaats: {werkplaats.title}"],
        werkplaats.collection,
    )
    page.documents = [page.documents.model(document=factsheet, description="Samenvatting op één pagina")]
    publish(page)


def _relate(pages):
    for slug, related in RELATED.items():
        page = pages[slug]
        if page.related_pages.exists():
            continue
        page.related_pages = [page.related_pages.model(target=pages[other]) for other in related]
        publish(page)


def _english_fields(page, record):
    """The page's fields in English from a record of practices-en.json (the import format's names)."""
    fields = {
        name: record[name]
        for name in ("title", "summary", "aim", "cost_notes", "partners_why", "contact_role")
        if record.get(name)
    }
    if "approach" in record:
        fields["approach"] = [("paragraph", rich(text)) for text in record["approach"]]
    if "working_elements" in record:
        fields["working_elements"] = [WorkingElement(**element) for element in record["working_elements"]]
    for key, name in (
        ("research", "research_knowledge"),
        ("professional", "professional_knowledge"),
        ("lived_experience", "lived_experience_knowledge"),
    ):
        if record.get("knowledge", {}).get(key):  # empty in Dutch too: nothing to translate
            fields[name] = rich(record["knowledge"][key])
    for key in ("staff", "training", "time"):
        if record.get("needs", {}).get(key):
            fields[f"{key}_needed"] = record["needs"][key]
    if "sources" in record:  # citations in English; the kind of knowledge and the link stay the source's
        fields["sources"] = [
            PracticeSource(knowledge=source.knowledge, citation=citation, url=source.url)
            for source, citation in zip(page.sources.all(), record["sources"], strict=True)
        ]
    if any(record.get("implementations", [])):  # the texts in English; places, years and outcome stay the source's
        fields["implementations"] = [
            Implementation(**{name: getattr(implementation, name) for name in TEXT_OF_IMPLEMENTATION} | texts)
            for implementation, texts in zip(page.implementations.all(), record["implementations"], strict=True)
        ]
    return fields


TEXT_OF_IMPLEMENTATION = ("adaptations", "partners_note", "why_not_carried_over")


def load(stdout):
    dutch = locale("nl")
    indexes = sections(PracticeIndexPage, "praktijkvoorbeelden")
    english_index = data("site.json")["sections"]["praktijkvoorbeelden"]["en"]
    with open(os.devnull, "w") as quiet:
        call_command("import_practices", str(DATA / "practices.json"), stdout=quiet)
    slugs = [record["slug"] for record in data("practices.json")["practices"]]
    pages = {page.slug: page for page in PracticePage.objects.filter(locale=dutch, slug__in=slugs).specific()}
    for page in pages.values():
        _attach_factsheet(page)
    _relate(pages)
    english = data("practices-en.json")
    for slug, record in english.items():
        page = pages[slug]
        translate(
            indexes[page.werkplaats.slug],
            "en",
            slug=english_index["slug"],
            title=english_index["title"],
            summary=english_index["werkplaats_summary"],
        )
        translate(page, "en", **_english_fields(page, record))
    stdout.write(f"  {len(pages)} practices")
