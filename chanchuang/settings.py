"""Chanchuang settings: one module, configured from the environment (12-factor).

Every variable is parsed strictly (see ``chanchuang.env``); the defaults give a working demo on
SQLite under ``./data``. Production sets ``DEBUG=false``, ``HTTPS=true``, ``ALLOWED_HOSTS`` and a
database, and then passes ``manage.py check --deploy`` without warnings.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from chanchuang.env import env_bool, env_int, env_list, env_rate, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "data")))
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
HTTPS = env_bool("HTTPS", False)


def _secret_key() -> str:
    """Read SECRET_KEY from the environment, or create one once under DATA_DIR (like pretix)."""
    key = env_str("SECRET_KEY")
    if key is not None:
        if len(key) < 50:
            raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long.")
        return key
    key_file = DATA_DIR / ".secret_key"
    if not key_file.exists():
        key_file.touch(mode=0o600)
        key_file.write_text(secrets.token_urlsafe(64))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
# Old keys still accepted when checking signatures (sessions, password-reset links, sign-off
# links) after SECRET_KEY was rotated; new signatures always use SECRET_KEY. Comma-separated.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])
if any(len(key) < 50 for key in SECRET_KEY_FALLBACKS):
    raise ImproperlyConfigured("SECRET_KEY_FALLBACKS: every key must be at least 50 characters.")
# Whether a reverse proxy in front sets X-Forwarded-For/-Proto (then its last entry is the
# client's address for throttles and login lockouts).
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "django_tables2",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "ninja",
    "chanchuang.core",
    "chanchuang.partners",
    "chanchuang.mentors",
    "chanchuang.innovation",
    "chanchuang.colleges",
    "chanchuang.talent",
    "chanchuang.placements",
    "chanchuang.insights",
    "chanchuang.carbon",
    # After core, whose db_worker command (recovering imports a dead worker left behind at
    # start-up) wraps the one of django_tasks_db: the first app naming a command wins.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "chanchuang.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "chanchuang.core.middleware.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "chanchuang.core.middleware.PasswordChangeRequiredMiddleware",
]

FORM_RENDERER = "chanchuang.core.forms.TablerFormRenderer"
ROOT_URLCONF = "chanchuang.urls"
WSGI_APPLICATION = "chanchuang.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "chanchuang.core.context_processors.shell",
            ],
        },
    },
]


def _database() -> dict:
    """Pick the database: DATABASE_URL, else the PG* variables, else SQLite in WAL mode."""
    url = env_str("DATABASE_URL")
    if url:
        try:
            config = dj_database_url.parse(url, conn_max_age=60)
        except ValueError as exc:
            raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
        if config["ENGINE"] not in (
            "django.db.backends.postgresql",
            "django.db.backends.sqlite3",
        ):
            raise ImproperlyConfigured("DATABASE_URL must be a postgres:// or sqlite:// URL.")
        return config
    if env_str("PGDATABASE"):
        # libpq reads PGHOST, PGPORT, PGUSER and PGPASSWORD itself.
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": env_str("PGDATABASE"),
            "CONN_MAX_AGE": 60,
        }
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "chanchuang.sqlite3",
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "chanchuang.core.backends.PasswordBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "login"

# Failed logins are throttled (django-axes) per username and address together, after
# AXES_FAILURE_LIMIT failures, and per address across all usernames, after the higher
# AXES_ADDRESS_FAILURE_LIMIT (one guess at each of many usernames); see core.lockout.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 30, minimum=1)
if AXES_ADDRESS_FAILURE_LIMIT < AXES_FAILURE_LIMIT:
    raise ImproperlyConfigured("AXES_ADDRESS_FAILURE_LIMIT must not be below AXES_FAILURE_LIMIT.")
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "chanchuang.core.lockout.LockoutHandler"
AXES_CLIENT_IP_CALLABLE = "chanchuang.core.throttling.client_address"
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# Throttles (Django's cache, see core.throttling): the public letter check per address, the API
# per authenticated user and per address without a login. Rates are requests/unit (s, m, h, d).
VERIFY_RATE = env_rate("VERIFY_RATE", "10/m")
API_RATE = env_rate("API_RATE", "300/m")
API_ANON_RATE = env_rate("API_ANON_RATE", "30/m")


def _cache() -> dict:
    """The cache the throttles count in: this process's memory, or CACHE_URL (redis:// shared
    by every process, file:///path shared by the processes of one host)."""
    url = env_str("CACHE_URL", "")
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("file:///"):
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": url.removeprefix("file://")}
    raise ImproperlyConfigured(f"CACHE_URL={url!r}: use redis://host:port/db or file:///path.")


CACHES = {"default": _cache()}

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "chanchuang" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "chanchuang.core.staticfinders.NpmFinder",
]
NODE_MODULES_DIR = BASE_DIR / "node_modules"
# The only files taken from npm (paths inside node_modules); see package.json for the versions.
NPM_STATIC_FILES = [
    "@tabler/core/dist/css/tabler.min.css",
    "@tabler/core/dist/css/tabler.min.css.map",
    "@tabler/core/dist/js/tabler.min.js",
    "@tabler/core/dist/js/tabler.min.js.map",
    "htmx.org/dist/htmx.min.js",
    "echarts/dist/echarts.min.js",
    "tom-select/dist/js/tom-select.complete.min.js",
    "tom-select/dist/js/tom-select.complete.min.js.map",
    "tom-select/dist/css/tom-select.bootstrap5.min.css",
    "tom-select/dist/css/tom-select.bootstrap5.min.css.map",
    "@tabler/core/dist/libs/sortablejs/Sortable.min.js",
    "fullcalendar/index.global.min.js",
    "@fullcalendar/core/locales/zh-cn.global.min.js",
]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": DATA_DIR / "media"},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "media/"  # not served as such: uploads go out through views that check access

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

DJANGO_TABLES2_TEMPLATE = "core/table.html"
DJANGO_TABLES2_TABLE_ATTRS = {
    "class": "table table-vcenter card-table table-striped",
    "thead": {"hx-boost": "true"},  # sorting reloads only the table (see table_fragment.html)
}

# Security. HTTPS=true is the production switch for everything that needs TLS in front.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12, minimum=300)
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (chanchuang.core.middleware; docs/security.md): the app's pages carry
# no inline script or style, so nothing but the app's own files runs or styles a page.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# E-mail is optional: notifications are always in the platform, and also mailed when a server
# is configured.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "chanchuang@localhost")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
    else "django.core.mail.backends.dummy.EmailBackend"
)

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploaded workbooks are read in a child process whose address space is limited to this many MB,
# so no upload can take the task worker (or, under `make run`, the web server) down.
WORKBOOK_MEMORY_LIMIT_MB = env_int("WORKBOOK_MEMORY_LIMIT_MB", 2048, minimum=256)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

PLATFORM_NAME = _("Industry–Innovation Partnership Platform")
FILTERS_EMPTY_CHOICE_LABEL = _("All")

# Live updates (the carbon trading floor) run over WebSockets through Django Channels
# (chanchuang.asgi). One process keeps the channel layer in memory; when several processes
# serve, REDIS_URL points every one of them at the same Redis (channels-redis).
ASGI_APPLICATION = "chanchuang.asgi.application"
REDIS_URL = env_str("REDIS_URL", "")
CHANNEL_LAYERS = {"default": (
    {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [REDIS_URL]}}
    if REDIS_URL else {"BACKEND": "channels.layers.InMemoryChannelLayer"}
)}
