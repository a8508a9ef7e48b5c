"""The site's own pages (``demo/data/pages.json``): contact, privacy and accessibility statements and
the colophon, in Dutch and English, chosen as the footer's pages (``core.models.SitePages``)."""

from django.utils.html import escape
from wagtail.models import Site

from core.models import ContentPage, SitePages
from demo.utils import create_child, data, translate


def body(sections):
    """One text block per section: its heading, its paragraphs and its list."""
    blocks = []
    for section in sections:
        html = f"<h2>{escape(section['heading'])}</h2>"
        html += "".join(f"<p>{escape(paragraph)}</p>" for paragraph in section["paragraphs"])
        if section.get("items"):
            html += "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in section["items"]) + "</ul>"
        blocks.append(("paragraph", html))
    return blocks


def load(stdout):
    site = Site.objects.get(is_default_site=True)
    chosen = SitePages.for_site(site)
    for record in data("pages.json")["pages"]:
        dutch, english = record["nl"], record["en"]
        page = create_child(
            site.root_page,
            ContentPage(
                title=dutch["title"], slug=dutch["slug"], summary=dutch["summary"], body=body(dutch["sections"])
            ),
        )
        translate(
            page,
            "en",
            title=english["title"],
            slug=english["slug"],
            summary=english["summary"],
            body=body(english["sections"]),
        )
        setattr(chosen, f"{record['role']}_page", page)
    chosen.save()
    stdout.write(f"  {len(data('pages.json')['pages'])} site pages in the footer")
