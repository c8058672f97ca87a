"""Two-factor test helpers: an enrolled authenticator app and the codes it would show."""

import time

import pytest
from django.contrib.auth import SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ideabank.mfa import services


def code_for(device):
    """The code the user's app shows now, or for the next 30-second step when this step's code was already
    used (a code works once; the server accepts one step of clock difference, so no test has to wait)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += device.step * (device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"


def enrol(user):
    """Switch two-factor on for ``user`` as the setup page would; returns (app, recovery codes)."""
    device = TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
    return device, services.replace_recovery_codes(user)


def logged_in_as(client):
    return client.session.get(SESSION_KEY)


@pytest.fixture
def enrolled(staff):
    """``staff`` with an authenticator app and recovery codes."""
    device, codes = enrol(staff)
    return staff, device, codes
