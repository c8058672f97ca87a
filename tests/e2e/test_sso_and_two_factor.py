"""Account security in a real browser: logging in with one's organisation at a real OpenID Connect provider
(tests/oidc_provider), and setting up and using two-factor. Every page on the way passes axe (WCAG 2.1 AA).

The way out to the provider is a link: the strict CSP (form-action 'self') would stop a form that redirects
to another site, and only a real browser shows that.
"""

import base64
import re
import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from ideabank.accounts.models import User
from ideabank.sso.models import IdentityProvider
from tests.factories import PASSWORD, OrganisationFactory, UserFactory
from tests.sso.provider import CLIENT_ID, CLIENT_SECRET, LocalProvider, ProviderUnavailable


@pytest.fixture(scope="module")
def browser_idp(live_server):
    try:
        provider = LocalProvider([{"name": "honest"}], [f"{live_server.url}/konto/sso/retur/"])
    except ProviderUnavailable as error:
        pytest.fail(f"The single sign-on tests need the local OIDC provider: {error}", pytrace=False)
    yield provider.issuers["honest"]
    provider.stop()


def test_logging_in_with_ones_organisation(page, browser_idp, assert_accessible):
    organisation = OrganisationFactory(name="Testkommune", email_domains="kommune.dk")
    provider = IdentityProvider(
        organisation=organisation, issuer=browser_idp, client_id=CLIENT_ID, email_domains="kommune.dk", enabled=True
    )
    provider.set_client_secret(CLIENT_SECRET)
    provider.save()

    page.goto("/konto/log-ind/")
    page.get_by_role("link", name="Log ind med din organisation").click()
    assert_accessible(page)
    page.get_by_label("Din arbejdsmail").fill("sara@kommune.dk")
    page.get_by_role("button", name="Find min organisation").click()
    assert_accessible(page)
    page.get_by_role("link", name="Log ind med Testkommune").click()

    # The provider's own login page.
    expect(page).to_have_url(re.compile(re.escape(browser_idp)))
    page.locator("input[name=password]").fill("any")
    page.get_by_role("button", name="Sign-in").click()

    expect(page).to_have_url(re.compile(r"/konto/profil/$"))
    expect(page.get_by_role("banner")).to_contain_text("Test sara")
    assert User.objects.get(email="sara@kommune.dk").organisation == organisation


def code_at(key_text, step_offset=0):
    """What an authenticator app with this key shows (``step_offset`` 30-second steps from now)."""
    key = key_text.replace(" ", "")
    raw = base64.b32decode(key + "=" * (-len(key) % 8))
    totp = TOTP(raw)
    totp.time = time.time() + 30 * step_offset
    return f"{totp.token():06d}"


def test_setting_up_and_using_two_factor(page, log_in, assert_accessible):
    UserFactory(email="lars@aalborg.dk", display_name="Lars Winther")
    log_in(page, "lars@aalborg.dk", PASSWORD)

    page.goto("/konto/profil/")
    page.get_by_role("link", name="Slå totrinsbekræftelse til").click()
    assert_accessible(page)
    expect(page.get_by_role("img", name=re.compile("QR-kode"))).to_be_visible()
    key = page.locator("figcaption code").inner_text()
    page.get_by_label("Kode fra appen").fill(code_at(key))
    page.get_by_role("button", name="Slå totrinsbekræftelse til").click()

    expect(page.get_by_role("heading", name="Gem koderne nu")).to_be_visible()
    assert len(page.locator("main li code").all_inner_texts()) == 10
    assert_accessible(page)

    page.context.clear_cookies()
    log_in(page, "lars@aalborg.dk", PASSWORD)
    expect(page).to_have_url(re.compile(r"/konto/totrin/bekraeft/$"))
    page.get_by_label("Kode", exact=True).fill("000000" if code_at(key, 1) != "000000" else "111111")
    page.get_by_role("button", name="Bekræft").click()
    expect(page.get_by_role("alert")).to_contain_text("Koden er forkert.")
    assert_accessible(page)
    # django-otp pauses the app for a second after a wrong code; let that second pass without waiting.
    TOTPDevice.objects.filter(user__email="lars@aalborg.dk").update(throttling_failure_timestamp=None)
    page.get_by_label("Kode", exact=True).fill(code_at(key, 1))  # the setup used this step's code
    page.get_by_role("button", name="Bekræft").click()
    expect(page).to_have_url(re.compile(r"/konto/profil/$"))
