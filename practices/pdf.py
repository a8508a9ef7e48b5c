"""A practice as a PDF, typeset with ReportLab (real text, so it can be searched and copied)."""

import io
import re
from html import escape, unescape
from html.parser import HTMLParser

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

BLUE = colors.HexColor("#154273")
TINT = colors.HexColor("#e8f1f8")
BLOCK_TAGS = {"p", "li", "h2", "h3", "h4", "blockquote"}


class _TextBlocks(HTMLParser):
    """Rich text to (tag, text) blocks, keeping bold and italic."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self._tag = None
        self._parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._flush()
            self._tag = tag
        elif tag in {"b", "strong"}:
            self._parts.append("<b>")
        elif tag in {"i", "em"}:
            self._parts.append("<i>")
        elif tag == "br":
            self._parts.append("<br/>")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self._flush()
        elif tag in {"b", "strong"}:
            self._parts.append("</b>")
        elif tag in {"i", "em"}:
            self._parts.append("</i>")

    def handle_data(self, data):
        self._parts.append(escape(data))

    def _flush(self):
        text = re.sub(r"\s+", " ", "".join(self._parts)).strip()
        if text and text not in {"<b></b>", "<i></i>"}:
            self.blocks.append((self._tag or "p", text))
        self._parts = []
        self._tag = None

    def close(self):
        super().close()
        self._flush()


def rich_text_blocks(html):
    parser = _TextBlocks()
    parser.feed(html or "")
    parser.close()
    return parser.blocks


class PracticePdf:
    def __init__(self):
        base = getSampleStyleSheet()
        self.body = ParagraphStyle("body", parent=base["BodyText"], fontName="Helvetica", fontSize=10, leading=14)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=11, textColor=colors.grey)
        self.title = ParagraphStyle("title", parent=base["Title"], alignment=0, textColor=BLUE, fontSize=20, leading=24)
        self.h2 = ParagraphStyle("h2", parent=base["Heading2"], textColor=BLUE, fontSize=13, spaceBefore=10)
        self.h3 = ParagraphStyle("h3", parent=base["Heading3"], textColor=BLUE, fontSize=11, spaceBefore=6)
        self.story = []

    def heading(self, text, level=2):
        self.story.append(Paragraph(escape(text), self.h2 if level == 2 else self.h3))

    def text(self, text, style=None):
        if text:
            self.story.append(Paragraph(escape(str(text)).replace("\n", "<br/>"), style or self.body))

    def rich(self, html):
        items = []
        for tag, text in rich_text_blocks(html):
            if tag == "li":
                items.append(ListItem(Paragraph(text, self.body), leftIndent=12))
                continue
            if items:
                self.story.append(ListFlowable(items, bulletType="bullet", start="•"))
                items = []
            style = self.h3 if tag in {"h2", "h3", "h4"} else self.body
            self.story.append(Paragraph(text, style))
        if items:
            self.story.append(ListFlowable(items, bulletType="bullet", start="•"))

    def table(self, rows, widths, header=False):
        cells = [
            [Paragraph(cell if isinstance(cell, str) else escape(str(cell)), self.body) for cell in row] for row in rows
        ]
        table = Table(cells, colWidths=widths, repeatRows=1 if header else 0)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        style.append(("BACKGROUND", (0, 0), (-1, 0), TINT) if header else ("BACKGROUND", (0, 0), (0, -1), TINT))
        table.setStyle(TableStyle(style))
        self.story.append(table)


def _names(items):
    return ", ".join(str(item.label) for item in items) or "-"


def render_practice_pdf(page, context, request):
    """The PDF bytes of ``page``, from the same context the web page uses."""
    pdf = PracticePdf()
    werkplaats = page.werkplaats.title if page.werkplaats else ""
    pdf.story.append(Paragraph(escape(page.title), pdf.title))
    pdf.text(" · ".join(filter(None, [_("Practice example"), werkplaats])), pdf.small)
    pdf.story.append(Spacer(1, 4 * mm))
    pdf.text(page.summary)
    if page.review_due:
        pdf.text(_("Note: this description was last reviewed more than two years ago, or never."), pdf.small)

    facts = [
        [_("Recognition"), escape(str(page.get_evidence_level_display()))],
        [_("Cost band"), escape(str(page.get_cost_band_display() or _("unknown")))],
        [_("Age"), _("%(low)d-%(high)d years") % {"low": page.age_min, "high": page.age_max}],
        [_("Target groups"), escape(_names(page.target_groups.all()))],
        [pgettext("care setting", "Settings"), escape(_names(page.care_settings.all()))],
        [_("Themes"), escape(_names(page.themes.all()))],
        [
            _("Last reviewed"),
            date_format(page.last_reviewed, "j F Y") if page.last_reviewed else "-",
        ],
    ]
    pdf.story.append(Spacer(1, 3 * mm))
    pdf.table(facts, [45 * mm, 125 * mm])

    pdf.heading(_("Aim"))
    pdf.text(page.aim)
    paragraphs = [block.value.source for block in page.approach if block.block_type == "paragraph"]
    if paragraphs:
        pdf.heading(_("Approach"))
        for html in paragraphs:
            pdf.rich(html)
    if context["working_elements"]:
        pdf.heading(_("Working elements"))
        for element in context["working_elements"]:
            pdf.text(f"{element.name}: {element.explanation}" if element.explanation else element.name)

    pdf.heading(_("Evidence"))
    pdf.text(_("Recognition in the NJi/Movisie ladder: %(level)s.") % {"level": page.get_evidence_level_display()})
    if page.databank_url:
        pdf.text(page.databank_url, pdf.small)
    pdf.rich(page.evidence_summary)

    pdf.heading(_("Three sources of knowledge"))
    for key, label, html in context["knowledge"]:
        pdf.heading(str(label), level=3)
        if html:
            pdf.rich(html)
        else:
            pdf.text(_("Not yet described."), pdf.small)
        for source in context["sources"].get(key, []):
            pdf.text(f"– {source.citation}" + (f" ({source.url})" if source.url else ""), pdf.small)

    pdf.heading(_("Costs and what it takes"))
    needs = [
        [_("Cost band"), escape(str(page.get_cost_band_display() or _("unknown")))],
        [_("What the costs cover"), escape(page.cost_notes or "-")],
        [_("Staff"), escape(page.staff_needed or "-")],
        [_("Training"), escape(page.training_needed or "-")],
        [_("Time"), escape(page.time_needed or "-")],
        [_("Partners needed"), escape(_names(page.partners_needed.all()))],
    ]
    pdf.table(needs, [45 * mm, 125 * mm])

    pdf.heading(_("Where it was used"))
    if context["implementations"]:
        rows = [[_("Where"), _("When"), _("Adapted"), _("Outcome")]]
        for implementation in context["implementations"]:
            where = ", ".join(municipality.name for municipality in implementation.municipalities.all())
            outcome = str(implementation.get_outcome_display())
            if implementation.why_not_carried_over:
                outcome += ": " + implementation.why_not_carried_over
            rows.append(
                [escape(where), implementation.period, escape(implementation.adaptations or "-"), escape(outcome)]
            )
        pdf.table(rows, [45 * mm, 20 * mm, 55 * mm, 50 * mm], header=True)
    else:
        pdf.text(_("No implementations have been recorded yet."))

    fit = context.get("fit")
    question = context.get("question")
    if fit and question and question.municipality:
        pdf.heading(_("Fit for %(name)s") % {"name": question.municipality.name})
        pdf.text(str(fit.label).capitalize())
        for reason in fit.reasons:
            pdf.text(f"– {reason.text}")

    if page.contact_name or page.contact_email:
        pdf.heading(_("Contact"))
        pdf.text(", ".join(filter(None, [page.contact_name, page.contact_role, page.contact_email])))
    pdf.story.append(Spacer(1, 6 * mm))
    pdf.text(
        _("From %(url)s, printed on %(date)s.")
        % {"url": page.get_full_url(request), "date": date_format(timezone.localdate(), "j F Y")},
        pdf.small,
    )

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=page.title,
        author=werkplaats or "Wiel",
        subject=unescape(page.summary or ""),
        creator="Wiel",
        lang=page.locale.language_code,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    document.build(pdf.story)
    return buffer.getvalue()
