"""The accessibility statement (issue #9 §6): /tilgaengelighed/ in Danish, linked from every footer, with the
contact details and status an administrator sets in the admin; /was/ leads to the official statement."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.models import Site

from home.models import AccessibilitySettings, AccessibilityStatus
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

URL = "/tilgaengelighed/"


@pytest.fixture
def statement():
    settings = AccessibilitySettings.for_site(Site.objects.get(is_default_site=True))
    settings.responsible = "Socialstyrelsen"
    settings.contact_email = "tilgaengelighed@example.dk"
    settings.contact_phone = "72 42 37 00"
    settings.contact_hours = "Hverdage kl. 9–15"
    settings.status = AccessibilityStatus.PARTIAL
    settings.known_issues = "Kortet over spredning har ingen tekstversion.\n\nPDF-filer fra før 2020 er utilgængelige."
    settings.prepared_on = date(2026, 1, 15)
    settings.was_url = "https://www.was.digst.dk/idebanken-dk"
    settings.save()
    return settings


def test_the_url_is_named():
    assert reverse("accessibility_statement") == URL


def test_the_statement_follows_the_danish_structure(client):
    response = client.get(URL)
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Tilgængelighedserklæring</h1>" in html
    for heading in (
        "Overholdelse af kravene",
        "Indhold, der ikke er tilgængeligt",
        "Sådan har vi vurderet tilgængeligheden",
        "Feedback og kontakt",
        "Klage",
    ):
        assert f">{heading}</h2>" in html
    assert "webtilgængelighedsloven" in html
    assert "WCAG 2.1 på niveau AA" in html
    assert "Digitaliseringsstyrelsen" in html
    assert 'href="https://digst.dk/' in html


def test_without_settings_the_page_says_what_is_missing(client):
    html = client.get(URL).content.decode()
    assert "Kontaktoplysningerne er ikke udfyldt endnu." in html
    assert "delvist overholdt" in html
    assert "Vi kender ikke til indhold, der ikke lever op til kravene." in html


def test_the_administrators_details_are_shown(client, statement):
    html = client.get(URL).content.decode()

    assert "Socialstyrelsen ønsker, at alle kan bruge Idébanken" in html
    assert 'href="mailto:tilgaengelighed@example.dk"' in html
    assert 'href="tel:72423700"' in html
    assert "Hverdage kl. 9–15" in html
    assert "<li>Kortet over spredning har ingen tekstversion.</li>" in html
    assert "<li>PDF-filer fra før 2020 er utilgængelige.</li>" in html
    assert '<time datetime="2026-01-15">15. januar 2026</time>' in html
    assert 'href="https://www.was.digst.dk/idebanken-dk"' in html
    assert "Kontaktoplysningerne er ikke udfyldt endnu." not in html


def test_full_compliance_reads_so(client, statement):
    statement.status = AccessibilityStatus.FULL
    statement.save()
    assert "<strong>fuldt overholdt</strong>" in client.get(URL).content.decode()


def test_the_administrators_text_is_escaped(client, statement):
    statement.known_issues = "<script>alert(1)</script>"
    statement.save()
    html = client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_every_footer_links_to_it(client, staff):
    idea = IdeaFactory()
    for path in ("/", "/ideer/", idea.get_absolute_url(), "/konto/log-ind/", "/findes-ikke/"):
        assert f'href="{URL}">Tilgængelighedserklæring</a>' in client.get(path).content.decode(), path
    client.force_login(staff)
    assert f'href="{URL}">Tilgængelighedserklæring</a>' in client.get("/konto/profil/").content.decode()


def test_was_leads_to_the_official_statement(client, statement):
    response = client.get("/was/")
    assert response.status_code == 302
    assert response["Location"] == "https://www.was.digst.dk/idebanken-dk"


def test_was_falls_back_to_our_page(client):
    response = client.get("/was/")
    assert response.status_code == 302
    assert response["Location"] == URL


def test_administrators_edit_the_settings_in_the_admin(client, administrator, verified_login):
    verified_login(client, administrator)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "accessibilitysettings", site.pk])

    response = client.get(url)

    assert response.status_code == 200
    assert "kontakt-e-mail" in response.content.decode().lower()
