"""The "Mijn werkplaats" panel on a werkplaats editor's dashboard: what waits in their werkplaats.

The core lists the werkplaats' drafts (pages not yet published, or with changes not yet
published). Apps add sections of their own from their ``AppConfig.ready`` with
``register_section``, so the core names none of them: the practices whose review is due, the
registrations of coming events.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page

MAX_ITEMS = 8
_SECTIONS = []


@dataclass
class Item:
    label: str
    url: str
    detail: str = ""


@dataclass
class Section:
    title: str
    empty: str  # what the section says when nothing waits
    items: list = field(default_factory=list)


def register_section(section):
    """``section(werkplaats, user)`` gives a :class:`Section` for the panel (or None to leave it out)."""
    _SECTIONS.append(section)


def drafts(werkplaats, user):
    pages = (
        Page.objects.descendant_of(werkplaats)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .order_by("-latest_revision_created_at")[:MAX_ITEMS]
    )
    return Section(
        _("Drafts"),
        _("No drafts: everything is published."),
        [Item(page.get_admin_display_title(), reverse("wagtailadmin_pages:edit", args=[page.pk])) for page in pages],
    )


class MyWerkplaatsPanel(Component):
    name = "my_werkplaats"
    order = 50
    template_name = "core/admin/my_werkplaats_panel.html"

    def __init__(self, werkplaats, user):
        self.werkplaats, self.user = werkplaats, user

    def get_context_data(self, parent_context=None):
        sections = [drafts(self.werkplaats, self.user)]
        sections += [section for make in _SECTIONS if (section := make(self.werkplaats, self.user))]
        explore = reverse("wagtailadmin_explore", args=[self.werkplaats.pk])
        return {"werkplaats": self.werkplaats, "sections": sections, "explore_url": explore}


def panels_for(user):
    """A panel per werkplaats whose editor group ``user`` is in (its Dutch page)."""
    from .models import WerkplaatsPage

    werkplaatsen = WerkplaatsPage.objects.filter(
        editor_group__in=user.groups.all(), locale__language_code="nl"
    ).order_by("title")
    return [MyWerkplaatsPanel(werkplaats, user) for werkplaats in werkplaatsen]
