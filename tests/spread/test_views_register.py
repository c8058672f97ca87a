"""Registering in the browser: "vi bruger den" on a method page and on an idea page."""

import pytest

from ideabank.spread import services
from ideabank.spread.models import Adoption
from tests.factories import IdeaFactory, UserFactory

from .helpers import days_ago

pytestmark = pytest.mark.django_db


def register_url(method):
    return f"/udbredelse/metoder/{method.pk}/tag-i-brug/"


def form(user, **changes):
    data = {"status": "piloting", "started": days_ago(20).isoformat(), "contact": user.pk, "reason": ""}
    data.update(changes)
    return data


def test_anonymous_visitors_are_asked_to_log_in(client, method):
    page = client.get(method.url).content.decode()
    assert "Log ind for at registrere, at din organisation bruger metoden" in page
    assert 'action="/udbredelse/metoder/' not in page

    response = client.get(register_url(method))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/log-ind/")

    response = client.post(register_url(method), form(UserFactory()))
    assert response.status_code == 302
    assert not Adoption.objects.exists()


def test_staff_see_the_form_on_the_method_page_with_themselves_as_contact(client, staff, colleague, method):
    client.force_login(staff)
    page = client.get(method.url).content.decode()

    assert f'action="{register_url(method)}"' in page
    assert "Aarhus Kommune bruger også metoden" in page
    assert f'<option value="{staff.pk}" selected>' in page
    assert f'<option value="{colleague.pk}">' in page


def test_staff_register_and_land_on_the_method_page(client, staff, colleague, method):
    client.force_login(staff)
    response = client.post(register_url(method), form(staff, contact=colleague.pk))

    assert response.status_code == 302
    assert response["Location"] == f"{method.url}#spread"
    adoption = Adoption.objects.get()
    assert (adoption.organisation, adoption.status, adoption.started, adoption.contact) == (
        staff.organisation,
        "piloting",
        days_ago(20),
        colleague,
    )
    page = client.get(method.url).content.decode()
    assert "Tak! Det er nu registreret" in page
    assert "Aarhus Kommune bruger metoden" in page
    assert f"/udbredelse/ibrugtagninger/{adoption.pk}/status/" in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"status": "stopped"}, "reason", "Skriv kort, hvorfor I er stoppet"),
        ({"started": days_ago(-2).isoformat()}, "started", "Startdatoen ligger i fremtiden."),
        ({"started": "i går"}, "started", "Skriv en gyldig dato"),
        ({"started": ""}, "started", "Skriv, hvornår I begyndte."),
        ({"status": ""}, "status", "Vælg en status."),
        ({"status": "stopped", "reason": "Borger 010190-1234 klagede"}, "reason", "CPR-nummer"),
    ],
)
def test_errors_stand_beside_the_field_and_in_the_summary(client, staff, method, changes, field, message):
    client.force_login(staff)
    response = client.post(register_url(method), form(staff, **changes))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Der er fejl i formularen" in page
    assert f'href="#id_adopt_{field}' in page  # the summary links to the field
    assert f'id="id_adopt_{field}-error"' in page  # and the message stands beside it
    assert message in page
    assert not Adoption.objects.exists()


def test_a_contact_from_another_organisation_is_not_offered(client, staff, outsider, method):
    client.force_login(staff)
    response = client.post(register_url(method), form(staff, contact=outsider.pk))

    assert 'id="id_adopt_contact-error"' in response.content.decode()
    assert not Adoption.objects.exists()


def test_a_second_registration_goes_to_the_existing_one(client, staff, colleague, method):
    existing = services.register(staff, method=method, status="piloting", started=days_ago(50))
    client.force_login(colleague)

    response = client.post(register_url(method), form(colleague))

    assert response.status_code == 302
    assert response["Location"] == f"/udbredelse/ibrugtagninger/{existing.pk}/"
    assert Adoption.objects.count() == 1


def test_staff_without_an_organisation_are_refused(client, method):
    loner = UserFactory(organisation=None)
    client.force_login(loner)
    assert client.post(register_url(method), form(loner)).status_code == 403


def test_an_unpublished_method_is_not_found(client, staff):
    from .helpers import make_method

    draft = make_method("Kladde", live=False)
    client.force_login(staff)
    assert client.get(register_url(draft)).status_code == 404


def test_the_register_page_works_on_its_own(client, staff, method):
    client.force_login(staff)
    page = client.get(register_url(method)).content.decode()
    assert "<h1>Aarhus Kommune bruger den</h1>" in page
    assert f'action="{register_url(method)}"' in page


# ---- ideas ------------------------------------------------------------------------------------


def test_staff_register_an_idea_from_its_page(client, staff, outsider):
    idea = IdeaFactory(author=outsider)
    client.force_login(staff)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Hvem bruger idéen?" in page
    assert f'href="/udbredelse/ideer/{idea.pk}/tag-i-brug/"' in page
    assert (
        f'action="/udbredelse/ideer/{idea.pk}/tag-i-brug/"'
        in client.get(f"/udbredelse/ideer/{idea.pk}/tag-i-brug/").content.decode()
    )

    response = client.post(f"/udbredelse/ideer/{idea.pk}/tag-i-brug/", form(staff))

    assert response["Location"] == f"{idea.get_absolute_url()}#spread"
    adoption = Adoption.objects.get()
    assert (adoption.idea, adoption.method) == (idea, None)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Se og ret jeres registrering" in page


def test_a_hidden_idea_cannot_be_adopted(client, staff):
    idea = IdeaFactory(status="hidden")
    client.force_login(staff)
    assert client.post(f"/udbredelse/ideer/{idea.pk}/tag-i-brug/", form(staff)).status_code == 404
    assert not Adoption.objects.exists()


def test_a_draft_is_shown_to_its_author_without_the_spread_box(client, staff):
    idea = IdeaFactory(author=staff, status="draft")
    client.force_login(staff)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Hvem bruger idéen?" not in page


def test_opening_the_form_again_goes_to_the_existing_registration(client, staff, colleague, method):
    existing = services.register(staff, method=method, status="piloting", started=days_ago(50))
    client.force_login(colleague)

    response = client.get(register_url(method))

    assert response["Location"] == f"/udbredelse/ibrugtagninger/{existing.pk}/"
