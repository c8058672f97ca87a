"""Lockout and throttles count the right thing (issue #14): the e-mail as login reads it, and the client's
real address — `X-Forwarded-For` only when a trusted proxy count says our own proxy wrote it."""

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory
from django.urls import reverse

from ideabank.client_ip import client_ip
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("accounts:login")
TOKEN_URL = "/api/v1/auth/token"


def ask_token(client, email, password, **headers):
    return client.post(TOKEN_URL, {"email": email, "password": password}, content_type="application/json", **headers)


def test_each_spelling_of_an_email_shares_one_set_of_tries(client, staff):
    spellings = [staff.email, staff.email.upper(), staff.email.title(), f" {staff.email} "]
    for attempt in range(django_settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN_URL, {"username": spellings[attempt % len(spellings)], "password": "forkert"})

    response = client.post(LOGIN_URL, {"username": staff.email.upper(), "password": PASSWORD})

    assert response.status_code == 429


def test_the_token_endpoint_locks_on_the_normalised_email_too(client, staff):
    for attempt in range(django_settings.AXES_FAILURE_LIMIT):
        ask_token(client, staff.email.upper() if attempt % 2 else staff.email, "forkert")
    assert ask_token(client, staff.email.swapcase(), PASSWORD).status_code == 429


def test_a_forwarded_for_header_does_not_reset_the_token_throttle(client, db):
    statuses = [
        ask_token(client, f"gaet{n}@aarhus.dk", "forkert", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(11)
    ]
    assert statuses[:10] == [401] * 10
    assert statuses[10] == 429


def test_the_token_rate_is_a_setting():
    assert django_settings.IDEABANK_TOKEN_RATE == "10/m"


@pytest.mark.parametrize(
    ("trusted", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "127.0.0.9"),  # no proxy of ours: the header is the client's own claim
        (0, "", "127.0.0.9"),
        (1, "203.0.113.9", "203.0.113.9"),  # nginx wrote it
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a client's forged entry comes first, nginx appends
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (3, "203.0.113.9", "203.0.113.9"),  # fewer hops than proxies: the first one
        (1, "", "127.0.0.9"),
    ],
)
def test_the_client_address_honours_only_trusted_proxies(settings, trusted, forwarded, expected):
    settings.IDEABANK_TRUSTED_PROXIES = trusted
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.9", **headers)
    assert client_ip(request) == expected
