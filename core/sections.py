"""What one app adds to another app's page, without an import arrow running back up.

A page that hosts sections (a practice, an event, a municipality, a werkplaats) asks for them by a hook name;
each app above it that has something to show there registers a function under that name with
Wagtail's hooks (``@hooks.register(PRACTICE_PAGE)`` in its ``wagtail_hooks.py``). The function
takes the request and the page (or municipality) and returns a ``Section`` (a template and its
context), or None when it has nothing to show. The host renders each in turn
(``components/sections.html``).
"""

from dataclasses import dataclass

from wagtail import hooks

PRACTICE_PAGE = "wiel_practice_page_sections"
EVENT_PAGE = "wiel_event_page_sections"
MUNICIPALITY_PAGE = "wiel_municipality_page_sections"
WERKPLAATS_PAGE = "wiel_werkplaats_page_sections"


@dataclass(frozen=True)
class Section:
    template: str
    context: dict


def sections(name, request, subject):
    """The sections the apps add to ``subject``'s page, in the order their hooks were registered."""
    found = (hook(request, subject) for hook in hooks.get_hooks(name))
    return [section for section in found if section is not None]
