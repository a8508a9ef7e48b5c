"""Settings shared by every profile, safe for production as they stand.

Every deployment value is read from the environment here, in one place.
``dev`` and ``test`` only loosen what they must; ``production`` adds the
hardening that needs HTTPS in front of the site.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def base_url(value):
    """``value`` as the site's base URL: http or https, a host, a port if need be, nothing more."""
    parts = urlsplit(value.strip())
    try:
        parts.port  # noqa: B018 (raises on a port that is no number)
    except ValueError:
        parts = None
    if not parts or parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise ImproperlyConfigured(
            f"WIEL_BASE_URL must be like https://wiel.example or http://127.0.0.1:8000 (no path), not {value!r}."
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ImproperlyConfigured(f"WIEL_BASE_URL takes no query, fragment or login: {value!r}.")
    return f"{parts.scheme}://{parts.netloc.lower()}"


# --- Core -------------------------------------------------------------------

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Wiel. `home` first: its demo content (the site root) comes before the rest.
    "home",
    "geography",
    "core",
    "outbox",
    "articles",
    "practices",
    "events",
    "newsletters",
    "learning",
    "ambitions",
    "opportunities",
    "reports",
    "search",
    "csp",
    # Wagtail and wagtail-localize
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Its Dutch catalogue gives the admin's "5 seconden geleden" (Wagtail uses its filters).
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # One memo per request for what its parts read more than once (core/http/request_memo.py).
    "core.http.request_memo.RequestMemoMiddleware",
    # The HTTPS redirect and the security headers first: no answer, cached or not, goes out over
    # plain HTTP in production (SECURE_SSL_REDIRECT).
    "django.middleware.security.SecurityMiddleware",
    # Anonymous pages from the cache, before the rest (core/http/page_cache.py; WIEL_PAGE_CACHE=0 behind
    # Varnish); it checks the host before it looks anything up.
    "core.http.page_cache.PageCacheMiddleware",
    # The Wagtail site and its home page from the cache, not three queries (core/sites.py).
    "core.sites.CachedSiteMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compress (Brotli or gzip) what the middleware below produced; ETags and 304 on the plain body;
    # then which answers a cache may keep (core/http/cache_policy.py), after session, CSRF and locale.
    "core.http.cache_policy.CompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "core.http.cache_policy.CachePolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.http.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A search the database answered for a failed engine: not shared-cached; the admin says so.
    "search.middleware.DegradedSearchMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # 400 for control characters in a query string, before any view sees them (core/params.py);
    # last, so that the answer is a normal page with the reader's language and every header.
    "core.params.QueryStringGuard",
    # The page editor's writes one at a time per page, each whole; an approval that does not
    # publish is undone (core/publication_guard.py).
    "core.publication_guard.OneEditorWriteAtATime",
]

ROOT_URLCONF = "site_.urls"
WSGI_APPLICATION = "site_.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site_context",
            ],
        },
    },
]

# --- Database ----------------------------------------------------------------
# DATABASE_URL selects PostgreSQL in production; without it, SQLite on disk.

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded profile: the web server and the newsletter worker share the file. Write-ahead
    # logging lets them read while the other writes, and takes a commit without an fsync each time.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    if env_bool("DATABASE_POOL"):
        # psycopg's pool in each process (Django 5.1+): persistent connections are then the pool's.
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(env("DATABASE_POOL_MIN", "2")),
            "max_size": int(env("DATABASE_POOL_MAX", "10")),
            "timeout": int(env("DATABASE_POOL_TIMEOUT", "10")),
        }
    if env_bool("DATABASE_TRANSACTION_POOLER"):
        # Behind PgBouncer (or another pooler) in transaction mode a cursor cannot outlive its
        # transaction, and session state would leak between clients: no server-side cursors.
        DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -------------------------------------------------------------------
# A shared cache (Redis) when CACHE_URL is set, so several web processes agree. Either backend
# answers for a cache that fails as if it were empty, never with an error (core/http/cache.py).

if env("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "core.http.cache.FailSafeRedisCache",
            "LOCATION": env("CACHE_URL"),
            "KEY_PREFIX": "wiel",
            # A Redis that does not answer costs a request a quarter of a second, once (core/http/cache.py).
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        }
    }
else:
    # The embedded default: files on this host's disk, shared by the processes `make run` starts
    # (web server, newsletter worker, scheduler), so a page the scheduler publishes clears the
    # page cache the web server answers from (core/http/page_cache.py). One host only: see CACHE_URL.
    CACHES = {
        "default": {
            "BACKEND": "core.http.cache.FailSafeFileCache",
            "LOCATION": env("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
        }
    }

# --- Passwords and sessions ---------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Wagtail's editor previews pages in a same-origin frame, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): the public site loads nothing from elsewhere and runs no
# inline script or style. Video embeds come from the hosts in CSP_FRAME_HOSTS. The admin is left to
# Wagtail, whose editor needs inline scripts and styles (it is behind a login, on the same origin).
CSP_FRAME_HOSTS = env(
    "CSP_FRAME_HOSTS", "https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com"
).split()
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", *CSP_FRAME_HOSTS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Powerful browser features no page of Wiel uses (core/http/middleware.py).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

# --- Languages ---------------------------------------------------------------
# Dutch is the source language; English is a translation of it.

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A new translation (wagtail-localize's "Translate") stays a draft until it is translated and goes
# through moderation like any other page: never live with the Dutch text under /en/.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

# --- Static files and media -------------------------------------------------------

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env("MEDIA_URL", "/media/")

# Declares that MEDIA_ROOT is the same disk on every host (or that there is one host).
MEDIA_ROOT_SHARED = env_bool("MEDIA_ROOT_SHARED")

STORAGES = {
    "default": {"BACKEND": env("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads, documents and image renditions on S3-compatible object storage (django-storages), for
# more than one host. Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the
# host's role); files are public and served from the bucket or its custom domain (a CDN).
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
MEDIA_ORIGINS = []
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),  # e.g. https://s3.nl-ams.scw.cloud; empty: AWS
            "region_name": env("AWS_S3_REGION_NAME"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),  # e.g. media.wiel.example (a CDN before the bucket)
            "location": env("AWS_LOCATION", "media"),
            "file_overwrite": False,  # two uploads called foto.jpg keep both
            "default_acl": None,  # the bucket's policy decides (public read for media)
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH"),  # signed, expiring URLs instead
            "object_parameters": {"CacheControl": "public, max-age=31536000"},  # names never change
        },
    }
    # The Content-Security-Policy lets images and video come from there.
    for origin in (env("AWS_S3_CUSTOM_DOMAIN"), env("AWS_S3_ENDPOINT_URL")):
        if origin:
            MEDIA_ORIGINS.append(origin if "://" in origin else f"https://{origin}")
    if not env("AWS_S3_ENDPOINT_URL") and not env("AWS_S3_CUSTOM_DOMAIN"):
        MEDIA_ORIGINS.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com")
    for directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][directive] += MEDIA_ORIGINS
# Local disk without a proxy in front: Django serves /media/ itself (site_/urls.py), so files never
# 404 on the one-machine profile. Behind nginx, let it serve MEDIA_ROOT and set SERVE_MEDIA=0.
SERVE_MEDIA = STORAGES["default"]["BACKEND"].endswith("FileSystemStorage") and env_bool("SERVE_MEDIA", True)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- E-mail ------------------------------------------------------------------

# Django's SMTP backend, with connections that tell a message the server never got from one whose
# fate is unknown (outbox/smtp.py).
EMAIL_BACKEND = env("EMAIL_BACKEND", "outbox.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# Seconds one call to the mail server may take: a hung server must not hold a newsletter worker
# (and its lease) for ever. NEWSLETTER_LEASE_SECONDS must exceed 1.5 x (this + the send pause).
EMAIL_TIMEOUT = float(env("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Wiel <noreply@wiel.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The outbox of the e-mails a reader's action causes (outbox/sending.py): tries, the first pause
# (doubled after each try: 1, 2, 4 ... minutes, about four hours in all), and how long a message
# that failed for good is kept with its error.
OUTBOX_MAX_ATTEMPTS = int(env("OUTBOX_MAX_ATTEMPTS", "8"))
OUTBOX_RETRY_BASE_SECONDS = int(env("OUTBOX_RETRY_BASE_SECONDS", "60"))
OUTBOX_KEEP_FAILED_DAYS = int(env("OUTBOX_KEEP_FAILED_DAYS", "30"))
# Seconds a process holds the messages it claimed (outbox/claims.py) before another may take them
# over; each message's hand-over renews it, so it must exceed two EMAIL_TIMEOUTs.
OUTBOX_CLAIM_SECONDS = int(env("OUTBOX_CLAIM_SECONDS", "300"))

# --- Search ------------------------------------------------------------------
# A search engine (Elasticsearch 8 or 9, or OpenSearch 2) when ELASTICSEARCH_URL is set,
# Wagtail's database backend otherwise.

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
# Which engine ELASTICSEARCH_URL names: the backend of search/backends/ with that name.
SEARCH_ENGINES = ("elasticsearch8", "elasticsearch9", "opensearch2")
SEARCH_ENGINE = env("SEARCH_ENGINE", "elasticsearch8")
if SEARCH_ENGINE not in SEARCH_ENGINES:
    raise ImproperlyConfigured(f"SEARCH_ENGINE must be one of {', '.join(SEARCH_ENGINES)}, not {SEARCH_ENGINE!r}")
ELASTICSEARCH_INDEX = {
    name: int(value)
    for name, value in (
        ("number_of_shards", env("ELASTICSEARCH_SHARDS")),
        ("number_of_replicas", env("ELASTICSEARCH_REPLICAS")),
    )
    if value
}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # Wagtail's backend for that engine, with Wiel's analysis and synonyms (search/backends).
            "BACKEND": f"search.backends.{SEARCH_ENGINE}",
            # One node or several, comma-separated (https://user:password@host:9200 carries a login).
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX", "wiel_"),
            "TIMEOUT": int(env("ELASTICSEARCH_TIMEOUT", "2")),
            # update_index builds a new index beside the old one and then moves the alias.
            "ATOMIC_REBUILD": env_bool("ELASTICSEARCH_ATOMIC_REBUILD", default=True),
            # On a cluster: copies of each shard on other nodes, so a lost node loses no search
            # (the engine's defaults, 1 shard and 1 replica, unless set). Only what is set: an
            # empty "index" would replace Wagtail's own index settings.
            "INDEX_SETTINGS": {"settings": {"index": ELASTICSEARCH_INDEX}} if ELASTICSEARCH_INDEX else {},
            # Passed to the Elasticsearch client: an API key instead of a login, and the CA
            # certificate of a cluster with its own certificate authority.
            "OPTIONS": {
                name: value
                for name, value in (
                    ("api_key", env("ELASTICSEARCH_API_KEY")),
                    ("ca_certs", env("ELASTICSEARCH_CA_CERTS")),
                )
                if value
            },
        },
        # Wagtail's database backend (search/backends/database.py), kept up to date beside
        # Elasticsearch; answers when Elasticsearch is down (search/query.py).
        "fallback": {"BACKEND": "search.backends.database"},
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
DATABASE_SEARCH = "fallback" if ELASTICSEARCH_URL else "default"
# After Elasticsearch failed, how long every worker skips it (answering from the database) before
# trying again: one timeout per pause instead of one per request (search/circuit.py).
SEARCH_BACKEND_PAUSE = int(env("SEARCH_BACKEND_PAUSE", "30"))
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # PostgreSQL full-text search with Dutch stemming and stop words.
    WAGTAILSEARCH_BACKENDS[DATABASE_SEARCH]["SEARCH_CONFIG"] = "dutch"

# --- Wagtail -----------------------------------------------------------------

# Events: how long a cancel link in a registration e-mail stays valid (it also stops when the
# event ends), and how many months after an event its registrants' personal data is erased.
EVENT_CANCEL_LINK_MAX_AGE = int(env("EVENT_CANCEL_LINK_MAX_AGE", str(400 * 24 * 3600)))
EVENT_REGISTRATION_RETENTION_MONTHS = int(env("EVENT_REGISTRATION_RETENTION_MONTHS", "6"))
# Registrations one client may post per window (core/http/ratelimit.py, counted in the shared cache).
EVENT_REGISTRATION_RATE_LIMIT = int(env("EVENT_REGISTRATION_RATE_LIMIT", "10"))
EVENT_REGISTRATION_RATE_WINDOW = int(env("EVENT_REGISTRATION_RATE_WINDOW", "600"))
# Lived-experience stories sent through "Deel je ervaring": how many one client may send per
# window. The teller's link works until the consent's end date (learning/telling.py).
STORY_RATE_LIMIT = int(env("STORY_RATE_LIMIT", "5"))
STORY_RATE_WINDOW = int(env("STORY_RATE_WINDOW", "3600"))
# Opportunities sent through "Kans indienen": how many one client may send per window.
OPPORTUNITY_RATE_LIMIT = int(env("OPPORTUNITY_RATE_LIMIT", "5"))
OPPORTUNITY_RATE_WINDOW = int(env("OPPORTUNITY_RATE_WINDOW", "3600"))
# A submitter's name and e-mail address are erased this many months after their opportunity came
# in (opportunities/retention.py); their link works as long (opportunities/stages.py).
OPPORTUNITY_RETENTION_MONTHS = int(env("OPPORTUNITY_RETENTION_MONTHS", "36"))
# The name and e-mail address of whoever took up the glove for an action are erased this many
# months after the action's follow-up date (learning/follow_up.py); role and organisation stay.
FOLLOW_UP_RETENTION_MONTHS = int(env("FOLLOW_UP_RETENTION_MONTHS", "12"))
# How many reverse proxies in front of Django append to X-Forwarded-For (nginx, a load balancer):
# the client address is the one the outermost of them saw. 0: no proxy, REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

# Newsletters: how long a confirmation link works, and how many subscription attempts one
# connection may make per window (counted in the shared cache).
NEWSLETTER_CONFIRM_MAX_AGE = int(env("NEWSLETTER_CONFIRM_MAX_AGE", str(7 * 24 * 3600)))
NEWSLETTER_PREFERENCES_MAX_AGE = int(env("NEWSLETTER_PREFERENCES_MAX_AGE", str(2 * 365 * 24 * 3600)))
NEWSLETTER_RATE_LIMIT = int(env("NEWSLETTER_RATE_LIMIT", "5"))
NEWSLETTER_RATE_WINDOW = int(env("NEWSLETTER_RATE_WINDOW", "600"))
# Sending (see docs/newsletters.md).
NEWSLETTER_FROM_EMAIL = env("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
NEWSLETTER_LIST_ID_DOMAIN = env("NEWSLETTER_LIST_ID_DOMAIN", "lists.wiel.example")
NEWSLETTER_SEND_RATE = float(env("NEWSLETTER_SEND_RATE", "0"))  # messages a second per worker; 0: no limit
NEWSLETTER_BATCH_SIZE = int(env("NEWSLETTER_BATCH_SIZE", "200"))
NEWSLETTER_LEASE_SECONDS = int(env("NEWSLETTER_LEASE_SECONDS", "120"))
NEWSLETTER_MAX_ATTEMPTS = int(env("NEWSLETTER_MAX_ATTEMPTS", "5"))
NEWSLETTER_RETRY_BASE_SECONDS = int(env("NEWSLETTER_RETRY_BASE_SECONDS", "60"))
NEWSLETTER_ASYNC_COMMIT = env_bool("NEWSLETTER_ASYNC_COMMIT")  # PostgreSQL: see docs/newsletters.md
# django-anymail: the secret ("user:password") the provider's tracking webhooks must present.
# Unset, a random one: the webhooks then refuse every call instead of believing anyone.
ANYMAIL = {"WEBHOOK_SECRET": env("ANYMAIL_WEBHOOK_SECRET") or f"wiel:{secrets.token_urlsafe(32)}"}

# No avatars from gravatar.com: the admin would send a hash of every editor's address to it.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for a newer version: upgrades go through the lock
# files, and the admin loads nothing from another site.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_SITE_NAME = "Wiel"
# The page type at the top of the site's tree, below which the core's werkplaats and section pages
# may be made (as AUTH_USER_MODEL names the user model: the core names no app).
WIEL_HOME_PAGE_MODEL = "home.HomePage"
# The site's address, the one setting every absolute link is made from: canonical and hreflang
# links, the sitemap, feeds, the API, the PDF, calendar files and e-mails (core/base_url.py). The
# default Wagtail Site follows it (`manage.py sync_site`, run by `make run`; check W003 otherwise).
WIEL_BASE_URL = base_url(env("WIEL_BASE_URL", "http://127.0.0.1:8000"))
WAGTAILADMIN_BASE_URL = WIEL_BASE_URL
# How long a browser (CACHE_MAX_AGE) and a shared cache such as Varnish or a CDN
# (CACHE_SHARED_MAX_AGE) may keep an anonymous page (core/http/cache_policy.py). Publishing purges the
# shared caches (docs/performance.md), so they may keep pages long.
CACHE_MAX_AGE = int(env("WIEL_CACHE_MAX_AGE", "60"))
CACHE_SHARED_MAX_AGE = int(env("WIEL_CACHE_SHARED_MAX_AGE", "3600"))
# Varnish (or another HTTP cache that takes PURGE) in front: every page change purges the URLs it
# affects (core/http/purging.py). Our URLs name their language already, so no per-language rewriting.
if env("VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": env("VARNISH_URL")}
    }
WAGTAILFRONTENDCACHE_LANGUAGES = []
# The per-site page cache (core/http/page_cache.py): on by default; off where Varnish or a CDN caches.
PAGE_CACHE = env_bool("WIEL_PAGE_CACHE", True)

# The open-data API answers up to 100 items a request; a listing costs the same queries for 1 or 100.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Make the renditions the pages show when an image is uploaded or imported (core/images.py), as a
# task on the default queue, so no reader waits for them.
WIEL_PREPARE_RENDITIONS = env_bool("WIEL_PREPARE_RENDITIONS", True)
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Editors' uploads are not trusted to carry scripts: on local disk, documents are served as
# downloads through Django; on object storage, Django redirects to the bucket's own origin.
WAGTAILDOCS_SERVE_METHOD = "redirect" if AWS_STORAGE_BUCKET_NAME else "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]

WIEL_DEMO_ADMIN_USERNAME = "admin"

# Wagtail's own small tasks (search and reference index updates) run in-process. Newsletter
# mailings are stored in the database and run by `manage.py send_newsletters --worker`.
TASKS = {
    "default": {"BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")},
    "newsletters": {"BACKEND": env("NEWSLETTER_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")},
    # The outbox's e-mails (outbox/sending.py), sent by the same worker, never by the request.
    "mail": {"BACKEND": env("MAIL_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        # Task runs and page actions are recorded in the database; keep the console readable.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # WeasyPrint reports every step of every PDF; a refused address is a warning (core/pdf.py).
        "weasyprint": {"level": "WARNING"},
    },
}

SITE_DESCRIPTION = _(
    "Wiel is where the Dutch werkplaatsen jeugd share what they learn: practice examples with their "
    "regional context, events and newsletters."
)
