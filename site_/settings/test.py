"""Test settings: SQLite in memory unless DATABASE_URL points at PostgreSQL."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")

from .base import *  # noqa: E402, F403
from .base import BASE_DIR, env, env_bool  # noqa: E402

# The demo content and its loader (load_demo_content): here, never in production.
INSTALLED_APPS = [*INSTALLED_APPS]  # noqa: F405
INSTALLED_APPS.insert(INSTALLED_APPS.index("search") + 1, "demo")

ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
# The address of the test site (tests/conftest.py: site_tree), which the test client asks for.
WIEL_BASE_URL = WAGTAILADMIN_BASE_URL = "http://localhost"
# Tasks run in-process, so a test sees their effect at once; the crash test starts real workers.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "newsletters": {"BACKEND": env("NEWSLETTER_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")},
    "mail": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Test factories create pages without publishing them (no content-version change): the per-site
# page cache is switched on by the tests of it (tests/core/test_page_cache.py).
PAGE_CACHE = False
if not env("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    if env("WIEL_KEEP_TEST_DB"):  # `make check`: a test database on disk, kept for the next run (--reuse-db)
        (BASE_DIR / "var").mkdir(exist_ok=True)  # a fresh clone has no var/ yet
        DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test-db.sqlite3")}

# Tests build many images; the test about it turns this on (tests/core/test_images.py), and
# benchmarks/first_visit.py sets it to compare.
WIEL_PREPARE_RENDITIONS = env_bool("WIEL_PREPARE_RENDITIONS", False)
