from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from wagtail.signals import page_published

        from core.dashboard import register_section
        from core.jobs import Job, register_job

        from . import views  # noqa: F401 (registers the views that answer the pages' routes)
        from .dashboard import registrations
        from .registration import fill_after_publish

        register_section(registrations)  # the "Mijn werkplaats" panel
        page_published.connect(fill_after_publish, dispatch_uid="events.fill_after_publish")

        # Registrants' personal data after the retention period.
        register_job(Job("erase_event_registrations", 3600, ("erase_event_registrations",)))
