"""Sessions (issue #9 §5): a new session key at login, an idle and an absolute timeout, all of a user's
sessions ended on password change, blocking and deletion, and "Log ud alle steder" on the profile page."""

import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ideabank.accounts import services as account_services
from ideabank.accounts import sessions
from ideabank.accounts.models import UserSession
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROFILE_URL = reverse("accounts:profile")
HOUR = 3600


def logged_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def is_logged_in(browser):
    return browser.get(PROFILE_URL).status_code == 200


def set_clocks(browser, *, login_ago, seen_ago):
    now = int(time.time())
    session = browser.session
    session[sessions.LOGIN_AT] = now - login_ago
    session[sessions.SEEN_AT] = now - seen_ago
    session.save()


# ---- the session engine -----------------------------------------------------------------------


def test_a_session_knows_its_user(staff):
    browser = logged_in(staff)
    row = UserSession.objects.get(session_key=browser.session.session_key)
    assert row.user_id == staff.pk
    assert row.get_decoded()[SESSION_KEY] == str(staff.pk)


def test_an_anonymous_session_has_no_user(client):
    session = client.session
    session["something"] = 1
    session.save()
    assert UserSession.objects.get(session_key=session.session_key).user_id is None


def test_login_gives_a_new_session_key(client, staff):
    session = client.session
    session["before_login"] = True
    session.save()
    before = session.session_key

    response = client.post(reverse("accounts:login"), {"username": staff.email, "password": PASSWORD})

    assert response.status_code == 302
    after = client.cookies["sessionid"].value
    assert after != before
    assert not UserSession.objects.filter(session_key=before).exists()
    assert UserSession.objects.get(session_key=after).user_id == staff.pk


def test_login_starts_both_clocks(client, staff):
    client.post(reverse("accounts:login"), {"username": staff.email, "password": PASSWORD})
    session = client.session
    assert abs(session[sessions.LOGIN_AT] - time.time()) < 60
    assert session[sessions.SEEN_AT] == session[sessions.LOGIN_AT]
    assert session.get_expiry_age() <= 8 * HOUR


# ---- timeouts --------------------------------------------------------------------------------


def test_an_active_session_stays(staff):
    browser = logged_in(staff)
    set_clocks(browser, login_ago=7 * HOUR, seen_ago=7 * HOUR)
    assert is_logged_in(browser)


def test_idle_for_longer_than_the_timeout_logs_out(staff):
    browser = logged_in(staff)
    key = browser.session.session_key
    set_clocks(browser, login_ago=9 * HOUR, seen_ago=8 * HOUR + 60)

    response = browser.get(PROFILE_URL, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login"))
    assert "Din session er udløbet, så du er logget ud." in response.content.decode()
    assert not UserSession.objects.filter(session_key=key).exists()


def test_the_absolute_timeout_ends_even_a_busy_session(staff):
    browser = logged_in(staff)
    set_clocks(browser, login_ago=12 * HOUR + 60, seen_ago=60)
    assert not is_logged_in(browser)


def test_just_inside_the_absolute_timeout_is_fine(staff):
    browser = logged_in(staff)
    set_clocks(browser, login_ago=12 * HOUR - 60, seen_ago=60)
    assert is_logged_in(browser)


def test_the_timeouts_follow_the_settings(staff, settings):
    settings.IDEABANK_SESSION_IDLE_HOURS = 1
    browser = logged_in(staff)
    set_clocks(browser, login_ago=2 * HOUR, seen_ago=HOUR + 60)
    assert not is_logged_in(browser)

    settings.IDEABANK_SESSION_MAX_HOURS = 2
    browser = logged_in(staff)
    set_clocks(browser, login_ago=2 * HOUR + 60, seen_ago=60)
    assert not is_logged_in(browser)


def test_activity_moves_the_idle_clock_and_the_expiry(staff):
    browser = logged_in(staff)
    set_clocks(browser, login_ago=2 * HOUR, seen_ago=HOUR)

    assert is_logged_in(browser)

    session = browser.session
    assert time.time() - session[sessions.SEEN_AT] < 60
    assert 8 * HOUR - 60 <= session.get_expiry_age() <= 8 * HOUR


def test_the_expiry_never_outlives_the_absolute_timeout(staff):
    browser = logged_in(staff)
    set_clocks(browser, login_ago=10 * HOUR, seen_ago=HOUR)

    assert is_logged_in(browser)

    assert browser.session.get_expiry_age() <= 2 * HOUR


def test_recent_activity_is_not_rewritten_on_every_request(staff):
    browser = logged_in(staff)
    set_clocks(browser, login_ago=HOUR, seen_ago=10)
    seen = browser.session[sessions.SEEN_AT]

    assert is_logged_in(browser)

    assert browser.session[sessions.SEEN_AT] == seen


def test_a_bearer_token_is_not_a_session(client, staff, token_for):
    assert client.get("/api/v1/me", **token_for(staff)).status_code == 200
    assert not UserSession.objects.filter(user=staff).exists()


def test_the_api_with_an_expired_session_is_unauthenticated(staff):
    browser = logged_in(staff)
    set_clocks(browser, login_ago=13 * HOUR, seen_ago=60)
    assert browser.get("/api/v1/me").status_code == 401


# ---- ending all of a user's sessions ----------------------------------------------------------


def test_end_sessions_ends_only_that_users_sessions(staff, colleague):
    phone, laptop, bystander = logged_in(staff), logged_in(staff), logged_in(colleague)

    assert sessions.end_sessions(staff) == 2

    assert not is_logged_in(phone)
    assert not is_logged_in(laptop)
    assert is_logged_in(bystander)


def test_end_sessions_is_still_reachable_from_the_blocking_services():
    assert account_services.end_sessions is sessions.end_sessions


def test_a_password_change_ends_the_other_sessions_and_keeps_this_one(staff):
    here, elsewhere = logged_in(staff), logged_in(staff)
    new_password = "en-helt-ny-adgangskode-42"

    response = here.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )

    assert response.status_code == 302
    assert is_logged_in(here)
    assert not is_logged_in(elsewhere)
    assert UserSession.objects.filter(user=staff).count() == 1


def test_a_password_reset_ends_every_session(client, staff):
    elsewhere = logged_in(staff)
    uid = urlsafe_base64_encode(force_bytes(staff.pk))
    token = default_token_generator.make_token(staff)
    new_password = "en-helt-ny-adgangskode-42"

    reset = client.get(reverse("accounts:password_reset_confirm", args=[uid, token]))
    client.post(reset["Location"], {"new_password1": new_password, "new_password2": new_password})

    staff.refresh_from_db()
    assert staff.check_password(new_password)
    assert not is_logged_in(elsewhere)


def test_saving_without_a_new_password_ends_nothing(staff):
    browser = logged_in(staff)
    staff.job_title = "Gadeplansmedarbejder"
    staff.save()
    assert is_logged_in(browser)


def test_blocking_ends_every_session(staff, moderator):
    browser = logged_in(staff)
    account_services.block_user(moderator, staff)
    assert not UserSession.objects.filter(user=staff).exists()
    assert not is_logged_in(browser)


def test_deleting_the_account_ends_every_session(staff):
    from ideabank.accounts import privacy

    browser = logged_in(staff)
    privacy.delete_account(staff, acting=staff)
    assert not UserSession.objects.filter(user=staff).exists()
    assert not is_logged_in(browser)


# ---- "Log ud alle steder" ---------------------------------------------------------------------


def test_the_profile_page_offers_to_log_out_everywhere(staff):
    html = logged_in(staff).get(PROFILE_URL).content.decode()
    assert reverse("accounts:logout_everywhere") in html
    assert "Log ud alle steder" in html


def test_log_out_everywhere_ends_every_session_including_this_one(staff, colleague, token_for):
    here, elsewhere, bystander = logged_in(staff), logged_in(staff), logged_in(colleague)
    token = token_for(staff)

    response = here.post(reverse("accounts:logout_everywhere"), follow=True)

    assert response.redirect_chain == [(reverse("accounts:login"), 302)]
    assert "Du er logget ud alle steder, også her." in response.content.decode()
    assert not is_logged_in(here)
    assert not is_logged_in(elsewhere)
    assert is_logged_in(bystander)
    assert Client().get("/api/v1/me", **token).status_code == 200  # API keys are managed on their own


def test_log_out_everywhere_needs_a_post(staff):
    browser = logged_in(staff)
    assert browser.get(reverse("accounts:logout_everywhere")).status_code == 405
    assert is_logged_in(browser)
