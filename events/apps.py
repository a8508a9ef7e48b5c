from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core.dashboard import register_section
        from core.jobs import Job, register_job

        from .dashboard import registrations

        register_section(registrations)  # the "Mijn werkplaats" panel

        # Registrants' personal data after the retention period.
        register_job(Job("erase_event_registrations", 3600, ("erase_event_registrations",)))
