"""PATCH /api/v1/me (issue #14): display name, job title and language, with the profile page's rules."""

import pytest

from ideabank.accounts.models import User

pytestmark = pytest.mark.django_db

ME = "/api/v1/me"


def patch(client, headers, body):
    return client.patch(ME, body, content_type="application/json", **headers)


def test_the_profile_fields_change(client, staff, token_for):
    response = patch(
        client, token_for(staff), {"display_name": "  Anne Holm ", "job_title": "Pædagog", "language": "en"}
    )

    assert response.status_code == 200
    assert response.json()["display_name"] == "Anne Holm"
    staff.refresh_from_db()
    assert (staff.display_name, staff.job_title, staff.language) == ("Anne Holm", "Pædagog", "en")


def test_only_the_fields_sent_change(client, staff, token_for):
    before = staff.display_name
    assert patch(client, token_for(staff), {"job_title": "Socialrådgiver"}).status_code == 200
    staff.refresh_from_db()
    assert (staff.display_name, staff.job_title) == (before, "Socialrådgiver")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"display_name": "Anne 010190 1234"}, "display_name"),
        ({"job_title": "01.01.90-1234"}, "job_title"),
        ({"display_name": "\u202eenna"}, "display_name"),
        ({"display_name": ""}, "display_name"),
        ({"display_name": None}, "display_name"),
        ({"language": None}, "language"),
        ({"display_name": "x" * 151}, "display_name"),
        ({"language": "de"}, "language"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_changes_nothing(client, staff, token_for, body, field):
    before = User.objects.values("display_name", "job_title", "language").get(pk=staff.pk)

    response = patch(client, token_for(staff), {**body, "job_title": body.get("job_title", "Ny stilling")})

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert any(row["field"] == field for row in detail)
    assert User.objects.values("display_name", "job_title", "language").get(pk=staff.pk) == before


def test_other_fields_cannot_be_changed(client, staff, token_for):
    response = patch(client, token_for(staff), {"email": "ny@aarhus.dk"})
    assert response.status_code == 200  # unknown keys are not part of the schema and are ignored
    staff.refresh_from_db()
    assert staff.email != "ny@aarhus.dk"


def test_anonymous_gets_401(client):
    assert patch(client, {}, {"job_title": "x"}).status_code == 401


def test_null_clears_an_optional_field(client, staff, token_for):
    staff.job_title = "Pædagog"
    staff.save()
    assert patch(client, token_for(staff), {"job_title": None}).status_code == 200
    staff.refresh_from_db()
    assert staff.job_title == ""
