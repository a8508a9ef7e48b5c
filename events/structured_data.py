"""schema.org Event as JSON-LD, for search engines and calendars that read it."""

import json

from django.utils import timezone
from django.utils.safestring import mark_safe

from core.base_url import absolute

SCHEMA = "https://schema.org/"
MODES = {
    "locatie": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "hybride": "MixedEventAttendanceMode",
}
STATUSES = {"gepland": "EventScheduled", "uitgesteld": "EventPostponed", "geannuleerd": "EventCancelled"}


def _place(page):
    return {
        "@type": "Place",
        "name": page.venue_name or page.venue_city,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.venue_address,
            "postalCode": page.venue_postcode,
            "addressLocality": page.venue_city,
            "addressCountry": "NL",
        },
    }


def event_data(page, request):
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventAttendanceMode": SCHEMA + MODES[page.mode],
        "eventStatus": SCHEMA + STATUSES[page.status],
        "inLanguage": page.locale.language_code,
        "offers": {
            "@type": "Offer",
            "price": f"{page.price:.2f}",
            "priceCurrency": "EUR",
            "url": url,
            "availability": SCHEMA + "InStock",
        },
    }
    locations = []
    if page.mode in ("locatie", "hybride"):
        locations.append(_place(page))
    if page.mode in ("online", "hybride"):
        locations.append({"@type": "VirtualLocation", "name": page.online_platform, "url": url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    if page.werkplaats:
        data["organizer"] = {
            "@type": "Organization",
            "name": page.werkplaats.title,
            "url": page.werkplaats.get_full_url(request),
        }
    performers = [{"@type": "Person", "name": speaker.name} for speaker in page.speakers.all()]
    if performers:
        data["performer"] = performers
    if page.listing_image_id:
        rendition = page.listing_image.get_rendition("fill-1200x630")
        data["image"] = absolute(rendition.url)
    return data


def json_ld(data):
    """A <script> element; "<" is escaped so no value can close it early."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (escaped above)
