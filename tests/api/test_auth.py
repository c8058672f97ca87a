"""API authentication (DESIGN §6): token exchange, bearer tokens, session auth, JSON errors."""

import pytest
from django.conf import settings as django_settings
from wagtail.models import APIToken

from ideabank.accounts.roles import Role
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token"
ME_URL = "/api/v1/me"
UNAUTHENTICATED = "Du skal være logget ind eller sende en gyldig API-nøgle."


def ask_token(client, email, password, **extra):
    return client.post(TOKEN_URL, {"email": email, "password": password, **extra}, content_type="application/json")


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def assert_json_error(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail"}
    assert body["detail"]
    return body["detail"]


# --- POST /auth/token ------------------------------------------------------------------------


def test_good_credentials_give_a_token(client, staff):
    response = ask_token(client, staff.email, PASSWORD)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"token"}
    token = APIToken.objects.get(user=staff)
    assert body["token"].startswith(token.prefix)
    assert token.revoked_at is None


def test_the_token_works_on_me(client, staff):
    key = ask_token(client, staff.email, PASSWORD).json()["token"]
    response = client.get(ME_URL, **bearer(key))
    assert response.status_code == 200
    assert response.json()["email"] == staff.email


def test_token_name_is_stored(client, staff):
    ask_token(client, staff.email, PASSWORD, name="Regneark")
    assert APIToken.objects.get(user=staff).name == "Regneark"


def test_token_email_is_case_insensitive(client, staff):
    response = ask_token(client, staff.email.upper(), PASSWORD)
    assert response.status_code == 201


def test_each_exchange_gives_a_new_token(client, staff):
    first = ask_token(client, staff.email, PASSWORD).json()["token"]
    second = ask_token(client, staff.email, PASSWORD).json()["token"]
    assert first != second
    assert APIToken.objects.filter(user=staff).count() == 2


def test_wrong_password_is_401_json(client, staff):
    detail = assert_json_error(ask_token(client, staff.email, "forkert-adgangskode"), 401)
    assert detail == "Forkert e-mail eller adgangskode."
    assert not APIToken.objects.filter(user=staff).exists()


def test_unknown_email_is_401_json(client):
    assert_json_error(ask_token(client, "ingen@aarhus.dk", PASSWORD), 401)
    assert not APIToken.objects.exists()


def test_blocked_user_gets_no_token(client, staff):
    staff.is_active = False
    staff.save()
    assert_json_error(ask_token(client, staff.email, PASSWORD), 401)
    assert not APIToken.objects.exists()


def test_malformed_body_is_a_json_client_error(client):
    response = client.post(TOKEN_URL, {"email": "x@aarhus.dk"}, content_type="application/json")
    assert response.status_code in (400, 422)
    assert "detail" in response.json()
    assert not APIToken.objects.exists()


def test_token_exchange_is_throttled_after_repeated_failures(client, staff):
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT):
        response = ask_token(client, staff.email, "forkert-adgangskode")
        assert response.status_code in (401, 429)

    response = ask_token(client, staff.email, PASSWORD)  # the right password no longer helps

    detail = assert_json_error(response, 429)
    assert "For mange" in detail
    assert not APIToken.objects.filter(user=staff).exists()


def test_token_exchange_is_throttled_per_client_across_accounts(client, db):
    """Guessing across many accounts from one client is also stopped (10 a minute)."""
    statuses = [ask_token(client, f"gaet{n}@aarhus.dk", "forkert-adgangskode").status_code for n in range(11)]
    assert statuses[:10] == [401] * 10
    assert_json_error(ask_token(client, "gaet-igen@aarhus.dk", "forkert-adgangskode"), 429)


def test_api_lockout_also_blocks_the_website_login(client, staff):
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT):
        ask_token(client, staff.email, "forkert-adgangskode")
    web = client.post("/konto/log-ind/", {"username": staff.email, "password": PASSWORD})
    assert web.status_code == 429


# --- GET /me ---------------------------------------------------------------------------------


def test_me_with_a_token(client, staff, token_for):
    response = client.get(ME_URL, **token_for(staff))
    assert response.status_code == 200
    body = response.json()
    assert body["email"] == staff.email
    assert body["display_name"] == staff.display_name
    assert body["job_title"] == staff.job_title
    assert body["language"] == "da"
    assert body["role"] == "medarbejder"
    organisation = body["organisation"]
    assert organisation["name"] == "Aarhus Kommune"
    assert organisation["kind"] == "kommune"
    assert organisation["municipality_code"] == 751
    assert organisation["region_code"] == 1082
    assert organisation["slug"]
    assert organisation["id"] == staff.organisation_id


@pytest.mark.parametrize(
    ("role", "value"),
    [
        (Role.MEDARBEJDER, "medarbejder"),
        (Role.MODERATOR, "moderator"),
        (Role.REDAKTOER, "redaktoer"),
        (Role.ADMINISTRATOR, "administrator"),
    ],
)
def test_me_reports_the_role(client, token_for, role, value):
    user = UserFactory(role=role)
    assert client.get(ME_URL, **token_for(user)).json()["role"] == value


def test_me_without_organisation(client, token_for):
    user = UserFactory(organisation=None)
    response = client.get(ME_URL, **token_for(user))
    assert response.status_code == 200
    assert response.json()["organisation"] is None


def test_me_without_auth_is_401_json(client):
    detail = assert_json_error(client.get(ME_URL), 401)
    assert detail == UNAUTHENTICATED


@pytest.mark.parametrize(
    "header",
    ["Bearer wagtail_notarealtoken", "Bearer ", "Token abc", "Basic dXNlcjpwYXNz", "Bearer wagtail_" + "A" * 40],
)
def test_me_with_a_bad_token_is_401(client, header):
    assert_json_error(client.get(ME_URL, HTTP_AUTHORIZATION=header), 401)


def test_bad_token_is_401_even_with_a_logged_in_session(client, staff):
    client.force_login(staff)
    assert client.get(ME_URL).status_code == 200
    assert_json_error(client.get(ME_URL, **bearer("wagtail_notarealtoken")), 401)


def test_revoked_token_is_401_even_with_a_logged_in_session(client, staff):
    token, key = APIToken.create_token(user=staff, name="test")
    token.revoke()
    client.force_login(staff)
    assert_json_error(client.get(ME_URL, **bearer(key)), 401)


def test_token_of_a_blocked_user_is_401(client, staff, token_for):
    headers = token_for(staff)
    staff.is_active = False
    staff.save()
    assert_json_error(client.get(ME_URL, **headers), 401)


def test_session_auth_works_for_get(client, staff):
    client.force_login(staff)
    response = client.get(ME_URL)
    assert response.status_code == 200
    assert response.json()["email"] == staff.email


def test_session_of_a_blocked_user_is_401(client, staff):
    client.force_login(staff)
    staff.is_active = False
    staff.save()
    assert_json_error(client.get(ME_URL), 401)


def test_token_identifies_its_owner_not_the_session(client, staff, outsider, token_for):
    client.force_login(staff)
    response = client.get(ME_URL, **token_for(outsider))
    assert response.status_code == 200
    assert response.json()["email"] == outsider.email


def test_token_use_is_recorded(client, staff):
    token, key = APIToken.create_token(user=staff, name="test")
    assert token.last_used_at is None
    client.get(ME_URL, **bearer(key))
    token.refresh_from_db()
    assert token.last_used_at is not None
