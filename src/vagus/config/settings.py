"""Vagus settings: one file, driven by environment variables.

VAGUS_DATA_DIR       where the SQLite database and generated secret key live
VAGUS_DATABASE_URL   e.g. postgres://user:pass@host/db (default: SQLite in the data directory)
VAGUS_SECRET_KEY     default: generated on first run and stored in the data directory
VAGUS_ALLOWED_HOSTS  comma-separated (default: 127.0.0.1,localhost)
VAGUS_DEBUG          1 to enable Django's debug pages (never in production)
VAGUS_CRISIS_COUNTRY country whose crisis lines are shown first (GB, IE, US, CA, AU, NZ; default:
                     guessed from the person's time zone, else international)
VAGUS_HTTPS          1 when served over HTTPS (behind a proxy that sets X-Forwarded-Proto)
VAGUS_SIGNUP         open (default), invite (one-time codes from `vagus invite create`) or closed
VAGUS_TRUSTED_PROXY  how many reverse proxies stand in front, or their addresses; only then is
                     X-Forwarded-For believed when keying the login lockout on an address
VAGUS_MAX_UPLOAD_MB  the largest import file the page and API take (default 512)
VAGUS_IMPORTS_AT_ONCE imports the worker runs at the same time (default 2; one per person)
VAGUS_EMAIL_URL      smtp://user:pass@host:port, smtp+tls://… or smtp+ssl://… (unset: no email)
VAGUS_EMAIL_FROM     the From address of reminder emails
VAGUS_BASE_URL       the address people open Vagus at, for links in emails and the calendar feed
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from vagus.accounts.client_address import check_trusted_proxy
from vagus.config.email import email_settings
from vagus.config.paths import data_dir, protect_data_dir, secret_key

protect_data_dir()  # before any file is written: private umask, 0700 directory, 0600 files

DEBUG = os.environ.get("VAGUS_DEBUG", "") in {"1", "true", "yes"}
SECRET_KEY = secret_key()
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("VAGUS_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if host.strip()
]

# The name an authenticator app shows beside a professional's codes.
OTP_TOTP_ISSUER = "Vagus"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    # Second factor for professional accounts: TOTP apps, and one-time recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ninja",  # serves the API docs' own static files: no CDN
    "vagus.accounts",
    "vagus.sharing",
    "vagus.diary",
    "vagus.questionnaires",
    "vagus.insights",
    "vagus.experiments",
    "vagus.microbiome",
    "vagus.tools",
    "vagus.interop",
    "vagus.learn",
    "vagus.reports",
    "vagus.audit",
    "vagus.reminders",
    "vagus.offline",
    "vagus.push",
    "vagus.studies",
    "vagus.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files are answered here, before the no-store rule below: they may be cached.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "vagus.accounts.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Gives request.user.is_verified(): has this session proven a second factor?
    "django_otp.middleware.OTPMiddleware",
    "vagus.accounts.middleware.UserTimeZoneMiddleware",
    # A visit to the app ends a pause of check-in reminders.
    "vagus.reminders.middleware.LastSeenMiddleware",
    # While a self-harm signal is unread, the crisis page comes before every other page.
    "vagus.questionnaires.middleware.SafetyAlertMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "vagus.config.urls"
WSGI_APPLICATION = "vagus.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent.parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vagus.menu.menu",
            ],
        },
    },
]

_sqlite_path = data_dir() / "vagus.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("VAGUS_DATABASE_URL") or f"sqlite:///{_sqlite_path}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "vagus.config.sqlite_backend"
    DATABASES["default"]["CONN_MAX_AGE"] = None  # keep each thread's connection open
    # Tests use an in-memory database, as Django does for its own SQLite engine; said outright
    # because test runners (pytest-xdist) only recognise SQLite by that engine's name.
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at
        # BEGIN, so concurrent writers queue on the busy timeout instead of failing with
        # "database is locked" when a read lock cannot be upgraded.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

AUTH_USER_MODEL = "accounts.User"
# Messages can quote what a person wrote (a meal, a food): keep them server-side, not in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "diary:today"
LOGOUT_REDIRECT_URL = "accounts:login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Repeated failed logins: after 5 failures for one username from one address, that pair is
# locked for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Axes keeps the POST data of failed attempts; the password change and sign-up forms name
# their password fields differently from "password", so mask those too.
AXES_SENSITIVE_PARAMETERS = [
    "old_password",
    "new_password1",
    "new_password2",
    "password1",
    "password2",
    "invite_code",
]
AXES_CLIENT_IP_CALLABLE = "vagus.accounts.client_address.client_address"
# Unset: the lockout keys on the connecting address and ignores X-Forwarded-For, which anyone
# can write. Set it (a count of proxies, or their addresses) when a reverse proxy stands in
# front, so a lockout hits the real client and not everyone behind the proxy.
TRUSTED_PROXY = os.environ.get("VAGUS_TRUSTED_PROXY", "").strip()
try:
    check_trusted_proxy(TRUSTED_PROXY)
except ValueError as exc:
    raise ImproperlyConfigured(f"VAGUS_TRUSTED_PROXY: {exc}.") from None

# Who may create an account: anyone (the local demo's default), holders of a one-time invite
# code, or nobody (accounts come from `vagus createuser`).
SIGNUP_MODES = ("open", "invite", "closed")
SIGNUP_MODE = os.environ.get("VAGUS_SIGNUP", "open").strip().lower() or "open"
if SIGNUP_MODE not in SIGNUP_MODES:
    raise ImproperlyConfigured(
        f"VAGUS_SIGNUP must be one of {', '.join(SIGNUP_MODES)}, not “{SIGNUP_MODE}”."
    )

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the app's static folders: no collectstatic step before `make run`.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Scripts, styles, images and fetches from this server only; no CDN. The experiment report's
# one <style> block carries a per-response nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
if os.environ.get("VAGUS_HTTPS", "") in {"1", "true", "yes"}:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    # vagus serve speaks plain HTTP, so HTTPS means a proxy terminates TLS in front of it; the
    # proxy must set X-Forwarded-Proto (and overwrite one sent by the client).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Reminder emails: VAGUS_EMAIL_URL unset means no email is sent (the other channels still work).
try:
    _email = email_settings(os.environ.get("VAGUS_EMAIL_URL", ""))
except ValueError as exc:
    raise ImproperlyConfigured(f"VAGUS_EMAIL_URL: {exc}.") from None
globals().update(_email)
VAGUS_EMAIL_ENABLED = bool(_email)
DEFAULT_FROM_EMAIL = os.environ.get("VAGUS_EMAIL_FROM", "").strip() or "vagus@localhost"
_first_host = ALLOWED_HOSTS[0] if ALLOWED_HOSTS and ALLOWED_HOSTS[0] != "*" else "127.0.0.1"
VAGUS_BASE_URL = (
    os.environ.get("VAGUS_BASE_URL", "").strip() or f"http://{_first_host}:8000"
).rstrip("/")

CRISIS_COUNTRY = os.environ.get("VAGUS_CRISIS_COUNTRY", "").strip().upper()

# The push services browsers subscribe through. The server POSTs to a subscription's address,
# so any other host is refused: a person could otherwise point the server at an internal one.
# A leading dot allows every subdomain.
VAGUS_PUSH_SERVICES = [
    host.strip().lower()
    for host in os.environ.get(
        "VAGUS_PUSH_SERVICES",
        "fcm.googleapis.com,.push.services.mozilla.com,.push.apple.com,.notify.windows.com",
    ).split(",")
    if host.strip()
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Background work: imports and the scheduled clean-up run in a huey consumer (`vagus worker`,
# started beside gunicorn by `vagus serve`). Its queue is a SQLite file in the data directory,
# so it works the same whether the main database is SQLite or PostgreSQL.
VAGUS_IMPORTS_AT_ONCE = max(1, int(os.environ.get("VAGUS_IMPORTS_AT_ONCE", "2") or 2))
VAGUS_IMPORTS_PER_PERSON = 1
VAGUS_MAX_UPLOAD_MB = float(os.environ.get("VAGUS_MAX_UPLOAD_MB", "512") or 512)
INSTALLED_APPS += ["huey.contrib.djhuey", "vagus.worker"]
HUEY = {
    "huey_class": "huey.SqliteHuey",
    "name": "vagus",
    "filename": str(data_dir() / "tasks.sqlite3"),
    "immediate": False,
    "results": False,
    "consumer": {"workers": VAGUS_IMPORTS_AT_ONCE, "worker_type": "thread"},
}
