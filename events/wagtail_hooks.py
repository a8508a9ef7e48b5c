from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path("aanmeldingen/", admin_views.registrations_index, name="events_registrations"),
        path("aanmeldingen/<int:event_id>/", admin_views.registrations_event, name="events_registrations_event"),
        path("aanmeldingen/<int:event_id>/toevoegen/", admin_views.register_by_hand, name="events_register_by_hand"),
        path(
            "aanmeldingen/<int:event_id>/<int:registration_id>/afmelden/",
            admin_views.cancel_by_hand,
            name="events_cancel_by_hand",
        ),
        path(
            "aanmeldingen/<int:event_id>/<int:registration_id>/verplaatsen/",
            admin_views.move_by_hand,
            name="events_move_by_hand",
        ),
        path("aanmeldingen/<int:event_id>/csv/", admin_views.attendance_csv, name="events_attendance_csv"),
        path("aanmeldingen/<int:event_id>/aanwezig/", admin_views.record_attendance, name="events_record_attendance"),
        path("aanmeldingen/<int:event_id>/xlsx/", admin_views.attendance_xlsx, name="events_attendance_xlsx"),
    ]


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return MenuItem(
        _("Registrations"), reverse("events_registrations"), name="registrations", icon_name="group", order=250
    )
