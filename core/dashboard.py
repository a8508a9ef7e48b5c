"""The "Mijn werkplaats" panel on a werkplaats editor's dashboard: what waits in their werkplaats.

The core lists the werkplaats' drafts (pages not yet published, or with changes not yet
published). Apps add sections of their own from their ``AppConfig.ready`` with
``register_section``, so the core names none of them: the practices whose review is due, the
registrations of coming events. The admin menu's "Pagina's" opens at that werkplaats too
(``start_at_my_werkplaats``).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import PageExplorerMenuItem
from wagtail.models import Page

from .models import WerkplaatsPage

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


def werkplaatsen_of(user):
    """The werkplaatsen (their Dutch pages) whose editor group ``user`` is in."""
    return WerkplaatsPage.objects.filter(editor_group__in=user.groups.all(), locale__language_code="nl").order_by(
        "title"
    )


def panels_for(user):
    """A panel per werkplaats whose editor group ``user`` is in."""
    return [MyWerkplaatsPanel(werkplaats, user) for werkplaats in werkplaatsen_of(user)]


class MyWerkplaatsExplorerMenuItem(MenuItem):
    """The admin menu's "Pagina's", opening at the editor's own werkplaats.

    Wagtail opens the explorer at the nearest page above everything the editor may edit. A
    werkplaats group edits its Dutch and its English section, so that page is the tree's root,
    which it shows with a "not reachable" warning. An editor of one werkplaats starts there instead.
    """

    def __init__(self, item, werkplaats):
        url = reverse("wagtailadmin_explore", args=[werkplaats.pk])
        super().__init__(item.label, url, name=item.name, icon_name=item.icon_name, order=item.order)
        self.werkplaats = werkplaats

    def render_component(self, request):
        return PageExplorerMenuItem(self.name, self.label, self.url, self.werkplaats.pk, icon_name=self.icon_name)


def start_at_my_werkplaats(request, menu_items):
    """``construct_main_menu``: for an editor of exactly one werkplaats who cannot publish (the
    national editors, who may, keep the whole tree)."""
    user = request.user
    if user.is_superuser:
        return
    werkplaatsen = list(werkplaatsen_of(user)[:2])
    if len(werkplaatsen) != 1 or werkplaatsen[0].permissions_for_user(user).can_publish():
        return
    menu_items[:] = [
        MyWerkplaatsExplorerMenuItem(item, werkplaatsen[0]) if item.name == "explorer" else item for item in menu_items
    ]
