from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_follow_up_urls():
    return [
        path("opvolging/", admin_views.report, name="learning_follow_up"),
        path("opvolging/<int:update_id>/accepteren/", admin_views.accept, name="learning_accept_update"),
        path("opvolging/<int:update_id>/afwijzen/", admin_views.decline, name="learning_decline_update"),
    ]


@hooks.register("register_admin_menu_item")
def register_follow_up_menu_item():
    return MenuItem(_("Follow-up"), reverse("learning_follow_up"), name="follow-up", icon_name="tasks", order=260)
