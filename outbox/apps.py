from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = _("Outgoing e-mail")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.jobs import Job, register_job

        from .sending import prune, send_due

        # Claimed per message (outbox.claims), so safe in every process at once; under the job lock
        # (one transaction on PostgreSQL) a process that died would roll its sent messages back.
        register_job(Job("send_outgoing_mail", 60, send_due, longest=600, exclusive=False))
        register_job(Job("prune_outgoing_mail", 86400, prune))
