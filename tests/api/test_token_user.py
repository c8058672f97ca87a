"""A bearer token's user comes from the shared cache with the organisation and the role, as a session's does
(ideabank/api/auth.py); the token itself is checked on every request."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from wagtail.models import APIToken

from ideabank.accounts.roles import GROUP_NAMES, Role

pytestmark = pytest.mark.django_db

ME = "/api/v1/me"


def test_a_token_request_asks_the_database_only_for_the_token(client, staff, token_for, django_assert_num_queries):
    header = token_for(staff)
    client.get(ME, **header)  # the user is cached from here on

    with django_assert_num_queries(1):
        answer = client.get(ME, **header)

    assert answer.status_code == 200
    assert answer.json()["email"] == staff.email


def test_a_new_role_shows_at_once(client, staff, token_for):
    header = token_for(staff)
    assert client.get(ME, **header).json()["role"] == "medarbejder"

    staff.groups.add(Group.objects.get(name=GROUP_NAMES[Role.MODERATOR]))

    assert client.get(ME, **header).json()["role"] == "moderator"


def test_a_revoked_token_stops_at_once_though_its_user_is_cached(client, staff, token_for):
    header = token_for(staff)
    assert client.get(ME, **header).status_code == 200

    APIToken.objects.filter(user=staff).update(revoked_at="2026-01-01T00:00Z")

    assert client.get(ME, **header).status_code == 401


def test_a_blocked_user_stops_at_once(client, staff, token_for):
    header = token_for(staff)
    assert client.get(ME, **header).status_code == 200

    staff.is_active = False
    staff.save()

    assert client.get(ME, **header).status_code == 401


def test_a_token_records_its_use_once_a_minute_not_on_every_request(client, staff, django_assert_num_queries):
    token, key = APIToken.create_token(user=staff, name="test")
    header = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    client.get(ME, **header)
    token.refresh_from_db()
    first_use = token.last_used_at

    with django_assert_num_queries(1):  # the token, and no write
        client.get(ME, **header)
    token.refresh_from_db()
    assert token.last_used_at == first_use

    APIToken.objects.filter(pk=token.pk).update(last_used_at=first_use - timedelta(minutes=2))
    client.get(ME, **header)
    token.refresh_from_db()
    assert token.last_used_at > first_use


def test_a_token_issued_before_the_secret_key_was_rotated_still_works(client, staff, settings):
    _token, key = APIToken.create_token(user=staff, name="test")
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-brand-new-secret-key-for-this-test", [settings.SECRET_KEY]

    answer = client.get(ME, HTTP_AUTHORIZATION=f"Bearer {key}")

    assert answer.status_code == 200
    assert answer.json()["email"] == staff.email
    assert client.get(ME, HTTP_AUTHORIZATION="Bearer not-a-token").status_code == 401
