from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import admin_views
from .models import AnnualReportPage


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("jaarverslagen/<int:page_id>/herberekenen/", admin_views.recalculate, name="reports_recalculate")]


@hooks.register("register_page_header_buttons")
def recalculate_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, AnnualReportPage) and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Recalculate the figures"),
            reverse("reports_recalculate", args=[page.pk]),
            icon_name="resubmit",
            priority=80,
        )
