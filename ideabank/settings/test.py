"""pytest: fast hashing, in-memory e-mail, no throttles left over between tests."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "attachments": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
# Test transactions never commit: index at once, and never talk to Elasticsearch unless a test asks.
SEARCH_INDEX_ON_COMMIT = False
ELASTICSEARCH_URL = ""
SEARCH_INDEX_PREFIX = "test"
SEARCH_REFRESH = "wait_for"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
IDEABANK_PAGE_CACHE_SECONDS = 0  # tests that need it switch it on
IDEABANK_SIGNED_IN_CACHE_SECONDS = 60  # as in production: one process, and the cache is emptied per test
