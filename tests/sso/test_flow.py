"""The whole single sign-on flow against a real local OpenID Connect provider: authorization code with PKCE,
state and nonce, discovery, and the ID token checked against the provider's published keys."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from ideabank.accounts.models import User
from ideabank.accounts.roles import Role, role_of
from ideabank.sso.models import SsoIdentity
from ideabank.sso.views import FLOWS_KEY
from tests.factories import PASSWORD, OrganisationFactory, UserFactory

from .conftest import CALLBACK
from .provider import CLIENT_ID, callback_path, log_in_at_provider

pytestmark = pytest.mark.django_db


def start(client, idp, **params):
    response = client.get(reverse("sso:start", args=[idp.organisation.slug]), params)
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def sign_in(client, idp, login, **params):
    """Start at Idébanken, log in at the provider as ``login``, and deliver the provider's answer."""
    answer = log_in_at_provider(start(client, idp, **params), login, CALLBACK)
    return client.get(callback_path(answer))


def logged_in_as(client):
    return client.session.get(SESSION_KEY)


def refusal(response):
    """The Danish message on the refusal page, and the page's machine-readable reason."""
    content = response.content.decode()
    assert "Login med din organisation lykkedes ikke" in content
    return response.context["message"], response.context["reason"]


# ---- the good path -------------------------------------------------------------------------------


def test_a_new_person_gets_an_account_in_the_organisation_as_medarbejder(client, idp):
    response = sign_in(client, idp, "anne@kommune.dk")

    assert response.status_code == 302 and response["Location"] == reverse("accounts:profile")
    user = User.objects.get(email="anne@kommune.dk")
    assert logged_in_as(client) == str(user.pk)
    assert user.organisation == idp.organisation
    assert role_of(user) == Role.MEDARBEJDER
    assert user.display_name == "Test anne"
    assert not user.has_usable_password()
    assert SsoIdentity.objects.get(user=user).subject == "anne@kommune.dk"


def test_an_existing_account_with_the_address_is_used(client, idp):
    existing = UserFactory(email="bo@kommune.dk", organisation=idp.organisation)

    sign_in(client, idp, "Bo@Kommune.dk")

    assert logged_in_as(client) == str(existing.pk)
    assert User.objects.filter(email__iexact="bo@kommune.dk").count() == 1
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)  # password login keeps working too


def test_the_next_login_finds_the_same_account(client, idp):
    sign_in(client, idp, "anne@kommune.dk")
    client.post(reverse("accounts:logout"))
    sign_in(client, idp, "anne@kommune.dk")
    assert User.objects.filter(email="anne@kommune.dk").count() == 1
    assert logged_in_as(client) == str(User.objects.get(email="anne@kommune.dk").pk)


def test_the_user_comes_back_to_where_they_were_going(client, idp):
    response = sign_in(client, idp, "anne@kommune.dk", next="/ideer/")
    assert response["Location"] == "/ideer/"


def test_the_request_uses_pkce_state_and_nonce(client, idp):
    url = start(client, idp, login_hint="anne@kommune.dk")

    query = {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
    assert url.startswith(idp.issuer)
    assert query["response_type"] == "code"
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == CALLBACK
    assert set(query["scope"].split()) == {"openid", "email", "profile"}
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert len(query["state"]) >= 30 and len(query["nonce"]) >= 30
    assert query["login_hint"] == "anne@kommune.dk"
    flow = client.session[FLOWS_KEY][query["state"]]
    assert flow["nonce"] == query["nonce"] and len(flow["code_verifier"]) >= 43
    assert "client_secret" not in url and flow["code_verifier"] not in url


def test_two_factor_is_still_asked_for_after_single_sign_on(client, idp):
    from tests.mfa.conftest import code_for, enrol

    user = UserFactory(email="mod@kommune.dk", organisation=idp.organisation, role=Role.MODERATOR)
    device, _codes = enrol(user)

    response = sign_in(client, idp, "mod@kommune.dk", next="/admin/")

    assert response["Location"] == reverse("mfa:verify")
    assert logged_in_as(client) is None
    response = client.post(reverse("mfa:verify"), {"code": code_for(device)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


# ---- bad input: refused with a clear message, and no account is created -------------------------


def test_a_bad_state_is_refused(client, idp):
    answer = log_in_at_provider(start(client, idp), "anne@kommune.dk", CALLBACK)
    forged = answer.replace("state=", "state=x")

    response = client.get(callback_path(forged))

    assert response.status_code == 400
    message, reason = refusal(response)
    assert reason == "bad_state" and "ugyldig state" in message
    assert not User.objects.filter(email="anne@kommune.dk").exists()
    assert logged_in_as(client) is None


def test_an_answer_started_in_another_browser_is_refused(client, idp):
    from django.test import Client

    answer = log_in_at_provider(start(Client(), idp), "anne@kommune.dk", CALLBACK)

    response = client.get(callback_path(answer))  # e.g. a login CSRF: someone else's code pushed to us

    assert refusal(response)[1] == "bad_state"
    assert not User.objects.filter(email="anne@kommune.dk").exists()


def test_an_answer_works_only_once(client, idp):
    answer = log_in_at_provider(start(client, idp), "anne@kommune.dk", CALLBACK)
    client.get(callback_path(answer))
    client.post(reverse("accounts:logout"))

    response = client.get(callback_path(answer))

    assert refusal(response)[1] == "bad_state"
    assert logged_in_as(client) is None


def test_an_answer_from_another_identity_provider_is_refused(client, idp, oidc):
    # Mix-up: the login starts at the organisation's IdP, but the answer comes from another IdP.
    url = start(client, idp)
    elsewhere = url.replace(oidc.issuers["honest"], oidc.issuers["other"])
    answer = log_in_at_provider(elsewhere, "anne@kommune.dk", CALLBACK)

    response = client.get(callback_path(answer))

    assert response.status_code == 403
    message, reason = refusal(response)
    assert reason == "wrong_issuer"
    assert oidc.issuers["other"] in message and "Testkommune" in message
    assert not User.objects.filter(email="anne@kommune.dk").exists()


def test_a_provider_that_names_another_issuer_is_refused(client, oidc, configure):
    # The discovery document at the configured address says it is someone else.
    idp = configure(oidc.issuers["honest"].replace("127.0.0.1", "localhost"))

    response = client.get(reverse("sso:start", args=[idp.organisation.slug]))

    assert response.status_code == 400
    message, reason = refusal(response)
    assert reason == "wrong_issuer" and "anden identitetsudbyder" in message
    assert FLOWS_KEY not in client.session


def test_a_bad_signature_is_refused(client, oidc, configure):
    idp = configure(oidc.issuers["forged"])

    response = sign_in(client, idp, "anne@kommune.dk")

    assert response.status_code == 403
    message, reason = refusal(response)
    assert reason == "bad_signature" and "signatur" in message
    assert not User.objects.filter(email="anne@kommune.dk").exists()
    assert logged_in_as(client) is None


@pytest.mark.parametrize("login", ["anne@gmail.com", "anne@kommune.dk.evil.example", "anne@sub.kommune.dk"])
def test_an_address_outside_the_organisations_domains_is_refused(client, idp, login):
    response = sign_in(client, idp, login)

    assert response.status_code == 403
    message, reason = refusal(response)
    assert reason == "email_outside_domains"
    assert login in message and "kommune.dk" in message and "Der er ikke oprettet nogen konto" in message
    assert not User.objects.filter(email=login).exists()
    assert not SsoIdentity.objects.exists()


def test_an_existing_account_outside_the_domains_is_not_logged_in(client, idp):
    UserFactory(email="anne@gmail.com")
    response = sign_in(client, idp, "anne@gmail.com")
    assert refusal(response)[1] == "email_outside_domains"
    assert logged_in_as(client) is None


def test_an_unverified_address_is_not_believed(client, idp):
    response = sign_in(client, idp, "anne@kommune.dk#unverified")
    assert refusal(response)[1] == "email_outside_domains"
    assert not User.objects.filter(email="anne@kommune.dk").exists()


def test_another_person_with_the_same_address_cannot_take_over_the_account(client, idp):
    sign_in(client, idp, "anne@kommune.dk")
    client.post(reverse("accounts:logout"))

    response = sign_in(client, idp, "anne@kommune.dk#2")  # same address, different subject at the IdP

    message, reason = refusal(response)
    assert reason == "other_subject" and "anden person" in message
    assert logged_in_as(client) is None


def test_a_blocked_account_is_refused(client, idp):
    UserFactory(email="anne@kommune.dk", organisation=idp.organisation, is_active=False)
    response = sign_in(client, idp, "anne@kommune.dk")
    assert refusal(response)[0] == "Denne konto er spærret."
    assert logged_in_as(client) is None


def test_an_error_from_the_provider_is_shown_and_nothing_happens(client, idp):
    url = start(client, idp)
    state = parse_qs(urlsplit(url).query)["state"][0]

    response = client.get(reverse("sso:callback"), {"state": state, "error": "access_denied"})

    message, reason = refusal(response)
    assert reason == "provider_error" and "access_denied" in message
    assert not SsoIdentity.objects.exists()
    assert logged_in_as(client) is None


def test_a_forged_code_is_refused_by_the_provider(client, idp, oidc):
    url = start(client, idp)
    state = parse_qs(urlsplit(url).query)["state"][0]

    response = client.get(reverse("sso:callback"), {"state": state, "code": "made-up", "iss": oidc.issuers["honest"]})

    assert refusal(response)[1] == "token_refused"
    assert logged_in_as(client) is None


def test_an_unreachable_provider_gives_a_clear_message(client, configure):
    idp = configure("http://127.0.0.1:9")  # nothing listens on the discard port

    response = client.get(reverse("sso:start", args=[idp.organisation.slug]))

    assert response.status_code == 502
    assert "Vi kunne ikke få forbindelse til login-tjenesten hos Testkommune" in refusal(response)[0]


def test_a_disabled_provider_cannot_be_used(client, oidc, configure):
    idp = configure(oidc.issuers["honest"], enabled=False)
    assert client.get(reverse("sso:start", args=[idp.organisation.slug])).status_code == 404


def test_an_organisation_without_single_sign_on_has_no_start(client, db):
    organisation = OrganisationFactory()
    assert client.get(reverse("sso:start", args=[organisation.slug])).status_code == 404


def test_the_data_export_lists_the_link_to_the_organisations_login(client, idp):
    from ideabank.accounts import privacy

    sign_in(client, idp, "anne@kommune.dk")
    user = User.objects.get(email="anne@kommune.dk")

    [link] = privacy.export_user_data(user, acting=user)["single_sign_on"]

    assert link["organisation"] == "Testkommune" and link["subject"] == "anne@kommune.dk"
    assert link["issuer"] == idp.issuer and link["last_login"]
