"""`User.two_factor_enabled` follows the user's confirmed apps, and the middleware trusts it."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import enrol

pytestmark = pytest.mark.django_db


def flag(user):
    user.refresh_from_db(fields=["two_factor_enabled"])
    return user.two_factor_enabled


def test_only_a_confirmed_app_switches_the_flag_on(staff):
    device = TOTPDevice.objects.create(user=staff, name="Telefon", confirmed=False)
    assert not flag(staff)

    device.confirmed = True
    device.save()
    assert flag(staff)


def test_removing_the_last_app_switches_it_off(staff):
    first, _codes = enrol(staff)
    second = TOTPDevice.objects.create(user=staff, name="Tablet", confirmed=True)

    first.delete()
    assert flag(staff)
    second.delete()
    assert not flag(staff)


def test_a_session_older_than_the_app_is_sent_to_the_code_step(client, staff):
    client.force_login(staff)
    assert client.get("/ideer/").status_code == 200

    enrol(staff)  # from another session, or the admin

    response = client.get("/ideer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/totrin/")
