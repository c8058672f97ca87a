"""Recovery codes: random, hashed at rest, single use."""

import pytest
from django.test import override_settings

from ideabank.mfa.models import RecoveryCode, RecoveryDevice, recovery_digest
from ideabank.mfa.services import replace_recovery_codes

pytestmark = pytest.mark.django_db


def test_codes_are_stored_as_keyed_hashes_only(staff):
    codes = replace_recovery_codes(staff)
    stored = list(RecoveryCode.objects.filter(device__user=staff).values_list("digest", flat=True))
    assert sorted(stored) == sorted(recovery_digest(code) for code in codes)
    with override_settings(SECRET_KEY="another-key"):
        assert recovery_digest(codes[0]) not in stored  # the hash needs the server's key


def test_each_code_works_once(staff):
    codes = replace_recovery_codes(staff)
    device = RecoveryDevice.objects.get(user=staff)
    assert device.verify_token(codes[0])
    assert not device.verify_token(codes[0])
    assert device.verify_token(codes[1].upper().replace("-", " "))  # typed loosely
    assert device.remaining() == 8


def test_codes_survive_a_secret_key_rotation_through_the_fallbacks(staff, settings):
    codes = replace_recovery_codes(staff)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-secret-key"
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert RecoveryDevice.objects.get(user=staff).verify_token(codes[0])


def test_wrong_and_malformed_codes_fail(staff):
    replace_recovery_codes(staff)
    device = RecoveryDevice.objects.get(user=staff)
    for code in ["", "abcde-fghjk", "12345", "x" * 200]:
        assert not device.verify_token(code)
    assert device.remaining() == 10
