"""Administrators configure an organisation's identity provider in the Wagtail admin; the client secret is
stored encrypted and never shown again."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ideabank.sso.models import IdentityProvider
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ADD = reverse("wagtailsnippets_sso_identityprovider:add")


def form_data(organisation, **overrides):
    return {
        "organisation": organisation.pk,
        "issuer": "https://login.microsoftonline.com/0b6f-tenant/v2.0",
        "client_id": "5f1c-client",
        "client_secret": "meget-hemmelig-vaerdi",
        "email_domains": "Kommune.dk,  mso.kommune.dk",
        "enabled": "on",
        **overrides,
    }


def test_an_administrator_adds_a_provider_and_the_secret_is_encrypted(client, administrator, verified_login):
    verified_login(client, administrator)
    organisation = OrganisationFactory(name="Testkommune")

    response = client.post(ADD, form_data(organisation))

    assert response.status_code == 302, response.content.decode()[:2000]
    provider = IdentityProvider.objects.get(organisation=organisation)
    assert provider.client_secret == "meget-hemmelig-vaerdi"
    assert "meget-hemmelig-vaerdi" not in provider.client_secret_encrypted
    assert provider.email_domains == "kommune.dk, mso.kommune.dk"
    edit = client.get(reverse("wagtailsnippets_sso_identityprovider:edit", args=[provider.pk])).content.decode()
    assert "meget-hemmelig-vaerdi" not in edit and provider.client_secret_encrypted not in edit


def test_saving_without_a_new_secret_keeps_the_old_one(client, administrator, verified_login, configure):
    verified_login(client, administrator)
    provider = configure("https://login.example.dk/tenant/v2.0")
    url = reverse("wagtailsnippets_sso_identityprovider:edit", args=[provider.pk])

    response = client.post(url, form_data(provider.organisation, client_secret="", client_id="ny-klient"))

    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.client_id == "ny-klient"
    assert provider.client_secret == "test-client-secret-0123456789abcdef"


def test_a_new_provider_needs_a_secret(client, administrator, verified_login):
    verified_login(client, administrator)
    response = client.post(ADD, form_data(OrganisationFactory(), client_secret=""))
    assert response.status_code == 200
    assert not IdentityProvider.objects.exists()


@pytest.mark.parametrize("role_fixture", ["moderator", "editor"])
def test_moderators_and_editors_cannot_configure_it(client, request, role_fixture, verified_login):
    verified_login(client, request.getfixturevalue(role_fixture))
    response = client.get(ADD)
    assert response.status_code in (302, 403)
    assert client.post(ADD, form_data(OrganisationFactory())).status_code in (302, 403)
    assert not IdentityProvider.objects.exists()


def test_the_issuer_must_be_https_except_on_this_machine(configure):
    with pytest.raises(ValidationError) as error:
        configure("http://login.example.dk/tenant/v2.0")
    assert "issuer" in error.value.message_dict
    configure("http://127.0.0.1:8080")


def test_a_domain_belongs_to_one_organisations_login_only(configure):
    configure("https://login.example.dk/a/v2.0", domains="kommune.dk")
    with pytest.raises(ValidationError) as error:
        configure("https://login.example.dk/b/v2.0", domains="andet.dk, KOMMUNE.dk", name="Andet sted")
    assert "kommune.dk" in str(error.value.message_dict["email_domains"])


@pytest.mark.parametrize("domains", ["", " , ", "kommune", "kom mune.dk", "anne@kommune.dk"])
def test_domains_must_be_plain_domain_names(configure, domains):
    with pytest.raises(ValidationError) as error:
        configure("https://login.example.dk/a/v2.0", domains=domains)
    assert "email_domains" in error.value.message_dict


def test_the_secret_survives_a_secret_key_rotation_through_the_fallbacks(configure, settings):
    provider = configure("https://login.example.dk/a/v2.0")
    old = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-brand-new-key", [old]
    assert IdentityProvider.objects.get(pk=provider.pk).client_secret == "test-client-secret-0123456789abcdef"
    settings.SECRET_KEY_FALLBACKS = []
    assert IdentityProvider.objects.get(pk=provider.pk).client_secret == ""  # unreadable: enter it again
