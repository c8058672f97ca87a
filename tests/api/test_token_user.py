"""A bearer token's user comes from the shared cache with the organisation and the role, as a session's does
(ideabank/api/auth.py); the token itself is checked on every request."""

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
