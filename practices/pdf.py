"""A practice as a PDF: the factsheet, an accessible PDF/UA-1 document (``core.pdf``) made from the
same context as the web page, so search and screen readers read it as they read the page."""

from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import render_pdf


def render_practice_pdf(page, context, request):
    """The PDF bytes of ``page``, from the same context the web page uses."""
    approach = [block.value.source for block in page.approach if block.block_type == "paragraph"]
    html = render_to_string(
        "practices/factsheet.html",
        {
            **context,
            "page": page,
            "approach": approach,
            "pdf_language": page.locale.language_code,
            "today": timezone.localdate(),
            "url": page.get_full_url(request),
        },
    )
    return render_pdf(html)
