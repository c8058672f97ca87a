"""The demo logins reach the admin in `make run` through the real code step, with a shared known key."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from ideabank.accounts.roles import Role
from ideabank.demo.two_factor import DEMO_TOTP_KEY, demo_code, demo_manual_key, seed_demo_devices
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_privileged_demo_users_get_the_shared_demo_app_once(staff, moderator, editor, administrator):
    users = [staff, moderator, editor, administrator]
    seed_demo_devices(users)
    seed_demo_devices(users)
    assert not TOTPDevice.objects.filter(user=staff).exists()
    for user in (moderator, editor, administrator):
        assert TOTPDevice.objects.get(user=user, confirmed=True).key == DEMO_TOTP_KEY


def test_an_app_the_user_set_up_is_kept(moderator):
    own = TOTPDevice.objects.create(user=moderator, confirmed=True)
    seed_demo_devices([moderator])
    assert list(TOTPDevice.objects.filter(user=moderator)) == [own]


def test_the_command_prints_the_current_code_and_the_key():
    out = StringIO()
    call_command("demo_totp", stdout=out)
    assert demo_manual_key() in out.getvalue()
    assert out.getvalue()[:6].isdigit()


def test_the_demo_code_is_accepted_by_a_demo_device():
    user = UserFactory(role=Role.REDAKTOER)
    seed_demo_devices([user])
    assert TOTPDevice.objects.get(user=user).verify_token(demo_code())
