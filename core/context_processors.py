from django.conf import settings
from django.utils import translation


def site_context(request):
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "SITE_DESCRIPTION": settings.SITE_DESCRIPTION,
        # The home page in the language being read: the error pages link there.
        "HOME_URL": "/" if language == settings.LANGUAGE_CODE else f"/{language}/",
    }
