"""RFC 5545 calendars of events, built with the icalendar library.

Each event's UID is its translation key (see EventPage.ical_uid), so a calendar that
subscribed to a feed updates an event in place when it changes; SEQUENCE grows with every
published revision (it is the id of the live revision), and a cancelled event stays in the feed with STATUS:CANCELLED so
calendars remove it rather than keep a stale entry.
"""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event, vText

PRODID = "-//Wiel//Bijeenkomsten van de werkplaatsen jeugd//NL"
STATUS = {"gepland": "CONFIRMED", "uitgesteld": "TENTATIVE", "geannuleerd": "CANCELLED"}


def location(page):
    if page.mode == page.Mode.ONLINE:
        return page.online_platform or "Online"
    parts = [page.venue_name, page.venue_address, " ".join(filter(None, [page.venue_postcode, page.venue_city]))]
    text = ", ".join(part for part in parts if part)
    if page.mode == page.Mode.HYBRID and page.online_platform:
        text += f" / {page.online_platform}"
    return text


def vevent(page, request):
    event = Event()
    event.add("uid", page.ical_uid)
    event.add("dtstamp", (page.last_published_at or timezone.now()).astimezone(datetime.UTC))
    event.add("sequence", page.ical_sequence)
    event.add("dtstart", timezone.localtime(page.start))
    event.add("dtend", timezone.localtime(page.end))
    event.add("summary", page.title)
    if page.summary:
        event.add("description", page.summary)
    where = location(page)
    if where:
        event.add("location", vText(where))
    event.add("url", page.get_full_url(request))
    event.add("status", STATUS.get(page.status, "CONFIRMED"))
    if page.werkplaats and page.werkplaats.contact_email:
        event.add("organizer", f"mailto:{page.werkplaats.contact_email}", parameters={"CN": page.werkplaats.title})
    for theme in page.themes.all():
        event.add("categories", theme.label)
    return event


def calendar(pages, request, name):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone.get_current_timezone_name())
    for page in pages:
        cal.add_component(vevent(page, request))
    cal.add_missing_timezones()
    return cal.to_ical()
