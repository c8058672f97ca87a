"""Single sign-on fixtures: a real OpenID Connect provider on 127.0.0.1 (started once per test process) and
organisations configured to use it.

The provider runs three instances: "honest" (the organisation's IdP), "other" (a second, unrelated IdP
that knows the same client, for mix-up attacks) and "forged" (publishes a key that does not match its
signatures). If node or the provider's packages are missing the tests fail — never skip — so CI cannot
quietly stop testing single sign-on.
"""

import pytest

from ideabank.accounts.models import Organisation
from ideabank.sso.models import IdentityProvider
from tests.factories import OrganisationFactory

from .provider import CLIENT_ID, CLIENT_SECRET, LocalProvider, ProviderUnavailable

CALLBACK = "http://testserver/konto/sso/retur/"


@pytest.fixture(scope="session")
def oidc():
    try:
        provider = LocalProvider(
            [{"name": "honest"}, {"name": "other"}, {"name": "forged", "forgeJwks": True}], [CALLBACK]
        )
    except ProviderUnavailable as error:
        pytest.fail(f"The single sign-on tests need the local OIDC provider: {error}", pytrace=False)
    yield provider
    provider.stop()


@pytest.fixture
def configure(db):
    """Give an organisation single sign-on: ``configure(issuer, domains="kommune.dk", organisation=None)``."""

    def make(issuer, domains="kommune.dk", organisation=None, enabled=True, client_id=CLIENT_ID, name="Testkommune"):
        organisation = organisation or Organisation.objects.filter(name=name).first() or OrganisationFactory(name=name)
        provider = IdentityProvider(
            organisation=organisation, issuer=issuer, client_id=client_id, email_domains=domains, enabled=enabled
        )
        provider.set_client_secret(CLIENT_SECRET)
        provider.full_clean()
        provider.save()
        return provider

    return make


@pytest.fixture
def idp(oidc, configure):
    """Testkommune (kommune.dk) signs in at the honest local provider."""
    return configure(oidc.issuers["honest"])
