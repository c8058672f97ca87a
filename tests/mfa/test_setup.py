"""Setting up two-factor: QR code and key, confirming with a code, recovery codes shown once."""

import base64
import re

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from ideabank.mfa.models import RecoveryCode, RecoveryDevice

from .conftest import code_for, enrol

pytestmark = pytest.mark.django_db

SETUP = reverse("mfa:setup")
CODES = reverse("mfa:recovery_codes")


def test_anonymous_is_sent_to_login(client):
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_the_page_shows_a_qr_code_drawn_here_and_the_key(client, staff):
    client.force_login(staff)
    response = client.get(SETUP)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # the page carries the secret
    content = response.content.decode()
    match = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)"[^>]*alt="QR-kode', content)
    assert match, "the QR code is an inline SVG image with a text alternative"
    assert base64.b64decode(match.group(1)).startswith(b"<svg")
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    assert " ".join(key[i : i + 4] for i in range(0, len(key), 4)) in content
    # A reload keeps the same key: the app the user already scanned stays valid.
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_a_wrong_code_keeps_two_factor_off(client, staff):
    client.force_login(staff)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=staff)

    response = client.post(SETUP, {"code": "000000" if code_for(device) != "000000" else "111111"})

    assert response.status_code == 200
    assert "Koden er forkert." in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert not RecoveryDevice.objects.filter(user=staff).exists()


def test_the_right_code_switches_it_on_and_shows_recovery_codes_once(client, staff):
    client.force_login(staff)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=staff)

    response = client.post(SETUP, {"code": code_for(device)})

    assert response.status_code == 302 and response["Location"].startswith(CODES)
    device.refresh_from_db()
    assert device.confirmed
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id  # this session counts as verified
    page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", page)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "Koderne vises kun denne ene gang" in page
    # Stored only as keyed hashes.
    digests = set(RecoveryCode.objects.filter(device__user=staff).values_list("digest", flat=True))
    assert len(digests) == 10
    assert not any(code in digest or code.replace("-", "") in digest for code in codes for digest in digests)
    # Never shown again.
    again = client.get(CODES).content.decode()
    assert not re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", again)
    assert "Du har 10 ubrugte gendannelseskoder tilbage." in again


def test_new_recovery_codes_replace_the_old_ones(client, staff, verified_login):
    _device, old = enrol(staff)
    verified_login(client, staff)
    client.post(CODES)
    page = client.get(CODES).content.decode()
    new = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", page)

    assert len(new) == 10 and not set(new) & set(old)
    device = RecoveryDevice.objects.get(user=staff)
    assert not device.verify_token(old[0])
    assert device.verify_token(new[0])


def test_setting_up_twice_is_refused(client, staff, verified_login):
    enrol(staff)
    verified_login(client, staff)
    response = client.get(SETUP)
    assert response["Location"] == reverse("accounts:profile")


def test_the_profile_says_whether_two_factor_is_on(client, staff, moderator, verified_login):
    client.force_login(staff)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Totrinsbekræftelse" in page and "Slået fra" in page and SETUP in page

    client.force_login(moderator)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Din rolle kræver totrinsbekræftelse" in page

    enrol(staff)
    verified_login(client, staff)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Slået til" in page and "Du har 10 ubrugte gendannelseskoder." in page
    assert reverse("mfa:disable") in page


def test_the_data_export_says_two_factor_is_on_without_secrets(staff):
    import json

    from ideabank.accounts import privacy

    device, codes = enrol(staff)
    data = privacy.export_user_data(staff, acting=staff)

    assert data["two_factor"]["enabled"] is True
    assert data["two_factor"]["recovery_codes_left"] == 10
    text = json.dumps(data)
    assert device.key not in text and not any(code in text for code in codes)
