"""POST /api/v1/ideas: 201 with the detail, drafts stay private, bad input is a 4xx that stores nothing."""

import pytest

from ideabank.ideas.models import Idea
from ideabank.taxonomy.models import TargetGroup

pytestmark = pytest.mark.django_db

URL = "/api/v1/ideas"
IDEA = {
    "title": "Fast kontaktperson efter anbringelse",
    "problem": "Unge mister alle voksne på én gang, når anbringelsen slutter.",
    "solution": "En fast kontaktperson følger den unge i to år.",
}


def post(client, body, **headers):
    return client.post(URL, body, content_type="application/json", **headers)


def test_post_returns_201_with_the_detail(client, staff, token_for):
    body = {
        **IDEA,
        "context": "Efterværnsteamet i Aarhus.",
        "target_groups": ["anbragte-boern-og-unge"],
        "themes": ["boern-og-unge"],
        "tags": ["efterværn", "Efterværn", " kontaktperson "],
    }

    response = post(client, body, **token_for(staff))

    assert response.status_code == 201, response.content
    detail = response.json()
    idea = Idea.objects.get()
    assert detail["id"] == idea.pk
    assert detail["status"] == "published"
    assert detail["title"] == IDEA["title"]
    assert detail["problem"] == IDEA["problem"]
    assert detail["context"] == "Efterværnsteamet i Aarhus."
    assert detail["results"] == ""
    assert detail["tags"] == ["efterværn", "kontaktperson"]
    assert [group["slug"] for group in detail["target_groups"]] == ["anbragte-boern-og-unge"]
    assert [theme["slug"] for theme in detail["themes"]] == ["boern-og-unge"]
    assert detail["organisation"]["slug"] == staff.organisation.slug
    assert detail["author"] == {
        "display_name": staff.display_name,
        "organisation": {"slug": staff.organisation.slug, "name": staff.organisation.name},
    }
    assert detail["method"] is None
    assert detail["tried_reports"] == []
    assert detail["can_edit"] is True
    assert idea.author == staff
    assert idea.published_at is not None


def test_a_draft_is_private_to_its_author(client, staff, colleague, token_for):
    response = post(client, {**IDEA, "status": "draft"}, **token_for(staff))
    assert response.status_code == 201
    assert response.json()["status"] == "draft"
    pk = response.json()["id"]

    assert client.get(f"{URL}/{pk}", **token_for(staff)).status_code == 200
    assert client.get(f"{URL}/{pk}", **token_for(colleague)).status_code == 404
    assert client.get(f"{URL}/{pk}").status_code == 404


def test_premoderation_makes_it_pending(client, staff, token_for, settings):
    settings.IDEABANK_PREMODERATION = True
    response = post(client, IDEA, **token_for(staff))
    assert response.status_code == 201
    assert response.json()["status"] == "pending"


def test_anonymous_is_401(client):
    response = post(client, IDEA)
    assert response.status_code == 401
    assert not Idea.objects.exists()


@pytest.mark.parametrize("field", ["target_groups", "themes"])
def test_an_unknown_vocabulary_slug_is_422_and_stores_nothing(client, staff, token_for, field):
    response = post(client, {**IDEA, field: ["findes-ikke"]}, **token_for(staff))
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == field
    assert "findes-ikke" in error["msg"]
    assert not Idea.objects.exists()


def test_a_missing_field_is_422(client, staff, token_for):
    response = post(client, {"title": "Kun en titel"}, **token_for(staff))
    assert response.status_code == 422
    assert {error["field"] for error in response.json()["detail"]} == {"problem", "solution"}


def test_a_blank_title_is_422_naming_the_field(client, staff, token_for):
    response = post(client, {**IDEA, "title": ""}, **token_for(staff))
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "title"
    assert error["msg"].startswith("Titel: ")


def test_too_long_a_title_is_422(client, staff, token_for):
    response = post(client, {**IDEA, "title": "x" * 151}, **token_for(staff))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "title"
    assert not Idea.objects.exists()


def test_a_cpr_number_is_refused_naming_the_field(client, staff, token_for):
    response = post(client, {**IDEA, "problem": "Borgeren (010190-1234) mangler bolig."}, **token_for(staff))
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "problem"
    assert error["msg"].startswith("Problem: ")
    assert "CPR-nummer" in error["msg"]
    assert not Idea.objects.exists()


def test_a_cpr_number_in_a_tag_is_refused(client, staff, token_for):
    response = post(client, {**IDEA, "tags": ["0101901234"]}, **token_for(staff))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "tags"
    assert not Idea.objects.exists()


@pytest.mark.parametrize("text", ["før\x00efter", "bell\x07", "escape\x1b[31m"])
def test_nul_bytes_and_control_characters_are_422(client, staff, token_for, text):
    response = post(client, {**IDEA, "solution": text}, **token_for(staff))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "solution"
    assert not Idea.objects.exists()


def test_a_nul_byte_in_a_slug_is_422(client, staff, token_for):
    response = post(client, {**IDEA, "target_groups": ["hjem\x00"]}, **token_for(staff))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "target_groups"


def test_line_breaks_and_tabs_are_fine(client, staff, token_for):
    response = post(client, {**IDEA, "solution": "Første linje\nAnden linje\r\n\tindrykket"}, **token_for(staff))
    assert response.status_code == 201


def test_an_invalid_status_is_422(client, staff, token_for):
    response = post(client, {**IDEA, "status": "hidden"}, **token_for(staff))
    assert response.status_code == 422
    assert not Idea.objects.exists()


def test_a_user_without_organisation_is_403(client, staff, token_for):
    staff.organisation = None
    staff.save()
    response = post(client, IDEA, **token_for(staff))
    assert response.status_code == 403
    assert response.json()["detail"]


def test_posting_is_rate_limited(client, staff, token_for, settings):
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "idea": "0/h"}
    response = post(client, IDEA, **token_for(staff))
    assert response.status_code == 429
    assert response.json()["detail"]
    assert not Idea.objects.exists()


def test_duplicate_vocabulary_slugs_are_harmless(client, staff, token_for):
    response = post(client, {**IDEA, "target_groups": ["hjemloese", "hjemloese"]}, **token_for(staff))
    assert response.status_code == 201
    assert list(Idea.objects.get().target_groups.all()) == [TargetGroup.objects.get(slug="hjemloese")]


def test_text_is_trimmed_and_blank_text_is_empty(client, staff, token_for):
    blank = post(client, {**IDEA, "title": "   \n"}, **token_for(staff))
    assert blank.status_code == 422
    assert blank.json()["detail"][0]["field"] == "title"

    padded = post(client, {**IDEA, "title": "  Natcafé  "}, **token_for(staff))
    assert padded.status_code == 201
    assert padded.json()["title"] == "Natcafé"
