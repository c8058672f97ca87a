"""Two-factor for the demo logins of `seed_demo`: moderator, editor and administrator share one known
authenticator key, so `make run` reaches the admin through the real code step (no bypass anywhere).

The key is as public as the demo password: demo accounts must never exist on a real site.
"""

import time
from binascii import hexlify

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ideabank.mfa import services

DEMO_TOTP_KEY = hexlify(b"idebanken-demo-totp!").decode()  # 20 bytes, as django-otp makes them
DEMO_DEVICE_NAME = "Demo"


def seed_demo_devices(users):
    """Give every demo user whose role requires two-factor the shared demo app. Idempotent."""
    seeded = []
    for user in users:
        if not services.is_required(user):
            continue
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=DEMO_DEVICE_NAME, key=DEMO_TOTP_KEY, confirmed=True)
        seeded.append((user, device.key == DEMO_TOTP_KEY))
    return seeded


def demo_manual_key():
    return services.manual_key(TOTPDevice(key=DEMO_TOTP_KEY))


def demo_code(at=None):
    """The code an authenticator app with the demo key shows right now."""
    totp = TOTP(bytes.fromhex(DEMO_TOTP_KEY))
    totp.time = time.time() if at is None else at
    return f"{totp.token():06d}"
