"""The profile page: details, language and personal API tokens."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken

from ideabank.accounts.models import User

pytestmark = pytest.mark.django_db

PROFILE_URL = reverse("accounts:profile")
TOKEN_CREATE_URL = reverse("accounts:token_create")
KEY_PATTERN = re.compile(r"Din nye API-nøgle er: (\S+) — kopiér den nu")


def profile_data(user, **overrides):
    data = {"display_name": user.display_name, "job_title": user.job_title, "language": user.language}
    data.update(overrides)
    return data


def html_lang(response):
    match = re.search(r'<html lang="([^"]+)"', response.content.decode())
    assert match, "no <html lang> in the page"
    return match.group(1)


def test_profile_requires_login(client):
    response = client.get(PROFILE_URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={PROFILE_URL}"


def test_profile_post_requires_login(client, staff):
    response = client.post(PROFILE_URL, profile_data(staff, display_name="Hacker"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    staff.refresh_from_db()
    assert staff.display_name != "Hacker"


def test_profile_shows_the_users_details(client, staff):
    client.force_login(staff)
    response = client.get(PROFILE_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert staff.email in content
    assert "Aarhus Kommune" in content
    assert "Medarbejder" in content
    assert response.context["role_label"] == "Medarbejder"


def test_profile_shows_the_role_of_an_editor(client, editor):
    client.force_login(editor)
    response = client.get(PROFILE_URL)
    assert response.context["role_label"] == "Redaktør"


def test_editing_display_name_job_title_and_language_saves(client, staff):
    client.force_login(staff)
    response = client.post(PROFILE_URL, {"display_name": "Kirsten Madsen", "job_title": "Pædagog", "language": "en"})
    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    staff.refresh_from_db()
    assert staff.display_name == "Kirsten Madsen"
    assert staff.job_title == "Pædagog"
    assert staff.language == "en"

    page = client.get(PROFILE_URL)
    assert html_lang(page) == "en"
    assert "Kirsten Madsen" in page.content.decode()


def test_profile_edit_shows_a_confirmation(client, staff):
    client.force_login(staff)
    response = client.post(PROFILE_URL, profile_data(staff, display_name="Kirsten Madsen"), follow=True)
    assert "Din profil er gemt." in response.content.decode()


def test_profile_edit_refuses_an_empty_name(client, staff):
    client.force_login(staff)
    old_name = staff.display_name
    response = client.post(PROFILE_URL, profile_data(staff, display_name=""))
    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]
    staff.refresh_from_db()
    assert staff.display_name == old_name


def test_profile_edit_refuses_an_unknown_language(client, staff):
    client.force_login(staff)
    response = client.post(PROFILE_URL, profile_data(staff, language="xx"))
    assert response.status_code == 200
    assert response.context["form"].errors["language"]
    staff.refresh_from_db()
    assert staff.language == "da"


def test_profile_edit_cannot_change_email_or_organisation(client, staff, odense):
    client.force_login(staff)
    email, organisation = staff.email, staff.organisation
    client.post(PROFILE_URL, {**profile_data(staff), "email": "new@odense.dk", "organisation": odense.pk})
    staff.refresh_from_db()
    assert staff.email == email
    assert staff.organisation == organisation


# --- language --------------------------------------------------------------------------------


def test_pages_are_danish_by_default(client, staff):
    client.force_login(staff)
    assert html_lang(client.get(PROFILE_URL)) == "da"


def test_language_switch_changes_the_users_language(client, staff):
    client.force_login(staff)
    response = client.post("/sprog/", {"language": "en", "next": PROFILE_URL})
    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    staff.refresh_from_db()
    assert staff.language == "en"

    assert html_lang(client.get(PROFILE_URL)) == "en"
    assert html_lang(client.get("/")) == "en"


def test_language_is_remembered_across_sessions(client, staff):
    client.force_login(staff)
    client.post("/sprog/", {"language": "en", "next": "/"})

    other_browser = Client()
    other_browser.force_login(User.objects.get(pk=staff.pk))
    assert html_lang(other_browser.get(PROFILE_URL)) == "en"


def test_language_switch_back_to_danish(client, staff):
    client.force_login(staff)
    client.post("/sprog/", {"language": "en", "next": "/"})
    client.post("/sprog/", {"language": "da", "next": "/"})
    staff.refresh_from_db()
    assert staff.language == "da"
    assert html_lang(client.get(PROFILE_URL)) == "da"


def test_language_switch_ignores_an_unknown_language(client, staff):
    client.force_login(staff)
    client.post("/sprog/", {"language": "xx", "next": "/"})
    staff.refresh_from_db()
    assert staff.language == "da"


def test_anonymous_language_switch_uses_the_cookie(client):
    client.post("/sprog/", {"language": "en", "next": "/"})
    assert html_lang(client.get("/")) == "en"


def test_footer_offers_the_language_switch(client):
    content = client.get("/").content.decode()
    assert 'action="/sprog/"' in content
    assert 'name="language" value="en"' in content
    assert 'name="language" value="da"' in content


# --- API tokens ------------------------------------------------------------------------------


def create_token(client, name="Regneark"):
    response = client.post(TOKEN_CREATE_URL, {"name": name}, follow=True)
    assert response.status_code == 200
    match = KEY_PATTERN.search(response.content.decode())
    assert match, "the new key is not shown"
    return match.group(1), response


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_token_create_shows_the_key_once(client, staff):
    client.force_login(staff)
    key, response = create_token(client)

    token = APIToken.objects.get(user=staff)
    assert token.name == "Regneark"
    assert key.startswith(token.prefix)
    assert token.key_hash != key
    assert "Regneark" in response.content.decode()

    again = client.get(PROFILE_URL).content.decode()
    assert key not in again
    assert f"{token.prefix}…" in again


def test_token_requires_a_name(client, staff):
    client.force_login(staff)
    response = client.post(TOKEN_CREATE_URL, {"name": ""})
    assert response.status_code == 200
    assert response.context["token_form"].errors["name"]
    assert not APIToken.objects.filter(user=staff).exists()


def test_token_create_requires_login(client):
    response = client.post(TOKEN_CREATE_URL, {"name": "Regneark"})
    assert response.status_code == 302
    assert not APIToken.objects.exists()


def test_the_new_key_works_as_bearer_and_revoke_stops_it(client, staff):
    client.force_login(staff)
    key, _response = create_token(client)

    api_client = Client()  # no session: the key alone must authenticate
    me = api_client.get("/api/v1/me", **bearer(key))
    assert me.status_code == 200
    assert me.json()["email"] == staff.email

    token = APIToken.objects.get(user=staff)
    revoked = client.post(reverse("accounts:token_revoke", args=[token.pk]), follow=True)
    assert revoked.status_code == 200
    assert "API-nøglen er tilbagekaldt" in revoked.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert f"{token.prefix}…" not in revoked.content.decode()

    after = api_client.get("/api/v1/me", **bearer(key))
    assert after.status_code == 401
    assert "detail" in after.json()


def test_a_user_cannot_revoke_someone_elses_token(client, staff, colleague):
    other_token, other_key = APIToken.create_token(user=colleague, name="Kollegas")
    client.force_login(staff)
    response = client.post(reverse("accounts:token_revoke", args=[other_token.pk]))
    assert response.status_code == 404
    other_token.refresh_from_db()
    assert other_token.revoked_at is None
    assert Client().get("/api/v1/me", **bearer(other_key)).status_code == 200


def test_token_revoke_by_get_is_not_allowed(client, staff):
    token, _key = APIToken.create_token(user=staff, name="Regneark")
    client.force_login(staff)
    response = client.get(reverse("accounts:token_revoke", args=[token.pk]))
    assert response.status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


def test_profile_lists_only_the_users_own_active_tokens(client, staff, colleague):
    APIToken.create_token(user=staff, name="Min nøgle")
    revoked, _key = APIToken.create_token(user=staff, name="Gammel nøgle")
    revoked.revoke()
    APIToken.create_token(user=colleague, name="Kollegas nøgle")
    client.force_login(staff)
    content = client.get(PROFILE_URL).content.decode()
    assert "Min nøgle" in content
    assert "Gammel nøgle" not in content
    assert "Kollegas nøgle" not in content
