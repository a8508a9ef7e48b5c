"""Articles: ``demo/data/articles.json`` through ``import_articles``, English from ``articles-en.json``.

Retrospectives, news and interviews drawn from the seed texts, in our own words. The English
versions are wagtail-localize translations, made as an editor makes them. The file's current news
(dated from ``moves_from``) moves forward with the day the demo is loaded, so it stays recent.
"""

import datetime
import json
import os
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from articles.models import ArticleIndexPage, ArticlePage
from core.importing import LibraryItems, read_stream
from demo.utils import data, locale, publish, sections, sync_translations, translate, weeks_since


def recent(records, dated_from, moves_from, today):
    """The records with every article dated on or after ``moves_from`` moved forward by the whole weeks
    since ``dated_from`` (so it keeps its weekday and never lies ahead): the demo's news stays recent,
    the seeds' retrospectives keep their real dates."""
    shift = datetime.timedelta(weeks=weeks_since(dated_from, today))
    moved = []
    for record in records:
        day = datetime.date.fromisoformat(record["date"])
        if day >= moves_from:
            record = {**record, "date": (day + shift).isoformat()}
        moved.append(record)
    return moved


def load(stdout):
    dutch = locale("nl")
    sections(ArticleIndexPage, "nieuws")
    file = data("articles.json")
    records = recent(
        file["articles"],
        datetime.date.fromisoformat(file["dated_from"]),
        datetime.date.fromisoformat(file["moves_from"]),
        timezone.localdate(),
    )
    # New articles only, through the public import path: a reload leaves what was published as it is.
    new = [record for record in records if not ArticlePage.objects.filter(slug=record["slug"], locale=dutch).exists()]
    if new:
        with tempfile.TemporaryDirectory() as directory, open(os.devnull, "w") as quiet:
            path = Path(directory) / "articles.json"
            path.write_text(json.dumps({"articles": new}, ensure_ascii=False), encoding="utf-8")
            call_command("import_articles", str(path), stdout=quiet)
    body_block = ArticlePage._meta.get_field("body").stream_block
    for slug, english in data("articles-en.json").items():
        article = ArticlePage.objects.get(slug=slug, locale=dutch)
        body, problems = read_stream(body_block, english["body"], "body", LibraryItems(dutch))
        if problems:
            raise ValueError(f"articles-en.json, {slug}: {problems}")
        translate(article, "en", title=english["title"], summary=english["summary"], body=body)
    home = Site.objects.get(is_default_site=True).root_page.specific
    featured = data("site.json")["home"]["nl"]["featured"]
    if not home.featured_items.exists():
        pages = ArticlePage.objects.filter(slug__in=featured, locale=dutch)
        home.featured_items = [home.featured_items.model(page=page) for page in pages]
        publish(home)
        sync_translations(home)  # the English home shows the English versions of the same pages
    stdout.write(f"  {ArticlePage.objects.filter(locale=dutch).count()} articles")
