from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Mailing, NewsletterList, NewsletterPage, Suppression


class NewsletterListViewSet(SnippetViewSet):
    model = NewsletterList
    icon = "mail"
    menu_label = "Nieuwsbrieven"
    list_display = ["name", "werkplaats", "is_active"]
    add_to_admin_menu = True
    menu_order = 260


class SuppressionViewSet(SnippetViewSet):
    model = Suppression
    icon = "warning"
    list_display = ["email", "reason", "created_at"]
    search_fields = ["email"]


register_snippet(NewsletterListViewSet)
register_snippet(SuppressionViewSet)


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path("nieuwsbrieven/verzendingen/", admin_views.mailings, name="newsletters_mailings"),
        path("nieuwsbrieven/<int:page_id>/test/", admin_views.test_send, name="newsletters_test_send"),
        path("nieuwsbrieven/<int:page_id>/overzicht/", admin_views.digest, name="newsletters_digest"),
    ]


@hooks.register("register_admin_menu_item")
def register_mailings_menu_item():
    return MenuItem(_("Mailings"), reverse("newsletters_mailings"), name="mailings", icon_name="mail", order=261)


@hooks.register("register_page_header_buttons")
def issue_buttons(page, user, view_name, next_url=None):
    if not issubclass(page.specific_class or object, NewsletterPage) or not page.permissions_for_user(user).can_edit():
        return
    yield PageMenuItem(_("Send a test e-mail"), reverse("newsletters_test_send", args=[page.pk]), "mail", 80, page=page)
    yield PageMenuItem(_("Fill in the digest"), reverse("newsletters_digest", args=[page.pk]), "list-ul", 81, page=page)


@hooks.register("wiel_withheld_pages")
def unsent_issues():
    """An issue is public once its mailing has started (core.http.visibility.public leaves it out before)."""
    sent = Mailing.objects.filter(started_at__isnull=False).values("page")
    return NewsletterPage.objects.exclude(pk__in=sent).values_list("pk", flat=True)
