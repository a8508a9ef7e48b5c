from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Wiel core")

    def ready(self):
        from django.db.models.signals import post_migrate

        from geography.places import keep_while

        from . import checks, documents, signals  # noqa: F401 (checks and signal handlers)
        from .http.fragments import content_version
        from .localize import localise_translation_dates
        from .permissions import ensure_national_editor_permissions, ensure_werkplaats_translation_permissions
        from .publication_guard import send_workflow_mail_on_commit
        from .translation_access import confine_translation_buttons

        # Each process keeps the geography it loaded while the content version stands.
        keep_while(content_version)
        localise_translation_dates()
        send_workflow_mail_on_commit()  # before wagtail.admin connects its own (core comes first)
        confine_translation_buttons()

        from django.db.models.signals import post_save
        from wagtail.images import get_image_model

        from .images import prepare_after_save

        post_save.connect(prepare_after_save, sender=get_image_model(), dispatch_uid="wiel-prepare-renditions")
        post_migrate.connect(ensure_national_editor_permissions, dispatch_uid="wiel-national-editor-permissions")
        post_migrate.connect(
            ensure_werkplaats_translation_permissions, dispatch_uid="wiel-werkplaats-translation-permissions"
        )
