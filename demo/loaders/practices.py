"""Demo practices: the data in ``demo/data/practices.json``, read by the public importer.

The records are in the format of ``import_practices`` (docs/practice-import.md), so the demo
goes through the same validation as any file an editor imports, and the file can be read and
edited like one. Where a seed text says a practice ran (a municipality, a region, a pilot), that
became an implementation; evidence levels and cost bands are illustrative for the demo, not
the NJi's or anyone's official rating. What the format leaves to editors in the admin is added
here: a one-page factsheet (a generated PDF), the related practices, and the English versions
(``demo/data/practices-en.json``), made through wagtail-localize like an editor's.
"""

import json
import os

from django.conf import settings
from django.core.management import call_command
from wagtail.models import Site

from core.models import WerkplaatsPage
from demo.utils import create_child, generated_pdf, locale, publish, translate
from practices.models import PracticeIndexPage, PracticePage

DATA = settings.BASE_DIR / "demo" / "data"
RELATED = {
    "jim-jouw-informele-mentor": ["buurtgezinnen", "gezinsbuddy"],
    "buurtgezinnen": ["jim-jouw-informele-mentor", "gezinsbuddy"],
    "ojg-at-school": ["jongerenwerk-op-school", "anders-kijken-naar-thuiszitters"],
    "dialoogtafel": ["ervaringscafe"],
}


def _index(parent, title, slug, summary, show_in_menus=False):
    return create_child(parent, PracticeIndexPage(title=title, slug=slug, summary=summary, show_in_menus=show_in_menus))


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


def load(stdout):
    dutch = locale("nl")
    home = Site.objects.get(is_default_site=True).root_page
    national = _index(
        home,
        "Praktijkvoorbeelden",
        "praktijkvoorbeelden",
        "Wat werkplaatsen jeugd in de praktijk beproefden, met waar het werkte en of het bij uw gemeente past.",
        show_in_menus=True,
    )
    translate(
        national,
        "en",
        slug="practices",
        title="Practices",
        summary="What the workplaces tried in practice, where it worked, and whether it fits your municipality.",
    )
    indexes = {}
    for werkplaats in WerkplaatsPage.objects.filter(locale=dutch):
        indexes[werkplaats.slug] = _index(
            werkplaats, "Praktijkvoorbeelden", "praktijkvoorbeelden", f"Praktijkvoorbeelden van {werkplaats.title}."
        )
    with open(os.devnull, "w") as quiet:
        call_command("import_practices", str(DATA / "practices.json"), stdout=quiet)
    slugs = [record["slug"] for record in json.loads((DATA / "practices.json").read_text("utf-8"))["practices"]]
    pages = {page.slug: page for page in PracticePage.objects.filter(locale=dutch, slug__in=slugs).specific()}
    for page in pages.values():
        _attach_factsheet(page)
    _relate(pages)
    english = json.loads((DATA / "practices-en.json").read_text("utf-8"))
    for slug, fields in english.items():
        page = pages[slug]
        translate(
            indexes[page.werkplaats.slug],
            "en",
            slug="practices",
            title="Practices",
            summary="Practices of this workplace.",
        )
        translate(page, "en", **fields)
    stdout.write(f"  {len(pages)} practices")
