"""A password alone must not buy an API token for an account with two-factor on (the token would be a way
around the code step). Such users make tokens on their profile page, in a verified session.

Needs the small change to ideabank/api/accounts.py create_token described in the two-factor README section.
"""

import pytest
from wagtail.models import APIToken

from tests.factories import PASSWORD

from .conftest import enrol

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token"


def ask(client, user):
    return client.post(TOKEN_URL, {"email": user.email, "password": PASSWORD}, content_type="application/json")


def test_a_password_alone_gets_no_token_when_two_factor_is_on(client, staff):
    enrol(staff)
    response = ask(client, staff)
    assert response.status_code == 403
    assert "totrinsbekræftelse" in response.json()["detail"]
    assert not APIToken.objects.filter(user=staff).exists()


def test_without_two_factor_the_password_still_gets_a_token(client, staff):
    assert ask(client, staff).status_code == 201


def test_the_profile_page_makes_tokens_in_a_verified_session(client, staff, verified_login):
    enrol(staff)
    verified_login(client, staff)
    client.post("/konto/profil/noegler/", {"name": "Regneark"})
    assert APIToken.objects.filter(user=staff, name="Regneark").exists()
