"""Import articles from the JSON format of docs/article-import.md (all records or none)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from core.importing import STREAM, TEXT, TEXTS, LibraryItems, PageImporter, stream_data, text, too_long
from core.models import Theme

from .models import ArticleAuthor, ArticleIndexPage, ArticlePage

SHAPE = {
    "slug": TEXT,
    "werkplaats": TEXT,
    "language": TEXT,
    "title": TEXT,
    "date": TEXT,
    "kind": TEXT,
    "summary": TEXT,
    "image": TEXT,
    "themes": TEXTS,
    "authors": [{"name": TEXT, "role": TEXT}],
    "body": STREAM,
}
FIELDS = ("title", "summary", "date", "kind", "listing_image_id")


class ArticleImporter(PageImporter):
    model = ArticlePage
    index_model = ArticleIndexPage
    index_titles = {"nl": ("Nieuws", "nieuws"), "en": ("News", "news")}
    key = "articles"
    shape = SHAPE
    required = ("slug", "title", "date", "body")

    def build(self, number, slug, record, locale, werkplaats, errors):
        page = ArticlePage(
            slug=slug,
            title=text(record.get("title")),
            summary=text(record.get("summary")),
            kind=record.get("kind") or ArticlePage.Kind.NEWS,
        )
        try:
            page.date = datetime.date.fromisoformat(record.get("date") or "")
        except ValueError:
            if record.get("date"):
                errors.add(
                    number, slug, "date", _("%(value)s is not a date (YYYY-MM-DD)") % {"value": repr(record["date"])}
                )
        if record.get("image"):
            page.listing_image_id, problem = LibraryItems(locale).image(record["image"])
            if problem:
                errors.add(number, slug, "image", problem)
        self.check_page(number, slug, page, {"slug", "title", "summary", "kind"}, errors)
        body = self.stream(number, slug, record, "body", locale, errors)
        themes = self.terms(number, slug, record, "themes", Theme, errors)
        authors = []
        for position, item in enumerate(record.get("authors") or []):
            if not text(item.get("name")).strip():
                errors.missing(number, slug, f"authors[{position}].name")
            author = ArticleAuthor(name=text(item.get("name")), role=text(item.get("role")), sort_order=position)
            for field, message in too_long(author):
                errors.add(number, slug, f"authors[{position}].{field}", message)
            authors.append(author)

        def fill(target):
            for field in FIELDS:
                setattr(target, field, getattr(page, field))
            target.body = body
            target.themes = themes
            target.authors = [
                ArticleAuthor(name=author.name, role=author.role, sort_order=author.sort_order) for author in authors
            ]
            if target.pk is None and page.date and page.date <= timezone.localdate():
                # Published on its date, as the record says, not on the day of the import.
                target.first_published_at = timezone.make_aware(datetime.datetime.combine(page.date, datetime.time(9)))

        return page, fill

    def snapshot(self, page):
        return {
            **{field: getattr(page, field) for field in FIELDS},
            "body": stream_data(page.body),
            "themes": sorted(theme.pk for theme in page.themes.all()),
            "authors": [(author.name, author.role) for author in page.authors.all()],
        }


importer = ArticleImporter()
validate = importer.validate
import_records = importer.import_records
