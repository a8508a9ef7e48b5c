"""Accessible PDFs (PDF/UA-1: tagged structure, a language, a title, alternative texts) made from
an HTML template with WeasyPrint: one route for every PDF of the site, the practice factsheets
and the annual reports.

The HTML is the site's own, but what it holds may come from editors and importers, so the PDF
fetches nothing: its style is in the document and its pictures (the charts) are ``data:`` URLs.
Any other address (a link in rich text stays a link; an image elsewhere) is never requested.
"""

from weasyprint import HTML
from weasyprint.urls import URLFetcher

VARIANT = "pdf/ua-1"


def render_pdf(html):
    """The PDF/UA-1 bytes of ``html``: a whole document with ``lang``, ``<title>`` and its style."""
    fetcher = URLFetcher(allowed_protocols={"data"}, timeout=1)
    return HTML(string=html, base_url="data:,", url_fetcher=fetcher).write_pdf(pdf_variant=VARIANT)
