"""Signaal settings: one module, configured by environment variables.

Secure by default: unless SIGNAAL_ENV says otherwise, Signaal runs as production (HTTPS-only
cookies, HSTS, no demo data, a secret key from the environment). `make run` sets
SIGNAAL_ENV=development and SIGNAAL_DEMO=true; the test run sets SIGNAAL_ENV=test.
"""

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.filemodes import private_directory, private_file, write_private_file
from core.logging import configuration as logging_configuration

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name, default, *, minimum=None, maximum=None):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        limits = f"at least {minimum}" if maximum is None else f"from {minimum or 0} to {maximum}"
        raise ImproperlyConfigured(f"{name} must be a whole number {limits}, not {value!r}")
    return number


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


SIGNAAL_ENV = env_str("SIGNAAL_ENV", "production")
if SIGNAAL_ENV not in {"production", "development", "test"}:
    raise ImproperlyConfigured("SIGNAAL_ENV must be production, development or test")
PRODUCTION = SIGNAAL_ENV == "production"

DEBUG = env_bool("DEBUG", False)
if DEBUG and PRODUCTION:
    raise ImproperlyConfigured("DEBUG may not be switched on in production")

# Demo mode loads demo accounts with known passwords and backup codes. Never in production.
SIGNAAL_DEMO = env_bool("SIGNAAL_DEMO", False)
if SIGNAAL_DEMO and PRODUCTION:
    raise ImproperlyConfigured("SIGNAAL_DEMO may not be switched on in production")

VAR_DIR = Path(env_str("SIGNAAL_VAR_DIR", str(BASE_DIR / "var")))


def _secret_key():
    key = env_str("SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production")
    # The embedded default keeps a generated key beside the database, never in the repository.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        private_directory(VAR_DIR)
        write_private_file(key_file, secrets.token_urlsafe(50))
        print(
            f"WARNING: generated a local secret key in {key_file}. "
            "Set SECRET_KEY in the environment for anything but a local installation.",
            file=sys.stderr,
        )
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Public base address used in e-mails (links to verify, activate, reset).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "whitenoise.runserver_nostatic",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.settings",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.users",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.sites",
    "wagtail",
    "modelcluster",
    "taggit",
    "core",
    "regions",
    "audit",
    "accounts",
    "search",
    "content",
    "indicators",
    "reports",
    "privacy",
    "monitor",
]

MIDDLEWARE = [
    "core.logging.request_log",
    "core.middleware.client_address",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.security_headers",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.admin_style_attributes",  # /cms/ only: Wagtail's scripted style attributes
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.admin_in_dutch",  # /cms/ and /beheer/ in Dutch for everyone
    "core.middleware.known_methods",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF (which reads the post): a post too big to read on the public forms.
    "reports.middleware.oversized_posts",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorRequiredMiddleware",
    "accounts.middleware.wagtail_admin_access",
    "content.richtext.request_user",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "core.pagecache.anonymous_pages",
]

# Public pages for visitors who are not signed in are kept this many seconds per web process
# (core/pagecache.py); 0 switches it off. Off in the tests, which change content and look again.
SIGNAAL_PAGE_CACHE_SECONDS = env_int(
    "SIGNAAL_PAGE_CACHE_SECONDS", 0 if SIGNAAL_ENV == "test" else 60
)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
            # |local_date and |local_datetime (core/dates.py) in every template without a load.
            "builtins": ["core.templatetags.dates"],
        },
    },
]

FORM_RENDERER = "core.forms.SignaalFormRenderer"

# Database: SQLite (WAL, busy timeout) unless DATABASE_URL points elsewhere.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    # The database file is created (or closed) here with mode 600, in a var directory of mode
    # 700; SQLite gives its -wal and -shm files the database file's mode (core/filemodes.py).
    private_directory(VAR_DIR)
    SQLITE_PATH = env_str("SQLITE_PATH", str(VAR_DIR / "signaal.sqlite3"))
    if not SQLITE_PATH.startswith((":", "file:")):
        private_directory(Path(SQLITE_PATH).parent)
        private_file(SQLITE_PATH)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:start"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2

# Links in account e-mails expire after this many hours.
SIGNAAL_LINK_HOURS = env_int("SIGNAAL_LINK_HOURS", 48, minimum=1)
# Rate limits per hour against probing and mail floods: account requests per client address and
# per requested e-mail address; "send to a colleague" links per user.
SIGNAAL_ACCOUNT_REQUESTS_PER_HOUR = env_int("SIGNAAL_ACCOUNT_REQUESTS_PER_HOUR", 10, minimum=1)
SIGNAAL_ACCOUNT_REQUESTS_PER_ADDRESS = env_int("SIGNAAL_ACCOUNT_REQUESTS_PER_ADDRESS", 3, minimum=1)
SIGNAAL_SHARES_PER_HOUR = env_int("SIGNAAL_SHARES_PER_HOUR", 30, minimum=1)
# A password login waits this long for its second factor before starting over.
SIGNAAL_TWO_FACTOR_SECONDS = 300

# Sessions: idle timeout (every request extends it), gone when the browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30, minimum=1) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

HTTPS = env_bool("SIGNAAL_HTTPS", PRODUCTION)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# Load balancers and orchestrators probe the web processes directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Behind a reverse proxy: the scheme comes from X-Forwarded-Proto and the client's address from
# X-Forwarded-For, both only when the request comes from one of SIGNAAL_TRUSTED_PROXIES (addresses
# or networks; core.middleware.client_address).
SIGNAAL_BEHIND_PROXY = env_bool("SIGNAAL_BEHIND_PROXY", False)
SIGNAAL_TRUSTED_PROXIES = env_list("SIGNAAL_TRUSTED_PROXIES", ["127.0.0.1", "::1"])
if SIGNAAL_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Lockout after repeated failures on the same account.
AXES_FAILURE_LIMIT = env_int("SIGNAAL_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGNAAL_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_CALLABLE = "accounts.lockout.lockout_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Lockout is per account: a per-IP lockout would lock out a whole municipality behind one NAT
# address. Request-rate limits per IP belong in the reverse proxy (docs/operations.md).
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_ENABLE_ACCESS_FAILURE_LOG = False

OTP_TOTP_ISSUER = "Signaal"

# Wagtail: the knowledge base and the editors' admin (at /cms/, behind our own two-factor login).
WAGTAIL_SITE_NAME = "Signaal"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "accounts:login"
WAGTAIL_FRONTEND_LOGIN_URL = "/account/inloggen/"
WAGTAILDOCS_DOCUMENT_MODEL = "content.KnowledgeDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "content.forms.KnowledgeDocumentForm"
# Documents are served only by our permission-checking, audited view; never from /media/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "png", "jpg", "jpeg"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"PASSWORD": False}
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Login data (address, password) changes only on our own audited screens; /cms/account/ itself
# is sent to the profile (config/urls.py), this closes the e-mail field should it ever show.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_I18N_ENABLED = False
# The admin in Dutch for everyone (the public side's language choice does not carry over), and no
# avatars fetched from gravatar.com (a third-party request the CSP refuses).
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploaded files (the knowledge base's documents and images, some of them restricted) are never
# served by the web server itself: readable by Signaal's own user only.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# Largest document an editor may upload.
SIGNAAL_MAX_DOCUMENT_BYTES = env_int("SIGNAAL_MAX_DOCUMENT_MB", 50, minimum=1) * 1024 * 1024
# Extraction: seconds per document before the worker gives up on it.
SIGNAAL_EXTRACTION_SECONDS = env_int("SIGNAAL_EXTRACTION_SECONDS", 60, minimum=1)
# Extracted text is cleaned and cut to this many characters (PostgreSQL's index limit is 1 MB).
SIGNAAL_EXTRACTED_TEXT_LIMIT = 500_000

# Reports: attachments are stored encrypted under var/private, never under MEDIA_ROOT.
SIGNAAL_PRIVATE_DIR = Path(env_str("SIGNAAL_PRIVATE_DIR", str(VAR_DIR / "private")))
SIGNAAL_MAX_ATTACHMENT_BYTES = env_int("SIGNAAL_MAX_ATTACHMENT_MB", 10, minimum=1) * 1024 * 1024
SIGNAAL_MAX_ATTACHMENTS = 5
# Public submissions per client address per hour, and mailbox sign-in attempts per address per
# hour. Behind a proxy REMOTE_ADDR must be the client's address (docs/operations.md).
SIGNAAL_REPORTS_PER_HOUR = env_int("SIGNAAL_REPORTS_PER_HOUR", 20, minimum=1)
SIGNAAL_MAILBOX_ATTEMPTS_PER_HOUR = env_int("SIGNAAL_MAILBOX_ATTEMPTS_PER_HOUR", 20, minimum=1)

# Privacy officer's checks: more distinct reports opened by one person on one day is unusual;
# reads outside these hours (and in the weekend) are listed.
SIGNAAL_UNUSUAL_READS_PER_DAY = env_int("SIGNAAL_UNUSUAL_READS_PER_DAY", 30, minimum=1)
SIGNAAL_OFFICE_HOURS = (
    env_int("SIGNAAL_OFFICE_HOURS_START", 7, minimum=0, maximum=23),
    env_int("SIGNAAL_OFFICE_HOURS_END", 19, minimum=0, maximum=23),
)
if SIGNAAL_OFFICE_HOURS[0] >= SIGNAAL_OFFICE_HOURS[1]:
    raise ImproperlyConfigured(
        "SIGNAAL_OFFICE_HOURS_START must be an hour before SIGNAAL_OFFICE_HOURS_END"
    )

# Personal data encryption (core/crypto.py, docs/operations.md "Encryption keys"): Fernet keys,
# comma separated, the first encrypts and all decrypt (rotation: put the new key in front); without
# them a key file generated under the var directory (not allowed on a database server). The blind
# index has its own key, derived from SECRET_KEY unless set.
SIGNAAL_ENCRYPTION_KEYS = env_list("SIGNAAL_ENCRYPTION_KEYS", [])
SIGNAAL_INDEX_KEY = env_str("SIGNAAL_INDEX_KEY")

# Case handling (reports/workflow.py, reports/actions/), in working days: the triage deadline
# per priority, and how long a partner has to accept a referral before a reminder goes out.
SIGNAAL_DEADLINE_DAYS = {
    "high": env_int("SIGNAAL_DEADLINE_DAYS_HIGH", 1, minimum=1),
    "normal": env_int("SIGNAAL_DEADLINE_DAYS_NORMAL", 5, minimum=1),
}
SIGNAAL_REFERRAL_ACCEPT_DAYS = env_int("SIGNAAL_REFERRAL_ACCEPT_DAYS", 2, minimum=1)


# The audit log's hash chain is keyed (HMAC) with a secret that is not in the database, so that
# someone who can only write to the database cannot add or rewrite events unseen. Without
# SIGNAAL_AUDIT_KEY a key derived from SECRET_KEY is used (changing SECRET_KEY then makes every
# keyed event fail verification): set it in production and never change it.
def _audit_key():
    key = env_str("SIGNAAL_AUDIT_KEY")
    if key and (len(key) < 32 or key.strip() != key):
        raise ImproperlyConfigured(
            "SIGNAAL_AUDIT_KEY must be at least 32 characters without surrounding spaces, e.g. "
            "the output of: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )
    return key


SIGNAAL_AUDIT_KEY = _audit_key()
# The daily job appends the audit chain's head (count, hash, time) to this file (mode 600), a
# place outside the database; verify_audit_log compares the chain with every anchored head.
SIGNAAL_AUDIT_ANCHOR_FILE = Path(
    env_str("SIGNAAL_AUDIT_ANCHOR_FILE", str(VAR_DIR / "audit-anchors.jsonl"))
)


# Backups (core/backup.py, docs/operations.md "Backup and restore") are encrypted with age to the
# X25519 public keys in SIGNAAL_BACKUP_RECIPIENTS ("age1...", comma separated; the holder of any
# one of their private keys can restore). A restore reads the private key from the age identity
# file SIGNAAL_BACKUP_IDENTITY_FILE (written by age-keygen), or from `restore --identity FILE`:
# the machine that makes backups needs only the public key.
def _backup_recipients():
    from pyrage import RecipientError, x25519

    recipients = env_list("SIGNAAL_BACKUP_RECIPIENTS", [])
    for number, value in enumerate(recipients, 1):
        if value.upper().startswith("AGE-SECRET-KEY-"):
            raise ImproperlyConfigured(
                f"SIGNAAL_BACKUP_RECIPIENTS holds a private key (item {number}): give the public "
                "key (age1..., the line '# public key:' of the identity file) and keep the "
                "private key off this machine"
            )
        try:
            x25519.Recipient.from_str(value)
        except RecipientError:
            raise ImproperlyConfigured(
                f"SIGNAAL_BACKUP_RECIPIENTS item {number} is not an age public key (age1... as "
                f"printed by age-keygen), not {value!r}"
            ) from None
    return recipients


SIGNAAL_BACKUP_RECIPIENTS = _backup_recipients()
_backup_identity_file = env_str("SIGNAAL_BACKUP_IDENTITY_FILE")
SIGNAAL_BACKUP_IDENTITY_FILE = Path(_backup_identity_file) if _backup_identity_file else None

# The RIEC region this installation serves (regions.models.RiecRegion): the municipal policy
# monitor lists its municipalities. Monitor: counts from 1 up to this number are shown as "<5"
# outside the reporting point; the facts are recounted at most this many minutes apart.
SIGNAAL_RIEC_REGION = env_str("SIGNAAL_RIEC_REGION", "midden-nederland")
SIGNAAL_SMALL_NUMBER = 4
SIGNAAL_MONITOR_REFRESH_MINUTES = env_int("SIGNAAL_MONITOR_REFRESH_MINUTES", 10, minimum=1)

LANGUAGE_CODE = "nl"
# The public pages (home, "Wat zie je?", signal cards, the report form) speak all six, each
# named in itself in the language choice (templates/includes/language_choice.html); the staff
# screens are translated into Dutch and English only, and fall back to English in the others.
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("uk", "Українська"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# No MEDIA_URL route exists: files are served only through permission-checking views.
# Files: "default" holds the knowledge base's documents and images (MEDIA_ROOT), "private" the
# encrypted report attachments (SIGNAAL_PRIVATE_DIR). SIGNAAL_STORAGE=s3 puts both in S3-compatible
# object storage, for several web servers without a shared disk (docs/operations.md, "Storage").
# Nothing hands out storage URLs: documents go through the download view, attachments through the
# audited one. S3 credentials come from boto3's own chain (AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, AWS_PROFILE or an instance role), never from these settings.
SIGNAAL_STORAGE = env_str("SIGNAAL_STORAGE", "filesystem")
SIGNAAL_S3_ACLS = {"private", "bucket-owner-full-control", "none"}


def _storages():
    if SIGNAAL_STORAGE == "filesystem":
        media = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
        private = {"BACKEND": "core.storage.PrivateFileSystemStorage"}
    elif SIGNAAL_STORAGE == "s3":
        bucket = env_str("SIGNAAL_S3_BUCKET")
        if not bucket:
            raise ImproperlyConfigured("SIGNAAL_STORAGE=s3 needs SIGNAAL_S3_BUCKET")
        acl = env_str("SIGNAAL_S3_DEFAULT_ACL", "private")
        if acl not in SIGNAAL_S3_ACLS:
            raise ImproperlyConfigured(
                f"SIGNAAL_S3_DEFAULT_ACL must be one of {sorted(SIGNAAL_S3_ACLS)}, not {acl!r}"
            )
        common = {
            "endpoint_url": env_str("SIGNAAL_S3_ENDPOINT_URL") or None,
            "region_name": env_str("SIGNAAL_S3_REGION") or None,
            "addressing_style": env_str("SIGNAAL_S3_ADDRESSING_STYLE") or None,
            "default_acl": None if acl == "none" else acl,
            "querystring_auth": False,  # url() never signs: a bucket URL gives nothing away
            # Larger files, while being read, go to a temporary file rather than memory.
            "max_memory_size": 5 * 1024 * 1024,
        }
        media = {
            "BACKEND": "core.storage.MediaS3Storage",
            "OPTIONS": {**common, "bucket_name": bucket, "location": "media"},
        }
        private = {
            "BACKEND": "core.storage.PrivateS3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": env_str("SIGNAAL_S3_PRIVATE_BUCKET") or bucket,
                "location": "private",
            },
        }
    else:
        raise ImproperlyConfigured("SIGNAAL_STORAGE must be filesystem or s3")
    return {
        "default": media,
        "private": private,
        # Public files for everyone, whatever the process's umask (core/filemodes.py).
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
            "OPTIONS": {"file_permissions_mode": 0o644, "directory_permissions_mode": 0o755},
        },
    }


STORAGES = _storages()

# E-mail: written to files under var/mail unless an SMTP host is configured.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = private_directory(Path(env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))))
# Pauses (minutes, comma separated) before the next attempts to deliver an e-mail (core/tasks.py).
try:
    SIGNAAL_EMAIL_RETRY_MINUTES = [
        float(value) for value in env_list("SIGNAAL_EMAIL_RETRY_MINUTES", [])
    ] or None
except ValueError:
    raise ImproperlyConfigured(
        "SIGNAAL_EMAIL_RETRY_MINUTES must be minutes separated by commas, e.g. 1,5,15"
    ) from None
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Signaal <noreply@signaal.localhost>")

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Task workers (manage.py run_worker) write a heartbeat every 5 s; a worker not heard from for this
# long is dead: its jobs go back in the queue and readiness fails when no worker is left.
SIGNAAL_WORKER_STALE_SECONDS = env_int("SIGNAAL_WORKER_STALE_SECONDS", 30, minimum=10)

# Logs: JSON lines in production (SIGNAAL_LOG_FORMAT=plain for people), always through the filter
# that removes personal data (core.logging).
LOG_FORMAT = env_str("SIGNAAL_LOG_FORMAT", "json" if PRODUCTION else "plain")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured("SIGNAAL_LOG_FORMAT must be json or plain")
LOGGING = logging_configuration(
    LOG_FORMAT,
    level=env_str("LOG_LEVEL", "INFO"),
    loggers={
        # Axes logs usernames of failed attempts; we audit those ourselves.
        "axes": {"level": "WARNING"},
        # One line per request; at INFO in production, quiet in development and tests (runserver
        # prints its own).
        "signaal.request": {"level": "INFO" if PRODUCTION else "WARNING"},
        # django-tasks-db's worker attaches its own handler when the logger has none.
        "django_tasks_db": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django_tasks": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
)
