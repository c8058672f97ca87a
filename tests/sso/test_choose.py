"""Finding one's organisation: by e-mail domain or from the list; the login page points there."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

CHOOSE = reverse("sso:choose")


def test_the_login_page_offers_single_sign_on_only_when_an_organisation_has_it(client, configure):
    assert "Log ind med din organisation" not in client.get(reverse("accounts:login")).content.decode()
    configure("https://login.example.dk/tenant/v2.0")

    content = client.get(reverse("accounts:login"), {"next": "/ideer/"}).content.decode()

    assert "Log ind med din organisation" in content
    assert f'href="{CHOOSE}?next=/ideer/"' in content


def test_an_address_in_a_covered_domain_leads_to_its_organisations_login(client, configure):
    idp = configure("https://login.example.dk/tenant/v2.0", domains="kommune.dk, mso.kommune.dk")

    response = client.get(CHOOSE, {"email": "Anne@MSO.kommune.dk", "next": "/ideer/"})

    content = response.content.decode()
    start = reverse("sso:start", args=[idp.organisation.slug])
    assert f'href="{start}?login_hint=anne%40mso.kommune.dk&amp;next=%2Fideer%2F"' in content
    assert "Log ind med Testkommune" in content


def test_an_address_without_single_sign_on_gets_a_clear_message(client, configure):
    configure("https://login.example.dk/tenant/v2.0")

    content = client.get(CHOOSE, {"email": "anne@andetsted.dk"}).content.decode()

    assert "Din organisation bruger ikke fælles login i Idébanken." in content
    assert "Der er fejl i formularen" in content


def test_a_malformed_address_is_a_form_error(client, db):
    content = client.get(CHOOSE, {"email": "ikke en adresse"}).content.decode()
    assert "Der er fejl i formularen" in content


def test_the_list_shows_enabled_organisations_only(client, configure):
    from tests.factories import OrganisationFactory

    on = configure("https://login.example.dk/a/v2.0", domains="a.dk", organisation=OrganisationFactory(name="Alfa"))
    configure(
        "https://login.example.dk/b/v2.0", domains="b.dk", organisation=OrganisationFactory(name="Beta"), enabled=False
    )

    content = client.get(CHOOSE).content.decode()

    assert reverse("sso:start", args=[on.organisation.slug]) in content
    assert "Beta" not in content


def test_a_foreign_next_is_dropped(client, configure):
    configure("https://login.example.dk/tenant/v2.0")
    content = client.get(CHOOSE, {"email": "anne@kommune.dk", "next": "https://evil.example/"}).content.decode()
    assert 'href="/konto/sso/start/testkommune/?login_hint=anne%40kommune.dk"' in content
    assert 'href="/konto/sso/start/testkommune/"' in content
