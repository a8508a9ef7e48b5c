"""Articles: ``demo/data/articles.json`` through ``import_articles``, English from ``articles-en.json``.

Retrospectives, news and interviews drawn from the seed texts, in our own words. The English
versions are wagtail-localize translations, made as an editor makes them.
"""

import os

from django.core.management import call_command
from wagtail.models import Site

from articles.models import ArticleIndexPage, ArticlePage
from core.importing import LibraryItems, read_stream
from demo.utils import DATA, data, locale, publish, sections, sync_translations, translate


def load(stdout):
    dutch = locale("nl")
    sections(ArticleIndexPage, "nieuws")
    with open(os.devnull, "w") as quiet:
        call_command("import_articles", str(DATA / "articles.json"), stdout=quiet)
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
