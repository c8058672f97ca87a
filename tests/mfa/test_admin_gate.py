"""Who reaches what before the second factor: the Wagtail admin needs it for moderators and above, and a
user with two-factor on uses the site only in a verified session, however the session was logged in."""

import pytest
from django.urls import reverse

from ideabank.accounts.roles import Role
from tests.factories import PASSWORD, UserFactory

from .conftest import code_for, enrol, logged_in_as

pytestmark = pytest.mark.django_db

SETUP = reverse("mfa:setup")
VERIFY = reverse("mfa:verify")


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.REDAKTOER, Role.ADMINISTRATOR])
def test_privileged_roles_without_an_app_are_sent_to_set_one_up(client, role):
    client.force_login(UserFactory(role=role))

    response = client.get("/admin/moderation/reports/")

    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2Fmoderation%2Freports%2F"
    page = client.get(response["Location"]).content.decode()
    assert "Din rolle kræver totrinsbekræftelse, før du kan bruge administrationen." in page


def test_after_setting_up_the_moderator_continues_to_the_admin(client, moderator):
    client.force_login(moderator)
    client.get(f"{SETUP}?next=/admin/")
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=moderator)
    response = client.post(SETUP, {"code": code_for(device), "next": "/admin/"})
    codes_page = client.get(response["Location"]).content.decode()

    assert 'href="/admin/"' in codes_page  # "Fortsæt" after saving the codes
    assert client.get("/admin/").status_code == 200


def test_the_public_site_does_not_ask_privileged_roles_without_an_app(client, moderator):
    client.force_login(moderator)
    assert client.get("/ideer/").status_code == 200
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_an_unverified_session_of_an_enrolled_moderator_goes_to_the_code_step(client, moderator):
    device, _codes = enrol(moderator)
    client.force_login(moderator)  # e.g. a session from before two-factor was switched on

    response = client.get("/admin/")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"

    response = client.post(response["Location"], {"code": code_for(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_wagtails_own_login_form_does_not_skip_the_code(client, moderator):
    enrol(moderator)
    client.post(reverse("wagtailadmin_login"), {"username": moderator.email, "password": PASSWORD})
    assert logged_in_as(client) == str(moderator.pk)  # Wagtail logged the password in ...

    response = client.get("/admin/")  # ... but the admin still wants the code
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert client.get("/ideer/")["Location"].startswith(VERIFY)


def test_staff_who_switched_it_on_must_verify_everywhere(client, staff):
    enrol(staff)
    client.force_login(staff)

    assert client.get("/")["Location"] == f"{VERIFY}?next=%2F"
    assert client.get(reverse("accounts:profile"))["Location"].startswith(VERIFY)
    api = client.get("/api/v1/me")
    assert api.status_code == 403
    assert "godkendelsesapp" in api.json()["detail"]
    # Logging out and the code step itself stay reachable.
    assert client.get(VERIFY).status_code == 200
    client.post(reverse("accounts:logout"))
    assert logged_in_as(client) is None


def test_bearer_tokens_are_not_sessions_and_pass(client, staff, token_for):
    enrol(staff)
    assert client.get("/api/v1/me", **token_for(staff)).status_code == 200


def test_staff_without_two_factor_are_not_affected(client, staff):
    client.force_login(staff)
    assert client.get("/").status_code == 200
    # Wagtail still refuses them the admin as before, by sending them to its login page.
    assert client.get("/admin/")["Location"].startswith(reverse("wagtailadmin_login"))
