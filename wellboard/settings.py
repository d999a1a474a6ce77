"""Wellboard's only settings module.

Every difference between a laptop, CI and a council's server comes from environment
variables; the defaults are safe for local development with the embedded SQLite database.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean, refusing anything but the usual spellings so typos fail loudly."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: use true or false")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# A development key is acceptable only when DEBUG is on; production must set SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    # Tools that only read the code (lint, type checks) say so; the test suite sets its own key.
    if not (DEBUG or env_bool("WELLBOARD_ALLOW_INSECURE_KEY", False)):
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for local development).")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105
elif len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        f"SECRET_KEY is {len(SECRET_KEY)} characters long: use at least 50 random characters, "
        "for example from: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "wellboard.web",
    "wellboard.partnerships",
    "wellboard.accounts",
    "wellboard.indicators",
    "wellboard.strategy",
    "wellboard.exchange",
    "wellboard.demo",
    "wellboard.history",
    "wellboard.practice",
    "wellboard.consultations",
    "wellboard.tasks",
    "wellboard.reports",
    "wellboard.imports",
    "wellboard.rounds",
    "wellboard.backup",
    "wellboard.api",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served from our own static files
    # After wellboard.tasks, whose `db_worker` command replaces django-tasks-db's own.
    "django_tasks",
    "django_tasks_db",
    "axes",  # sign-in throttling and lockout
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "wellboard.web.headers.SecurityHeadersMiddleware",
    "wellboard.web.outage.DatabaseOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wellboard.history.middleware.HistoryUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "wellboard.urls"
WSGI_APPLICATION = "wellboard.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "wellboard.jinja2.environment"},
    },
    {
        # The Django admin still renders with Django templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_DIR / 'wellboard.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        # Persistent connections: each server thread keeps its own for this many seconds
        # instead of connecting per request (docs/serving.md).
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # One test database per process, so that parallel test runs on one server never collide.
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"}
# A connection the database dropped (a restart) is replaced before a request uses it.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background tasks (large reports and imports) are queued in the database and run by
# `wellboard worker` (`make run` starts one beside the development server). A worker not
# seen for a lease loses its running task to another worker (docs/adr/0006-task-queue.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
try:
    WELLBOARD_WORKER_LEASE_SECONDS = float(os.environ.get("WELLBOARD_WORKER_LEASE_SECONDS", "30"))
except ValueError:
    raise ImproperlyConfigured("WELLBOARD_WORKER_LEASE_SECONDS: use a number of seconds") from None
if not 0 < WELLBOARD_WORKER_LEASE_SECONDS <= 3600:
    raise ImproperlyConfigured("WELLBOARD_WORKER_LEASE_SECONDS: use 1 to 3600 seconds")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2 for new passwords; older hashes still check and are upgraded at the next sign-in.
PRODUCTION_PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# The test suite hashes with MD5 (tests/conftest.py); one test checks these.
PASSWORD_HASHERS = PRODUCTION_PASSWORD_HASHERS

# Sign-in throttling (django-axes): after WELLBOARD_LOGIN_FAILURE_LIMIT wrong passwords an
# account is locked for WELLBOARD_LOGIN_LOCKOUT_MINUTES, or until an administrator of its
# partnership unlocks it (partnership overview -> Locked sign-ins).
AUTHENTICATION_BACKENDS = [
    "wellboard.accounts.backends.ThrottledSignIn",
    "django.contrib.auth.backends.ModelBackend",
]
try:
    AXES_FAILURE_LIMIT = int(os.environ.get("WELLBOARD_LOGIN_FAILURE_LIMIT", "5"))
    _LOCKOUT_MINUTES = int(os.environ.get("WELLBOARD_LOGIN_LOCKOUT_MINUTES", "60"))
except ValueError:
    raise ImproperlyConfigured(
        "WELLBOARD_LOGIN_FAILURE_LIMIT and WELLBOARD_LOGIN_LOCKOUT_MINUTES: use whole numbers"
    ) from None
if AXES_FAILURE_LIMIT < 1 or _LOCKOUT_MINUTES < 1:
    raise ImproperlyConfigured("WELLBOARD_LOGIN_FAILURE_LIMIT and ..._LOCKOUT_MINUTES: at least 1")
AXES_COOLOFF_TIME = timedelta(minutes=_LOCKOUT_MINUTES)
# By account, not by address: a council office signs in from one address behind its
# proxy, and five typos there must not lock out everyone. Throttling by address belongs
# to the TLS proxy in front (docs say so), hence axes' "add ip_address" warning is silenced.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "wellboard.accounts.lockouts.locked_out_response"
AXES_VERBOSE = False

# The REST API at /api/v1/ (wellboard/api): tokens or the session, JSON only, problems
# for errors, pages of 50, a rate per token (WELLBOARD_API_RATE, e.g. "600/min").
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "wellboard.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "wellboard.api.pagination.Pages",
    "DEFAULT_THROTTLE_CLASSES": ["wellboard.api.throttling.TokenRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "wellboard.api.schema.RulesSchema",
    "EXCEPTION_HANDLER": "wellboard.api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
WELLBOARD_API_RATE = os.environ.get("WELLBOARD_API_RATE", "600/min")
SPECTACULAR_SETTINGS = {
    "TITLE": "Wellboard API",
    "DESCRIPTION": "Strategies, plans, actions, updates and indicators of your partnership.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "StrategyStatusEnum": "wellboard.strategy.models.Strategy.Status",
        "DeliveryStatusEnum": "wellboard.strategy.choices.DeliveryStatus",
        "RagEnum": "wellboard.strategy.choices.Rag",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "wellboard.api.schema.add_problems",
    ],
}

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Unfinished imports lose their uploaded file after this many days (applied or discarded
# ones at once); a worker's hourly job deletes them.
try:
    WELLBOARD_UPLOAD_RETENTION_DAYS = int(os.environ.get("WELLBOARD_UPLOAD_RETENTION_DAYS", "14"))
except ValueError:
    raise ImproperlyConfigured(
        "WELLBOARD_UPLOAD_RETENTION_DAYS: use a whole number of days"
    ) from None
if WELLBOARD_UPLOAD_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("WELLBOARD_UPLOAD_RETENTION_DAYS: at least 1 day")

# Public consultation: a response's name, email and equality answers are erased this many
# days after the consultation closes (`wellboard consultation purge`, also run daily by the
# worker); each client (network address) may post this many responses and paragraph
# comments an hour. Behind a proxy, name the header carrying the client's address
# (e.g. HTTP_X_FORWARDED_FOR: its last entry, the one the proxy added, is used).
try:
    CONSULTATION_RETENTION_DAYS = int(
        os.environ.get("WELLBOARD_CONSULTATION_RETENTION_DAYS", "365")
    )
    CONSULTATION_RESPONSES_PER_HOUR = int(os.environ.get("WELLBOARD_RESPONSES_PER_HOUR", "20"))
    CONSULTATION_COMMENTS_PER_HOUR = int(os.environ.get("WELLBOARD_COMMENTS_PER_HOUR", "30"))
except ValueError:
    raise ImproperlyConfigured(
        "WELLBOARD_CONSULTATION_RETENTION_DAYS, ..._RESPONSES_PER_HOUR, ..._COMMENTS_PER_HOUR: "
        "use whole numbers"
    ) from None
CLIENT_ADDRESS_HEADER = os.environ.get("WELLBOARD_CLIENT_ADDRESS_HEADER", "REMOTE_ADDR")
# Consultation themes: "auto" (the sentence model when installed, else TF-IDF), "model" or
# "tfidf" (the test suite's choice: the model's own tests are in tests/core/consultation).
CONSULTATION_THEMES_ENGINE = os.environ.get("WELLBOARD_THEMES_ENGINE", "auto")
if CONSULTATION_THEMES_ENGINE not in ("auto", "model", "tfidf"):
    raise ImproperlyConfigured("WELLBOARD_THEMES_ENGINE: use auto, model or tfidf")

# Plan uploads larger than this are refused before any parsing (issue #3).
IMPORT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# Uploads are read in a child process with these limits (issue #12.6): memory for reading
# one file (on top of the readers' own) and CPU time; a file that needs more is refused.
try:
    WELLBOARD_IMPORT_MEMORY_MB = int(os.environ.get("WELLBOARD_IMPORT_MEMORY_MB", "1024"))
    WELLBOARD_IMPORT_CPU_SECONDS = int(os.environ.get("WELLBOARD_IMPORT_CPU_SECONDS", "120"))
except ValueError:
    raise ImproperlyConfigured(
        "WELLBOARD_IMPORT_MEMORY_MB and WELLBOARD_IMPORT_CPU_SECONDS: use whole numbers"
    ) from None
if WELLBOARD_IMPORT_MEMORY_MB < 16 or WELLBOARD_IMPORT_CPU_SECONDS < 1:
    raise ImproperlyConfigured(
        "WELLBOARD_IMPORT_MEMORY_MB: at least 16; WELLBOARD_IMPORT_CPU_SECONDS: at least 1"
    )
# Confirming an import of more actions than this runs as a background task with a progress
# page (issue #12.10): loading 300 actions with 1,200 updates took 13 s of CPU on SQLite on
# the project's machine, so more than 100 (about 4 s) would outlast a comfortable request.
try:
    WELLBOARD_IMPORT_BACKGROUND_ACTIONS = int(
        os.environ.get("WELLBOARD_IMPORT_BACKGROUND_ACTIONS", "100")
    )
except ValueError:
    raise ImproperlyConfigured("WELLBOARD_IMPORT_BACKGROUND_ACTIONS: use a whole number") from None

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "build" / "static"))
# `make setup` copies the NHS.UK frontend and htmx from node_modules into web/static/vendor.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed and cached for years once collected (wellboard/web/static_storage.py).
    "staticfiles": {"BACKEND": "wellboard.web.static_storage.StaticStorage"},
}
WHITENOISE_USE_FINDERS = True

# Django's database sessions, read by one statement written once (accounts/sessions.py).
SESSION_ENGINE = "wellboard.accounts.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# Content Security Policy (django-csp): scripts and styles only from our own static files,
# none inline (tests/web/test_security_headers.py parses every page for inline ones).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Behind a TLS proxy (README, Configuration): HSTS, redirect to https, and trust the proxy's
# X-Forwarded-Proto only when told to (a server reached directly must not).
try:
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
except ValueError:
    raise ImproperlyConfigured("SECURE_HSTS_SECONDS: use a whole number of seconds") from None
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers ask over plain HTTP
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("SECURE_PROXY_SSL_HEADER", False) else None
)
X_FRAME_OPTIONS = "DENY"

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "wellboard@localhost")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
# SMTP by default; GOV.UK Notify with EMAIL_BACKEND=wellboard.rounds.notify.NotifyEmailBackend.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_TEMPLATE_ID = os.environ.get("NOTIFY_TEMPLATE_ID", "")
# Links in emails (update rounds) are absolute: the address people reach the site at.
WELLBOARD_BASE_URL = os.environ.get("WELLBOARD_BASE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
