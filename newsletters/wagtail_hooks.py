from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NewsletterList


class NewsletterListViewSet(SnippetViewSet):
    model = NewsletterList
    icon = "mail"
    menu_label = "Nieuwsbrieven"
    list_display = ["name", "werkplaats", "is_active"]
    add_to_admin_menu = True
    menu_order = 260


register_snippet(NewsletterListViewSet)
