"""Switching two-factor off takes a right code; afterwards the password alone logs in again."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from ideabank.mfa.models import RecoveryDevice
from tests.factories import PASSWORD

from .conftest import code_for, enrol

pytestmark = pytest.mark.django_db

DISABLE = reverse("mfa:disable")


def test_a_wrong_code_leaves_it_on(client, enrolled, verified_login):
    user, device, _codes = enrolled
    verified_login(client, user)

    response = client.post(DISABLE, {"code": "000000" if code_for(device) != "000000" else "111111"})

    assert response.status_code == 200
    assert "Koden er forkert." in response.content.decode()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_the_right_code_switches_it_off(client, enrolled, verified_login):
    user, _device, _codes = enrolled
    verified_login(client, user)  # gives the session its own verified app
    device = TOTPDevice.objects.get(user=user)

    response = client.post(DISABLE, {"code": code_for(device)})

    assert response["Location"] == reverse("accounts:profile")
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not RecoveryDevice.objects.filter(user=user).exists()
    client.post(reverse("accounts:logout"))
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("accounts:profile")


def test_a_recovery_code_also_switches_it_off(client, enrolled, verified_login):
    user, _device, codes = enrolled
    verified_login(client, user)
    client.post(DISABLE, {"code": codes[3]})
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_privileged_roles_are_warned_that_the_admin_needs_it(client, moderator, verified_login):
    enrol(moderator)
    verified_login(client, moderator)
    assert "kan du ikke bruge administrationen uden totrinsbekræftelse" in client.get(DISABLE).content.decode()


def test_without_two_factor_there_is_nothing_to_switch_off(client, staff):
    client.force_login(staff)
    assert client.get(DISABLE)["Location"] == reverse("accounts:profile")


def test_an_operator_can_switch_it_off_for_a_user_who_lost_everything(enrolled):
    from io import StringIO

    from django.core.management import call_command

    user, _device, _codes = enrolled
    out = StringIO()
    call_command("reset_two_factor", user.email.upper(), stdout=out)
    assert "Two-factor is off" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not RecoveryDevice.objects.filter(user=user).exists()
