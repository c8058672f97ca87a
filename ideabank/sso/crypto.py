"""Client secrets at rest: encrypted with a key derived from SECRET_KEY (Fernet: AES-128-CBC + HMAC-SHA256).

This keeps the secrets out of database dumps, backups and the admin's HTML. It does not protect them from
someone who can read the server's settings as well as the database. A SECRET_KEY rotation keeps them
readable while the old key is in SECRET_KEY_FALLBACKS; saving the provider again re-encrypts with the new key.
"""

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

INFO = b"ideabank.sso.client-secret"


def _fernet(secret_key):
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=INFO).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _keys():
    return MultiFernet(
        [_fernet(settings.SECRET_KEY), *(_fernet(key) for key in getattr(settings, "SECRET_KEY_FALLBACKS", []))]
    )


def encrypt(plain):
    return _keys().encrypt(plain.encode()).decode()


def decrypt(token):
    """The secret, or "" when it cannot be read (no secret saved, or SECRET_KEY changed without fallback)."""
    if not token:
        return ""
    try:
        return _keys().decrypt(token.encode()).decode()
    except InvalidToken:
        return ""
