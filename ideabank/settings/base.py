"""Settings shared by every environment; everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
IDEABANK_PORT = int(os.environ.get("IDEABANK_PORT", "8000"))

INSTALLED_APPS = [
    "daphne",
    "ideabank.accounts",
    "ideabank.taxonomy",
    "ideabank.ideas",
    "ideabank.methods",
    "ideabank.spread",
    "ideabank.attachments",
    "ideabank.api",
    "ideabank.live",
    "ideabank.notifications",
    "ideabank.mfa",
    "ideabank.sso",
    "ideabank.pagecache",
    "ideabank.demo",
    "home",
    "search",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "channels",
    "ninja",  # its Swagger UI files, so the API page loads them from the site, not from a CDN
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
]

MIDDLEWARE = [
    "ideabank.ops.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML and JSON compressed (static files come precompressed from WhiteNoise above, which answers before
    # this runs). BREACH: Django masks the CSRF token anew in every response and this middleware pads each
    # response with random bytes (Heal the Breach), and no other secret is ever in a page; see the README.
    "ideabank.compression.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ideabank.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ideabank.accounts.middleware.SessionTimeoutMiddleware",
    "ideabank.mfa.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "ideabank.pagecache.middleware.PageCacheMiddleware",
]

ROOT_URLCONF = "ideabank.urls"
WSGI_APPLICATION = "ideabank.wsgi.application"
ASGI_APPLICATION = "ideabank.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ideabank.accounts.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# DATABASE_POOL=true: PostgreSQL connections from a pool in each ASGI process (psycopg_pool). Under ASGI each
# request runs in a thread of its own, so CONN_MAX_AGE would leave a connection per thread; without either,
# every request opens one (a new server process and a SCRAM handshake, ~4 ms of CPU; see `make bench`).
if os.environ.get("DATABASE_POOL", "").lower() == "true" and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "pool": {
            "min_size": 1,
            "max_size": int(os.environ.get("DATABASE_POOL_SIZE", "4")),
            # Seconds a request waits for a connection (e.g. while PostgreSQL restarts) before it gets a 503.
            "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "10")),
        },
    }
    # Django then gives the pool psycopg_pool's check_connection: each connection is checked as it leaves the
    # pool, so after PostgreSQL restarts the dead ones are replaced instead of failing one request each
    # (see tests/deploy/test_faults.py).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

REDIS_URL = os.environ.get("REDIS_URL", "")
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")  # one node, or several comma-separated

# PostgreSQL's full-text search uses its Danish configuration (stemming and stop words).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "danish"

if REDIS_URL:
    # Short timeouts: while Redis is away the cache answers "miss" (ideabank/redis_cache.py) instead of waiting.
    CACHES = {
        "default": {
            "BACKEND": "ideabank.redis_cache.SharedPoolRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [REDIS_URL]}}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Sessions and signed-in users read from the shared cache (ideabank/accounts/signed_in.py); only with Redis,
# which every server process shares, so that ending a session ends it everywhere.
IDEABANK_SIGNED_IN_CACHE_SECONDS = int(os.environ.get("IDEABANK_SIGNED_IN_CACHE_SECONDS", "60" if REDIS_URL else "0"))

# Whole pages for anonymous visitors (ideabank/pagecache). On by default only with Redis: the cache must
# be shared by every server process, or a write in one would leave stale pages in the others.
IDEABANK_PAGE_CACHE_SECONDS = int(os.environ.get("IDEABANK_PAGE_CACHE_SECONDS", "300" if REDIS_URL else "0"))
IDEABANK_PAGE_CACHE_VIEWS = frozenset(
    {
        "wagtail_serve",
        "ideas:list",
        "ideas:detail",
        "search:search",
        "search:suggestions",
        "search:similar",
        "spread:overview",
        "spread:organisation",
        "open_data",
        "accessibility_statement",
        "api:list_ideas",
        "api:idea_detail",
        "api:list_methods",
        "api:method_detail",
        "api:list_comments",
        "api:search",
        "api:similar_ideas",
        "api:spread",
    }
)

# Pages that signed-in colleagues with the same role and organisation share, their personal parts filled in
# for each (ideabank/pagecache/personal.py); a view still decides per response whether it may be shared.
IDEABANK_SHARED_PAGE_VIEWS = frozenset(
    {"wagtail_serve", "ideas:list", "ideas:detail", "search:search", "spread:overview", "notifications:list"}
)

# Accounts and login
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "ideabank.accounts.backends.AccountBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "display_name")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "ideabank.accounts.lockout.lockout_username"
AXES_CLIENT_IP_CALLABLE = "ideabank.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "ideabank.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Two-factor (ideabank/mfa, django-otp): required for moderators and above before the Wagtail admin.
OTP_TOTP_ISSUER = "Idébanken"
OTP_TOTP_THROTTLE_FACTOR = 1  # seconds; doubles with each wrong code in a row
# Single sign-on (ideabank/sso): seconds to wait for an organisation's identity provider.
IDEABANK_SSO_TIMEOUT = float(os.environ.get("IDEABANK_SSO_TIMEOUT", "10"))

# E-mail domains that may sign up on their own besides those carried by an organisation.
IDEABANK_SIGNUP_DOMAINS = env_list("IDEABANK_SIGNUP_DOMAINS")
IDEABANK_INVITATION_DAYS = 14
# Pre-moderation: new ideas wait for a moderator before they are published.
IDEABANK_PREMODERATION = os.environ.get("IDEABANK_PREMODERATION", "false").lower() == "true"
# The escalation queue (ideabank/methods): ideas with this many votes from this many organisations.
IDEABANK_ESCALATION_MIN_VOTES = int(os.environ.get("IDEABANK_ESCALATION_MIN_VOTES", "10"))
IDEABANK_ESCALATION_MIN_ORGANISATIONS = int(os.environ.get("IDEABANK_ESCALATION_MIN_ORGANISATIONS", "3"))
# Per-user rate limits (django-ratelimit syntax), shared by the HTML views and the API.
IDEABANK_RATE_LIMITS = {
    "idea": os.environ.get("RATE_LIMIT_IDEA", "10/h"),
    "vote": os.environ.get("RATE_LIMIT_VOTE", "120/m"),
    "comment": os.environ.get("RATE_LIMIT_COMMENT", "20/m"),
    "report": os.environ.get("RATE_LIMIT_REPORT", "20/h"),
    # Wrong two-factor codes per user (ideabank/mfa); django-otp's growing delay per app comes on top.
    "mfa": os.environ.get("RATE_LIMIT_MFA", "5/15m"),
    # Encounters (ideabank/spread/encounters.py): a busy day of meetings, codes for citizens to answer
    # themselves, and answers per address on the citizen page, which also stops guessing codes.
    "encounter": os.environ.get("RATE_LIMIT_ENCOUNTER", "300/m"),
    "citizen_code": os.environ.get("RATE_LIMIT_CITIZEN_CODE", "60/h"),
    "citizen_code_address": os.environ.get("RATE_LIMIT_CITIZEN_CODE_ADDRESS", "200/h"),
    "citizen_answer": os.environ.get("RATE_LIMIT_CITIZEN_ANSWER", "120/h"),
}
RATELIMIT_VIEW = "ideabank.ratelimit.rate_limited"
# Exchanging e-mail and password for an API token (POST /api/v1/auth/token), per client address.
IDEABANK_TOKEN_RATE = os.environ.get("RATE_LIMIT_TOKEN", "10/m")
# How many proxies of our own stand in front (nginx: 1). Only then is X-Forwarded-For read, for every
# throttle and lockout (ideabank/client_ip.py); with 0 a client could claim any address.
IDEABANK_TRUSTED_PROXIES = int(os.environ.get("IDEABANK_TRUSTED_PROXIES", "0"))
NINJA_NUM_PROXIES = IDEABANK_TRUSTED_PROXIES
RATELIMIT_IP_META_KEY = "ideabank.client_ip.client_ip"  # django-ratelimit's "ip" key: the same address
# The counters live in the cache: while Redis is down, posting and voting go on without limits rather than
# every user being refused (login lockouts are in the database and hold).
RATELIMIT_FAIL_OPEN = True
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Idébanken <noreply@idebanken.localhost>")

# Language: Danish first, English second. Source strings are Danish.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
# Numbers and dates look the same on every page, chart and e-mail: 43.588 and "17. december 2024" in Danish,
# 43,588 and "17 December 2024" in English (ideabank/formats). Templates show ids with |unlocalize.
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["ideabank.formats"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Files attached to ideas: outside MEDIA_ROOT, so only the view that checks the idea's visibility serves them.
    "attachments": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "attachments"), "base_url": None},
    },
}
# Or an S3-compatible object store (needs `pip install -e '.[s3]'`): set ATTACHMENTS_S3_BUCKET and friends.
if os.environ.get("ATTACHMENTS_S3_BUCKET"):
    STORAGES["attachments"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["ATTACHMENTS_S3_BUCKET"],
            "endpoint_url": os.environ.get("ATTACHMENTS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("ATTACHMENTS_S3_REGION") or None,
            "access_key": os.environ.get("ATTACHMENTS_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("ATTACHMENTS_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("ATTACHMENTS_S3_PREFIX", "idebanken"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
IDEABANK_ATTACHMENTS_PER_IDEA = 5
IDEABANK_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# Behind nginx: answer downloads with `X-Accel-Redirect: <prefix><path>` and let nginx send the file from an
# `internal` location (see README). Empty: Django streams the file itself.
IDEABANK_ATTACHMENTS_ACCEL_REDIRECT = os.environ.get("ATTACHMENTS_ACCEL_REDIRECT", "")

# Background work (django-tasks): immediate by default; TASKS_BACKEND=database queues it for `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if os.environ.get("TASKS_BACKEND") == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
# Search: the index follows each save after commit. Index names are prefixed per environment.
SEARCH_INDEX_ON_COMMIT = True
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "ideabank")
SEARCH_REFRESH = False  # Elasticsearch makes writes searchable within a second; tests wait for them
# Copies of each shard on other nodes: 1 with a two-node cluster, so search survives losing a node.
SEARCH_INDEX_REPLICAS = int(os.environ.get("SEARCH_INDEX_REPLICAS", "0"))
# After Elasticsearch fails a search, each process answers from the database this long before asking again.
SEARCH_RETRY_AFTER_SECONDS = float(os.environ.get("SEARCH_RETRY_AFTER_SECONDS", "30"))

WAGTAIL_SITE_NAME = "Idébanken"
# No third-party requests (DESIGN §9): Gravatar would send a hash of every editor's e-mail; initials instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{IDEABANK_PORT}")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
TAGGIT_CASE_INSENSITIVE = True

SESSION_COOKIE_HTTPONLY = True
# Sessions (accounts/sessions.py): in the database beside their user's id, so all of a user's sessions can
# end at once. A session ends after IDLE hours without a request, and MAX hours after the login however
# active it is: a working day with margin, so shared computers do not stay logged in overnight.
SESSION_ENGINE = "ideabank.accounts.sessions"
IDEABANK_SESSION_IDLE_HOURS = float(os.environ.get("IDEABANK_SESSION_IDLE_HOURS", "8"))
IDEABANK_SESSION_MAX_HOURS = float(os.environ.get("IDEABANK_SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_AGE = int(IDEABANK_SESSION_IDLE_HOURS * 3600)
# Retention (manage.py purge_expired, daily): notifications are kept this many days.
IDEABANK_NOTIFICATION_RETENTION_DAYS = int(os.environ.get("IDEABANK_NOTIFICATION_RETENTION_DAYS", "365"))
# Messages may carry a freshly created API key: keep them server-side, not in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
CSRF_COOKIE_HTTPONLY = False  # the small JS client reads it for fetch()
X_FRAME_OPTIONS = "DENY"

# A strict Content Security Policy: our own scripts and styles only, no inline code.
# The Wagtail admin needs inline scripts and keeps its own rules (the API docs page runs under this one).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"ideabank.audit": {"handlers": ["console"], "level": "INFO"}},
}
