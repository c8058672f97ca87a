"""Local development: `make run`. Debug on, console e-mail.

Static files are served as production serves them (collected by `make run`, hashed names, Brotli and gzip,
cached for a year), so what `make lighthouse` measures is what a visitor gets. IDEABANK_LIVE_STATIC=1 serves
them straight from static/ instead, for editing CSS and JavaScript without collecting after each change.
"""

import os

from .base import *  # noqa: F403
from .base import SECRET_KEY as _SECRET_KEY

DEBUG = True
SECRET_KEY = _SECRET_KEY or "dev-only-insecure-key-change-me"  # noqa: S105
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
if os.environ.get("IDEABANK_LIVE_STATIC") == "1":
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
    STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
else:
    WHITENOISE_USE_FINDERS = False
    WHITENOISE_AUTOREFRESH = False
