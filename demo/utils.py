"""Helpers for the demo loaders (``demo/loaders/``): pages, translations, pictures and PDFs.

Everything here is idempotent: run twice, it finds what it made the first time.
"""

import datetime
import hashlib
import io
import json
import os
import random
from pathlib import Path

import polib
from dateutil.easter import easter as dateutil_easter
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from core.models import WerkplaatsPage
from core.permissions import shared_collection

DEMO_PASSWORD_ENV = "WIEL_DEMO_PASSWORD"
DEMO_PASSWORD_DEFAULT = "wiel-demo-2025"

PALETTES = [
    ("#154273", "#8fcae7", "#ffb612"),
    ("#39870c", "#c3dbb6", "#154273"),
    ("#a90061", "#f1c6da", "#154273"),
    ("#01689b", "#ffe9b7", "#39870c"),
    ("#275937", "#e8f1f8", "#a90061"),
]


def generated_image(title, alt_text, collection=None, width=1200, height=675):
    """A generated abstract picture (circles on a gradient): ours, free of any licence."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    seed = int(hashlib.sha256(title.encode()).hexdigest(), 16)
    rng = random.Random(seed)
    dark, light, accent = PALETTES[seed % len(PALETTES)]
    picture = PILImage.new("RGB", (width, height), light)
    draw = ImageDraw.Draw(picture)
    for _ in range(14):
        radius = rng.randint(40, 260)
        x, y = rng.randint(0, width), rng.randint(0, height)
        colour = rng.choice([dark, accent, "#ffffff"])
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=colour, width=rng.randint(6, 22))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    filename = f"demo-{seed % 10**8}.jpg"
    return image_model.objects.create(
        title=title,
        description=alt_text,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name=filename),
        collection=collection or shared_collection(),
    )


def generated_pdf(title, lines, collection=None):
    """A one-page PDF document (a factsheet) with real text, so search can read it."""
    from reportlab.lib.colors import HexColor  # noqa: PLC0415 (ReportLab only when the demo draws its factsheet)
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415 (ReportLab only when the demo draws its factsheet)
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415 (ReportLab only when the demo draws its factsheet)

    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)  # invariant: the same bytes on every run
    canvas.setTitle(title)
    width, height = A4
    canvas.setFillColor(HexColor("#154273"))
    canvas.rect(0, height - 80, width, 80, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#ffffff"))
    canvas.setFont("Helvetica-Bold", 20)
    canvas.drawString(40, height - 50, title)
    canvas.setFillColor(HexColor("#1a1a1a"))
    canvas.setFont("Helvetica", 12)
    for number, line in enumerate(lines):
        canvas.drawString(40, height - 120 - number * 18, line)
    canvas.showPage()
    canvas.save()
    upload = SimpleUploadedFile(f"{title.lower().replace(' ', '-')}.pdf", buffer.getvalue(), "application/pdf")
    return document_model.objects.create(title=title, file=upload, collection=collection or shared_collection())


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def publish(page, user=None):
    revision = page.save_revision(user=user, log_action=False)
    revision.publish(user=user, log_action=False)
    page.refresh_from_db()
    return page


def child_by_slug(parent, slug):
    return Page.objects.child_of(parent).filter(slug=slug).first()


def create_child(parent, page):
    """Add ``page`` below ``parent`` and publish it, unless a child with its slug exists."""
    existing = child_by_slug(parent, page.slug)
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    return publish(page)


def translate(page, language_code, **fields):
    """The translation of ``page`` into ``language_code``, made through wagtail-localize.

    The demo translates as an editor does in the admin: a translation record for the
    page, a translated string for every segment wagtail-localize extracts from it, then
    publish. An editor can open the result in the translation editor and sync it, and
    wagtail-localize's progress counts it as translated. ``fields`` holds the English
    values; a field given in English must have the same paragraphs and blocks as the
    Dutch one, so the strings pair up in order. Without a ``slug`` the English slug is
    made from the English title.
    """
    target_locale = locale(language_code)
    existing = page.get_translation_or_none(target_locale)
    if (
        existing
        and Translation.objects.filter(source__object_id=page.translation_key, target_locale=target_locale).exists()
    ):
        return existing.specific
    if "title" in fields and "slug" not in fields:
        fields["slug"] = slugify(fields["title"])
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=target_locale, defaults={"enabled": True}
    )
    translation.import_po(_translated_po(page, source, fields), translation_type="manual")
    return _save_and_publish(page, translation)


def sync_translations(page):
    """Bring a changed page's wagtail-localize translations up to date, as "Sync translated pages" does.

    The strings already translated stay; synchronised fields (such as chosen pages) follow the source.
    """
    source, _created = TranslationSource.update_or_create_from_instance(page)
    for translation in Translation.objects.filter(source=source, enabled=True).select_related("target_locale"):
        _save_and_publish(page, translation)


def translate_inline(page, language_code, field, english):
    """Translate the strings of ``page``'s inline records ``field`` (in page order, as ``english``
    gives them) in its existing translation into ``language_code``, and publish it."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation = Translation.objects.get(source=source, target_locale=locale(language_code))
    pairs = _strings_by_field(extract_segments(page)).get(field, [])
    if len(pairs) != len(english):
        raise ValueError(f"{page.title!r}: {len(english)} English strings for {len(pairs)} Dutch ones in {field!r}")
    po = polib.POFile(wrapwidth=200)
    po.metadata = {"Content-Type": "text/plain; charset=utf-8"}
    for (path, text), translated in zip(pairs, english, strict=True):
        po.append(polib.POEntry(msgid=text, msgctxt=path, msgstr=translated))
    translation.import_po(po, translation_type="manual")
    return _save_and_publish(page, translation)


def _save_and_publish(page, translation):
    """Write the translation to its page and publish it now (wagtail-localize itself would publish on commit)."""
    translation.save_target(publish=False)
    target = page.get_translation(translation.target_locale)
    target.get_latest_revision().publish(log_action=False)
    return target.specific


def _translated_po(page, source, fields):
    """A PO file of the source's strings with the English of ``fields`` as msgstr."""
    translated = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(translated, name, value)
        field = translated._meta.get_field(name)
        if isinstance(field, StreamField):
            field.get_prep_value(getattr(translated, name))  # gives new blocks their ids, as saving does
    dutch = _strings_by_field(extract_segments(page))
    english = _strings_by_field(extract_segments(translated))
    po = polib.POFile(wrapwidth=200)
    po.metadata = {"Content-Type": "text/plain; charset=utf-8"}
    for name in fields:
        pairs = dutch.get(name, [])
        if len(pairs) != len(english.get(name, [])):
            raise ValueError(
                f"{page.title!r}: the English {name!r} has {len(english.get(name, []))} strings "
                f"where the Dutch has {len(pairs)}; give it the same paragraphs and blocks."
            )
        for (path, text), (_path, translated_text) in zip(pairs, english.get(name, []), strict=True):
            po.append(polib.POEntry(msgid=text, msgctxt=path, msgstr=translated_text))
    return po


def _strings_by_field(segments):
    """The string segments of ``segments`` as (path, text) pairs per field, in page order."""
    by_field = {}
    for segment in segments:
        if isinstance(segment, StringSegmentValue):
            by_field.setdefault(segment.path.split(".")[0], []).append((segment.path, segment.string.data))
    return by_field


def rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def demo_password():
    """The password of the demo accounts: WIEL_DEMO_PASSWORD, or the one the README gives."""
    return os.environ.get(DEMO_PASSWORD_ENV, DEMO_PASSWORD_DEFAULT)


def dutch_public_holidays(year):
    """The Dutch public holidays of ``year`` (Koningsdag moves to the 26th when the 27th is a Sunday)."""
    easter = dateutil_easter(year)
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day -= datetime.timedelta(days=1)
    return {
        datetime.date(year, 1, 1),
        easter - datetime.timedelta(days=2),  # Goede Vrijdag
        easter,
        easter + datetime.timedelta(days=1),
        kings_day,
        datetime.date(year, 5, 5),  # Bevrijdingsdag
        easter + datetime.timedelta(days=39),  # Hemelvaartsdag
        easter + datetime.timedelta(days=49),
        easter + datetime.timedelta(days=50),  # Pinksteren
        datetime.date(year, 12, 25),
        datetime.date(year, 12, 26),
    }


def weeks_since(dated_from, today):
    """Whole weeks from the day a demo file was dated to ``today``: how far its current items move."""
    return max(0, (today - dated_from).days) // 7


def working_day(day):
    """``day``, or the first weekday after it that is no Dutch public holiday."""
    while day.weekday() >= 5 or day in dutch_public_holidays(day.year):
        day += datetime.timedelta(days=1)
    return day


# January to December.
SEASONS = (
    "winter",
    "winter",
    "voorjaar",
    "voorjaar",
    "voorjaar",
    "zomer",
    "zomer",
    "zomer",
    "najaar",
    "najaar",
    "najaar",
    "winter",
)


def season(day):
    """The Dutch name of the season ``day`` falls in (by month)."""
    return SEASONS[day.month - 1]


DATA = Path(__file__).resolve().parent / "data"


def data(name):
    """The demo data file ``demo/data/<name>``, read as JSON."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def section(parent, model, key, werkplaats=None, in_menu=True, **extra):
    """The overview ``key`` of ``demo/data/site.json`` below ``parent``, in Dutch, with its English
    translation when it is national or its werkplaats has one; a national one is in the main menu
    when ``in_menu``."""
    texts = data("site.json")["sections"][key]
    dutch = texts["nl"]
    summary = dutch["werkplaats_summary"].format(werkplaats=werkplaats.title) if werkplaats else dutch["summary"]
    fields = {"title": dutch["title"], "slug": dutch["slug"], "summary": summary, **extra}
    if "intro" in dutch:
        fields["intro"] = rich(*dutch["intro"])
    page = create_child(parent, model(show_in_menus=in_menu and werkplaats is None, **fields))
    english = texts["en"]
    if werkplaats is None:
        extra_en = {"intro": rich(*english["intro"])} if "intro" in fields else {}
        translate(page, "en", slug=english["slug"], title=english["title"], summary=english["summary"], **extra_en)
    elif "werkplaats_summary" in english and _translated(werkplaats, "en"):
        extra_en = {"intro": rich(*english["intro"])} if "intro" in fields else {}
        translate(
            page, "en", slug=english["slug"], title=english["title"], summary=english["werkplaats_summary"], **extra_en
        )
    return page


def _translated(page, language_code):
    """Has ``page`` a translation of its own in ``language_code`` (not an alias still in the source's words)?"""
    version = page.get_translation_or_none(locale(language_code))
    return version is not None and version.alias_of_id is None


def sections(model, key, in_menu=True):
    """The overview ``key`` nationally and below every Dutch werkplaats: {werkplaats slug: overview}."""
    home = Site.objects.get(is_default_site=True).root_page
    section(home, model, key, in_menu=in_menu)
    werkplaatsen = WerkplaatsPage.objects.filter(locale=locale("nl"))
    return {werkplaats.slug: section(werkplaats, model, key, werkplaats=werkplaats) for werkplaats in werkplaatsen}
