"""Production: HTTPS in front, every value from the environment (see README)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env, env_bool

# Production refuses to start half-configured: without these it would quietly fall back to a
# SQLite file and a per-process cache, which work on one process of one host only, and every link
# in feeds and e-mails would name 127.0.0.1.
MISSING = [name for name in ("DATABASE_URL", "CACHE_URL", "ALLOWED_HOSTS", "WIEL_BASE_URL") if not env(name)]
if MISSING:
    raise ImproperlyConfigured(
        f"Production settings need {', '.join(MISSING)} in the environment (see README, Configuration)."
    )
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak for production: use at least 50 random characters, e.g. the output of "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

# The demo (its content, and a loader that makes an administrator) is for development only.
if "demo" in INSTALLED_APPS:  # noqa: F405
    raise ImproperlyConfigured("The demo app is not for production: remove 'demo' from INSTALLED_APPS.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Every cookie only over HTTPS: session, CSRF, language, messages (they follow SESSION_COOKIE_SECURE)
# and the fit check's wiel_fit (practices/question.py reads SESSION_COOKIE_SECURE).
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
