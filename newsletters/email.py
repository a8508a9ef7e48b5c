"""The e-mail of an issue: HTML that survives real mail clients, a plain-text part, and headers.

An issue is rendered once per *variant* (everyone, or with ``personalise`` once per set of
themes a reader chose), with markers where each reader's own details go. Building one reader's
message is then a few string replacements, which keeps a worker well above 300 messages a second.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Page

from core.base_url import absolute
from core.images import prefetch_listing_images
from core.models import WerkplaatsPage
from geography.models import Municipality

from .models import NewsletterIndexPage
from .subscription import sign_preferences, sign_unsubscribe

EMAIL_RENDITION = "fill-560x315"
GREETING, PREFERENCES, UNSUBSCRIBE = "[[wiel:greeting]]", "[[wiel:preferences]]", "[[wiel:unsubscribe]]"
READER_SLOT = "wiel-token"
# Placeholders for each reader's details in a message serialised once (see IssueRenderer.wire).
SLOTS = {
    "to": "wiel-reader@wiel.invalid",
    "greeting": "[[wiel:slot:greeting]]",
    "greeting_html": "[[wiel:slot:greeting-html]]",
    "preferences": "wiel-slot-preferences",
    "unsubscribe": "wiel-slot-unsubscribe",
    "delivery_id": "wiel-slot-delivery",
}  # where each reader's signed token goes in a link


@dataclass
class Item:
    title: str
    summary: str
    url: str
    date: object = None
    image_url: str = ""  # absolute, for the e-mail
    image_path: str = ""  # the same image on the site's own origin, for the web version (and its CSP)
    image_alt: str = ""
    theme_ids: frozenset = field(default_factory=frozenset)
    province_ids: frozenset = field(default_factory=frozenset)  # empty: national, of interest everywhere

    def matches(self, theme_ids, province_ids):
        on_theme = not theme_ids or self.theme_ids & theme_ids
        in_region = not province_ids or not self.province_ids or self.province_ids & province_ids
        return bool(on_theme and in_region)


@dataclass
class Section:
    kind: str
    heading: str
    intro: str = ""
    text: str = ""
    items: list = field(default_factory=list)

    def for_reader(self, theme_ids, province_ids):
        """The section as a reader with these interests sees it (None when nothing in it matches)."""
        if self.kind == "text":
            return self
        items = [item for item in self.items if item.matches(theme_ids, province_ids)]
        return Section(self.kind, self.heading, self.intro, self.text, items) if items else None


@dataclass
class Recipient:
    subscriber_id: int
    email: str
    name: str = ""
    theme_ids: frozenset = field(default_factory=frozenset)
    delivery_id: int = 0
    province_ids: frozenset = field(default_factory=frozenset)

    @property
    def interests(self):
        return (self.theme_ids, self.province_ids)


def page_url(page):
    """The page's address on the site, or "" for a page no site serves."""
    path = page.get_url()
    return absolute(path) if path else ""


def _item_date(page):
    if hasattr(page, "start"):
        return page.start
    return getattr(page, "date", None) or page.first_published_at


class IssueRenderer:
    """Renders one issue for many readers; build it once per mailing (or per preview)."""

    def __init__(self, issue):
        self.issue = issue
        self.newsletter = issue.newsletter
        self.sections = self._sections()
        self.archive_url = page_url(issue) if issue.pk else ""
        self._variants = {}
        self._wire = {}

    def _sections(self):
        blocks = list(self.issue.body)
        ids = {page.pk for block in blocks if block.block_type != "text" for page in block.value["pages"] if page}
        pages = prefetch_listing_images(Page.objects.filter(pk__in=ids).live().specific(), EMAIL_RENDITION)
        for model in {type(page) for page in pages}:  # one query per page type, not per page
            prefetch_related_objects([page for page in pages if type(page) is model], "themes")
        pages = {page.pk: page for page in pages}
        sections = []
        for block in blocks:
            if block.block_type == "text":
                sections.append(Section("text", block.value["heading"], text=block.value["text"].source))
                continue
            items = [self._item(pages[page.pk]) for page in block.value["pages"] if page and page.pk in pages]
            if items:
                sections.append(Section(block.block_type, block.value["heading"], block.value["intro"], items=items))
        return sections

    def _item(self, page):
        item = Item(
            title=page.title,
            summary=page.summary,
            url=page_url(page),
            date=_item_date(page),
            theme_ids=frozenset(theme.pk for theme in page.themes.all()),
            province_ids=self._provinces(page),
        )
        if page.listing_image:
            item.image_path = page.listing_image.get_rendition(EMAIL_RENDITION).url
            item.image_url = absolute(item.image_path)
            item.image_alt = page.listing_image.default_alt_text
        return item

    def _provinces(self, page):
        """Where a page is about: its werkplaats' provinces and, for a practice, where it was used."""
        provinces = set()
        if getattr(page, "werkplaats_id", None):
            provinces |= self._werkplaats_provinces.get(page.werkplaats_id, set())
        if hasattr(page, "implementations"):
            used = Municipality.objects.filter(practice_implementations__page=page).values_list(
                "province_id", flat=True
            )
            provinces |= set(used)
        return frozenset(provinces)

    @cached_property
    def _werkplaats_provinces(self):
        provinces = {}
        for werkplaats_id, province_id in WerkplaatsPage.provinces.through.objects.values_list(
            "werkplaatspage_id", "province_id"
        ):
            provinces.setdefault(werkplaats_id, set()).add(province_id)
        return provinces

    @cached_property
    def language(self):
        """The issue's language: its text, the interface words around it and the greeting."""
        return self.issue.locale.language_code if self.issue.locale_id else settings.LANGUAGE_CODE

    def key(self, interests):
        """Readers share a variant unless the issue is personalised."""
        return interests if self.issue.personalise else (frozenset(), frozenset())

    def variant(self, interests=(frozenset(), frozenset())):
        """(html, text) with markers for the reader's own details."""
        key = self.key(interests)
        if key not in self._variants:
            sections = [section.for_reader(*key) for section in self.sections]
            context = {
                "issue": self.issue,
                "newsletter": self.newsletter,
                "sections": [section for section in sections if section],
                "intro": self.issue.intro,
                "archive_url": self.archive_url,
                "greeting": GREETING,
                "preferences_url": PREFERENCES,
                "unsubscribe_url": UNSUBSCRIBE,
            }
            with override(self.language):
                self._variants[key] = (
                    render_to_string("newsletters/email/issue.html", context),
                    render_to_string("newsletters/email/issue.txt", context),
                )
        return self._variants[key]

    def personal(self, recipient):
        """The reader's own greeting and links."""
        with override(self.language):
            greeting = _("Dear %(name)s,") % {"name": recipient.name} if recipient.name else _("Dear reader,")
        preferences = self._links["preferences"].replace(
            READER_SLOT, sign_preferences(recipient.subscriber_id, recipient.email)
        )
        unsubscribe = self._links["unsubscribe"].replace(
            READER_SLOT, sign_unsubscribe(recipient.subscriber_id, recipient.email, self.newsletter.pk)
        )
        return greeting, preferences, unsubscribe

    @cached_property
    def _links(self):
        """The preference centre and one-click unsubscribe URLs, with READER_SLOT for the reader's token."""
        index = NewsletterIndexPage.objects.live().filter(locale__language_code="nl").first()
        home = page_url(index) if index else ""
        return {
            "preferences": home + index.reverse_subpage("preferences", args=[READER_SLOT]) if home else absolute("/"),
            "unsubscribe": absolute(reverse("newsletter_unsubscribe", args=[READER_SLOT])),
        }

    def build(self, interests, *, to, greeting, greeting_html, preferences, unsubscribe, delivery_id, connection):
        html, text = self.variant(interests)
        for marker, value in ((PREFERENCES, preferences), (UNSUBSCRIBE, unsubscribe)):
            html, text = html.replace(marker, value), text.replace(marker, value)
        html, text = html.replace(GREETING, greeting_html), text.replace(GREETING, greeting)
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{self.newsletter.name} <{self.newsletter.slug}.{settings.NEWSLETTER_LIST_ID_DOMAIN}>",
            "Auto-Submitted": "auto-generated",
            "Precedence": "bulk",
        }
        if delivery_id:
            headers["Message-ID"] = self.message_id(delivery_id)
        message = EmailMultiAlternatives(
            subject=self.issue.title,
            body=text,
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            to=[to],
            headers=headers,
            connection=connection,
        )
        message.attach_alternative(html, "text/html")
        return message

    def message(self, recipient, connection=None):
        """The reader's message, for any of Django's e-mail backends."""
        greeting, preferences, unsubscribe = self.personal(recipient)
        return self.build(
            recipient.interests,
            to=recipient.email,
            greeting=greeting,
            greeting_html=escape(greeting),
            preferences=preferences,
            unsubscribe=unsubscribe,
            delivery_id=recipient.delivery_id,
            connection=connection,
        )

    def message_id(self, delivery_id):
        return f"<issue-{self.issue.pk}.delivery-{delivery_id}@{settings.NEWSLETTER_LIST_ID_DOMAIN}>"

    def wire(self, recipient):
        """The reader's message as the bytes an SMTP server receives, or None where that cannot be done.

        Serialising a MIME message costs more than everything else per reader, so each variant is
        serialised once with slots, and each reader's bytes are that copy with the slots filled in.
        The slots are plain ASCII; if the serialiser encoded a part (very long lines are
        quoted-printable), a slot is no longer found, and if a reader's values are not ASCII (a
        name with accents), the part's label (7bit) would no longer be true: in both cases the
        caller builds the message instead.
        """
        if not recipient.email.isascii() or not recipient.delivery_id:
            return None
        key = self.key(recipient.interests)
        if key not in self._wire:
            template = self.build(key, connection=None, **SLOTS).message().as_bytes(linesep="\r\n")
            self._wire[key] = template if all(slot.encode() in template for slot in SLOTS.values()) else None
        template = self._wire[key]
        if template is None:
            return None
        greeting, preferences, unsubscribe = self.personal(recipient)
        values = {
            "to": recipient.email,
            "greeting": greeting,
            "greeting_html": escape(greeting),
            "preferences": preferences,
            "unsubscribe": unsubscribe,
            "delivery_id": str(recipient.delivery_id),
        }
        if not all(value.isascii() for value in values.values()):
            # A part serialised with ASCII slots is labelled 7bit; a name such as "Chaïma" would put
            # 8-bit bytes in it. Such a reader's message is built whole, labelled as it should be.
            return None
        for name, slot in SLOTS.items():
            template = template.replace(slot.encode(), values[name].encode())
        return template


def preview(issue, request, mode):
    """The admin's preview of the e-mail, for a made-up reader (the editor)."""
    user = request.user
    recipient = Recipient(
        subscriber_id=0, email=getattr(user, "email", "") or "redactie@wiel.example", name=user.get_full_name()
    )
    message = IssueRenderer(issue).message(recipient)
    if mode == "text":
        return HttpResponse(message.body, content_type="text/plain; charset=utf-8")
    response = HttpResponse(message.alternatives[0][0])
    # Wagtail serves a preview through the page's own URL, so the site's policy applies, and it
    # forbids inline styles. An e-mail is made of them (mail clients read nothing else): this one
    # answer allows them, and no script at all (django-csp reads this as its decorators set it).
    response._csp_replace = preview_policy()
    return response


def preview_policy():
    """The e-mail preview's policy: its inline styles, its images (absolute, from the site's
    address or the media host, as sent), and no script."""
    origins = {f"{url.scheme}://{url.netloc}" for url in map(urlsplit, (settings.WIEL_BASE_URL, settings.MEDIA_URL))}
    origins.discard("://")
    return {
        "style-src": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *sorted(origins)],
        "script-src": ["'none'"],
    }
