"""Local development: the embedded default profile of `make run`."""

import os

# A fixed key is acceptable only here, on a developer's own machine.
os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-not-for-production")

from .base import *  # noqa: E402, F403
from .base import env, env_list  # noqa: E402

# The demo content and its loader (load_demo_content): here, never in production.
INSTALLED_APPS = [*INSTALLED_APPS]  # noqa: F405
INSTALLED_APPS.insert(INSTALLED_APPS.index("search") + 1, "demo")

DEBUG = True
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
