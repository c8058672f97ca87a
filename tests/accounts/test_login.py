"""Login, logout, throttling (django-axes), password change and password reset."""

import re

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from ideabank.accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("accounts:login")
LOGOUT_URL = reverse("accounts:logout")
PROFILE_URL = reverse("accounts:profile")
NEW_PASSWORD = "en-helt-ny-og-lang-adgangskode"

WRONG_LOGIN_MESSAGE = "Forkert e-mail eller adgangskode."
LOCKED_MESSAGE = "For mange mislykkede loginforsøg."


def login(client, email, password, **extra):
    return client.post(LOGIN_URL, {"username": email, "password": password, **extra})


def is_logged_in(client, user=None):
    user_id = client.session.get(SESSION_KEY)
    if user is None:
        return user_id is not None
    return user_id is not None and str(user_id) == str(user.pk)


def test_login_page_renders_in_danish(client):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Log ind</h1>" in content
    assert 'name="username"' in content
    assert 'type="email"' in content
    assert 'name="password"' in content
    assert reverse("accounts:password_reset") in content


def test_login_with_email_and_password_lands_on_the_profile(client, staff):
    response = login(client, staff.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    assert is_logged_in(client, staff)

    profile = client.get(PROFILE_URL)
    assert profile.status_code == 200
    assert staff.email in profile.content.decode()


def test_login_email_is_case_insensitive(client, staff):
    response = login(client, staff.email.upper(), PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client, staff)


def test_login_follows_a_safe_next(client, staff):
    response = login(client, staff.email, PASSWORD, next="/konto/adgangskode/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/adgangskode/"


def test_login_ignores_an_offsite_next(client, staff):
    response = login(client, staff.email, PASSWORD, next="https://evil.example.com/")
    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL


def test_wrong_password_shows_the_danish_message(client, staff):
    response = login(client, staff.email, "forkert-adgangskode")
    assert response.status_code == 200
    assert WRONG_LOGIN_MESSAGE in response.content.decode()
    assert not is_logged_in(client)


def test_unknown_email_shows_the_same_message(client, staff):
    response = login(client, "ingen@aarhus.dk", PASSWORD)
    assert response.status_code == 200
    assert WRONG_LOGIN_MESSAGE in response.content.decode()
    assert not is_logged_in(client)


def test_blocked_user_cannot_log_in(client, staff):
    staff.is_active = False
    staff.save()
    response = login(client, staff.email, PASSWORD)
    assert response.status_code == 200
    assert not is_logged_in(client)


def test_login_is_throttled_after_the_failure_limit(client, staff):
    limit = django_settings.AXES_FAILURE_LIMIT
    assert limit == 5
    for _attempt in range(limit - 1):
        response = login(client, staff.email, "forkert-adgangskode")
        assert response.status_code == 200
    login(client, staff.email, "forkert-adgangskode")  # the limit-th failure

    response = login(client, staff.email, PASSWORD)  # even the right password is refused now

    assert response.status_code == 429
    assert LOCKED_MESSAGE in response.content.decode()
    assert not is_logged_in(client)


def test_throttled_page_is_danish_and_offers_password_reset(client, staff):
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT + 1):
        response = login(client, staff.email, "forkert-adgangskode")
    assert response.status_code == 429
    content = response.content.decode()
    assert 'lang="da"' in content
    assert "For mange forsøg" in content
    assert reverse("accounts:password_reset") in content


def test_throttle_is_per_account(client, staff, colleague):
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT + 1):
        login(client, staff.email, "forkert-adgangskode")
    response = login(client, colleague.email, PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client, colleague)


def test_successful_login_resets_the_failure_count(client, staff):
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT - 1):
        login(client, staff.email, "forkert-adgangskode")
    assert login(client, staff.email, PASSWORD).status_code == 302
    client.post(LOGOUT_URL)

    for _attempt in range(django_settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, staff.email, "forkert-adgangskode").status_code == 200
    assert login(client, staff.email, PASSWORD).status_code == 302
    assert is_logged_in(client, staff)


def test_logout_by_post(client, staff):
    client.force_login(staff)
    response = client.post(LOGOUT_URL)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not is_logged_in(client)
    assert client.get(PROFILE_URL).status_code == 302


def test_logout_by_get_is_not_allowed(client, staff):
    client.force_login(staff)
    response = client.get(LOGOUT_URL)
    assert response.status_code == 405
    assert is_logged_in(client, staff)


def test_logout_form_is_in_the_header(client, staff):
    client.force_login(staff)
    content = client.get(PROFILE_URL).content.decode()
    assert f'action="{LOGOUT_URL}"' in content


# --- password change -------------------------------------------------------------------------


def test_password_change_requires_login(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_password_change_works(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    staff.refresh_from_db()
    assert staff.check_password(NEW_PASSWORD)
    assert not staff.check_password(PASSWORD)
    # The session survives the change.
    followed = client.get(PROFILE_URL)
    assert followed.status_code == 200
    assert "Din adgangskode er ændret." in followed.content.decode()

    client.post(LOGOUT_URL)
    assert login(client, staff.email, PASSWORD).status_code == 200
    assert login(client, staff.email, NEW_PASSWORD).status_code == 302


def test_password_change_with_a_wrong_old_password_changes_nothing(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "forkert-adgangskode", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_password_change_refuses_a_weak_password(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


# --- password reset --------------------------------------------------------------------------


def reset_link(message):
    match = re.search(r"https?://[^/\s]+(/konto/adgangskode/nulstil/[^\s]+/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_password_reset_sends_an_email_with_a_working_link(client, staff):
    response = client.post(reverse("accounts:password_reset"), {"email": staff.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [staff.email]
    assert "Idébanken" in message.body
    link = reset_link(message)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "new_password1" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link

    done = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == LOGIN_URL

    staff.refresh_from_db()
    assert staff.check_password(NEW_PASSWORD)
    assert login(client, staff.email, NEW_PASSWORD).status_code == 302
    assert is_logged_in(client, staff)


def test_password_reset_link_works_only_once(client, staff):
    client.post(reverse("accounts:password_reset"), {"email": staff.email})
    link = reset_link(mail.outbox[0])
    form_page = client.get(link, follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    client.logout()
    again = client.get(link, follow=True)
    assert "new_password1" not in again.content.decode()
    assert "Linket er ugyldigt eller allerede brugt." in again.content.decode()


def test_password_reset_for_an_unknown_email_sends_nothing_and_reveals_nothing(client, staff):
    response = client.post(reverse("accounts:password_reset"), {"email": "ingen@aarhus.dk"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_password_reset_with_a_bad_token_is_refused(client, staff):
    response = client.get(
        reverse("accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "bad-token"}), follow=True
    )
    assert response.status_code == 200
    assert "new_password1" not in response.content.decode()
    assert "Linket er ugyldigt eller allerede brugt." in response.content.decode()
    assert User.objects.get(pk=staff.pk).check_password(PASSWORD)
