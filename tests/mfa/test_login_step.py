"""The code step after the password: nobody with two-factor on is logged in by the password alone."""

import time

import pytest
from django.urls import reverse

from ideabank.mfa.login import PENDING_KEY
from tests.factories import PASSWORD

from .conftest import code_for, logged_in_as

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
VERIFY = reverse("mfa:verify")
WRONG = "Koden er forkert."
TOO_MANY = "For mange forkerte koder."


def password_step(client, user, **extra):
    return client.post(LOGIN, {"username": user.email, "password": PASSWORD, **extra})


def test_without_two_factor_the_password_logs_in_directly(client, staff):
    response = password_step(client, staff)
    assert response["Location"] == reverse("accounts:profile")
    assert logged_in_as(client) == str(staff.pk)


def test_the_password_leads_to_the_code_step_and_does_not_log_in(client, enrolled):
    user, _device, _codes = enrolled
    response = password_step(client, user)

    assert response.status_code == 302 and response["Location"] == VERIFY
    assert logged_in_as(client) is None
    assert client.get(reverse("accounts:profile"))["Location"].startswith(LOGIN)  # still anonymous
    page = client.get(VERIFY)
    assert page.status_code == 200
    assert "Bekræft dit login" in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_the_right_code_logs_in_and_goes_where_the_user_was_going(client, enrolled):
    user, device, _codes = enrolled
    password_step(client, user, next="/ideer/")

    response = client.post(VERIFY, {"code": code_for(device)})

    assert response.status_code == 302 and response["Location"] == "/ideer/"
    assert logged_in_as(client) == str(user.pk)
    assert PENDING_KEY not in client.session
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_wrong_code_is_refused_with_a_clear_message(client, enrolled):
    user, device, _codes = enrolled
    password_step(client, user)

    response = client.post(VERIFY, {"code": "000000" if code_for(device) != "000000" else "111111"})

    assert response.status_code == 200
    content = response.content.decode()
    assert WRONG in content and "Der er fejl i formularen" in content
    assert logged_in_as(client) is None


def test_letters_and_empty_codes_are_refused_without_logging_in(client, enrolled):
    user, _device, _codes = enrolled
    password_step(client, user)
    for code in ["", "abc", "12 34", "x" * 30]:
        response = client.post(VERIFY, {"code": code})
        assert response.status_code in (200, 429)
        assert logged_in_as(client) is None


def test_the_app_waits_longer_after_each_wrong_code(client, enrolled, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute after the first miss: no test depends on the clock
    user, device, _codes = enrolled
    password_step(client, user)
    client.post(VERIFY, {"code": "000000" if code_for(device) != "000000" else "111111"})

    response = client.post(VERIFY, {"code": code_for(device)})  # right, but too soon

    assert response.status_code == 429
    content = response.content.decode()
    assert TOO_MANY in content and "Vent" in content
    assert logged_in_as(client) is None
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_after_five_wrong_codes_even_the_right_one_is_refused(client, enrolled, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # only the per-user cap (5 per 15 minutes) in this test
    user, device, _codes = enrolled
    password_step(client, user)
    wrong = "000000" if code_for(device) != "000000" else "111111"
    for _ in range(5):
        assert client.post(VERIFY, {"code": wrong}).status_code == 200

    response = client.post(VERIFY, {"code": code_for(device)})

    assert response.status_code == 429
    assert "Vent et kvarter" in response.content.decode()
    assert logged_in_as(client) is None


def test_wrong_recovery_codes_count_towards_the_cap(client, enrolled, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user, _device, codes = enrolled
    password_step(client, user)
    for _ in range(5):
        client.post(VERIFY, {"code": "aaaaa-aaaaa"})
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 429
    assert logged_in_as(client) is None


def test_a_code_works_only_once(client, enrolled, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user, device, _codes = enrolled
    code = code_for(device)
    password_step(client, user)
    client.post(VERIFY, {"code": code})
    client.post(reverse("accounts:logout"))

    password_step(client, user)
    response = client.post(VERIFY, {"code": code})

    assert WRONG in response.content.decode()
    assert logged_in_as(client) is None


def test_a_recovery_code_logs_in_once_and_says_how_many_are_left(client, enrolled):
    user, _device, codes = enrolled
    password_step(client, user)

    response = client.post(VERIFY, {"code": codes[0].upper().replace("-", " ")}, follow=True)

    assert logged_in_as(client) == str(user.pk)
    assert "Du har brugt en gendannelseskode. Du har 9 tilbage." in response.content.decode()
    client.post(reverse("accounts:logout"))
    password_step(client, user)
    assert WRONG in client.post(VERIFY, {"code": codes[0]}).content.decode()
    assert logged_in_as(client) is None


def test_the_code_step_expires_after_five_minutes(client, enrolled):
    user, device, _codes = enrolled
    password_step(client, user)
    session = client.session
    session[PENDING_KEY]["at"] = int(time.time()) - 301
    session.save()

    response = client.post(VERIFY, {"code": code_for(device)})

    assert response.status_code == 302 and response["Location"] == LOGIN
    assert logged_in_as(client) is None


def test_the_code_step_without_a_password_first_sends_to_login(client):
    response = client.get(VERIFY)
    assert response.status_code == 302 and response["Location"] == LOGIN


def test_a_foreign_next_is_ignored(client, enrolled):
    user, device, _codes = enrolled
    password_step(client, user)
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("accounts:profile")


def test_a_blocked_user_cannot_finish_the_code_step(client, enrolled):
    user, device, _codes = enrolled
    password_step(client, user)
    user.is_active = False
    user.save(update_fields=["is_active"])

    response = client.post(VERIFY, {"code": code_for(device)})

    assert response["Location"] == LOGIN
    assert logged_in_as(client) is None
