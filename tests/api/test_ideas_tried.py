"""POST /api/v1/ideas/{id}/tried: "vi har prøvet det", one report per organisation."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from ideabank.ideas.models import Idea, TriedReport
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

REPORT = {"tried_from": "2025-02-01", "tried_to": "2025-08-31", "what_happened": "Færre unge faldt fra."}


def post(client, idea, body, **headers):
    return client.post(f"/api/v1/ideas/{idea.pk}/tried", body, content_type="application/json", **headers)


def test_another_organisation_reports_it_tried_the_idea(client, staff, outsider, token_for):
    idea = IdeaFactory(author=staff)

    response = post(client, idea, REPORT, **token_for(outsider))

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["organisation"] == {"slug": outsider.organisation.slug, "name": outsider.organisation.name}
    assert (body["tried_from"], body["tried_to"]) == ("2025-02-01", "2025-08-31")
    assert body["what_happened"] == "Færre unge faldt fra."
    idea.refresh_from_db()
    assert idea.stage == "tried"
    assert client.get(f"/api/v1/ideas/{idea.pk}").json()["tried_reports"][0]["id"] == body["id"]


def test_the_end_date_is_optional(client, staff, outsider, token_for):
    idea = IdeaFactory(author=staff)
    response = post(client, idea, {"tried_from": "2025-02-01", "what_happened": "Vi er i gang."}, **token_for(outsider))
    assert response.status_code == 201
    assert response.json()["tried_to"] is None


def test_a_second_report_from_the_same_organisation_is_409(client, staff, outsider, odense, token_for):
    from tests.factories import UserFactory

    idea = IdeaFactory(author=staff)
    post(client, idea, REPORT, **token_for(outsider))

    again = post(client, idea, REPORT, **token_for(UserFactory(organisation=odense)))

    assert again.status_code == 409
    assert TriedReport.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**REPORT, "tried_to": "2025-01-01"}, "tried_to"),
        ({**REPORT, "tried_from": "2025-02-30"}, "tried_from"),
        ({**REPORT, "tried_from": "i sidste uge"}, "tried_from"),
        ({**REPORT, "what_happened": ""}, "what_happened"),
        ({**REPORT, "what_happened": "Borgeren 0101901234 fik det bedre"}, "what_happened"),
        ({**REPORT, "what_happened": "\x00"}, "what_happened"),
        ({"what_happened": "Uden dato"}, "tried_from"),
    ],
)
def test_bad_reports_are_422(client, staff, outsider, token_for, body, field):
    idea = IdeaFactory(author=staff)
    response = post(client, idea, body, **token_for(outsider))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field
    assert not TriedReport.objects.exists()


def test_a_future_start_is_422(client, staff, outsider, token_for):
    idea = IdeaFactory(author=staff)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = post(client, idea, {**REPORT, "tried_from": tomorrow, "tried_to": None}, **token_for(outsider))
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"].startswith("Afprøvet fra: ")


def test_the_cpr_error_names_the_field(client, staff, outsider, token_for):
    idea = IdeaFactory(author=staff)
    body = {**REPORT, "what_happened": "Borgeren 010190-1234 fik det bedre"}
    message = post(client, idea, body, **token_for(outsider)).json()["detail"][0]["msg"]
    assert message.startswith("Hvad skete der?: ")
    assert "CPR-nummer" in message


def test_an_unpublished_idea_is_403_or_404(client, staff, outsider, token_for):
    draft = IdeaFactory(author=staff, status=Idea.Status.DRAFT, published_at=None)
    assert post(client, draft, REPORT, **token_for(outsider)).status_code == 404
    assert post(client, draft, REPORT, **token_for(staff)).status_code == 403


def test_anonymous_is_401(client, staff):
    assert post(client, IdeaFactory(author=staff), REPORT).status_code == 401


def test_the_stage_only_rises(client, staff, outsider, token_for):
    idea = IdeaFactory(author=staff, stage="method")
    assert post(client, idea, {**REPORT, "tried_from": str(date(2024, 1, 1))}, **token_for(outsider)).status_code == 201
    idea.refresh_from_db()
    assert idea.stage == "method"
