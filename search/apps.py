from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "wielsearch"  # "search" is taken by wagtail.search
    verbose_name = _("Search")

    def ready(self):
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion

        from core.http.health import register_check
        from core.jobs import Job, register_job
        from core.permissions import register_national_editor_models

        from . import checks, signals  # noqa: F401 (register the deploy checks, connect the signal handlers)
        from .models import CompoundWord, Synonym
        from .vocabulary_refresh import refresh_search_vocabulary

        register_check("search", checks.engine_health)
        register_national_editor_models(Synonym, CompoundWord, Query, SearchPromotion)
        # Index updates the engine missed while it was down (nothing to do on the database backend).
        register_job(Job("retry_index_updates", 300, ("retry_index_updates",)))
        # The engine's analyser after the editors changed a synonym or compound word.
        register_job(Job("refresh_search_vocabulary", 60, refresh_search_vocabulary, longest=3600))
