"""POST /api/v1/comments/{id}/report and /api/v1/ideas/{id}/report."""

import pytest

from ideabank.ideas import services
from ideabank.ideas.models import Comment, Idea, Report
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def report(client, path, body, **headers):
    return client.post(f"/api/v1/{path}/report", body, content_type="application/json", **headers)


@pytest.fixture
def comment(staff, colleague):
    return services.add_comment(colleague, IdeaFactory(author=staff), "Det her er spam")


def test_report_a_comment(client, staff, comment, token_for):
    response = report(client, f"comments/{comment.pk}", {"reason": "spam", "note": "Reklame"}, **token_for(staff))
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["reason"], body["note"]) == ("spam", "Reklame")
    stored = Report.objects.get()
    assert (stored.comment, stored.reporter, stored.idea) == (comment, staff, None)


def test_report_an_idea(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    response = report(client, f"ideas/{idea.pk}", {"reason": "off_topic"}, **token_for(colleague))
    assert response.status_code == 201
    assert Report.objects.get().idea == idea


def test_a_second_report_is_409(client, staff, comment, token_for):
    headers = token_for(staff)
    report(client, f"comments/{comment.pk}", {"reason": "spam"}, **headers)
    again = report(client, f"comments/{comment.pk}", {"reason": "offensive"}, **headers)
    assert again.status_code == 409
    assert again.json()["detail"] == "Du har allerede anmeldt dette indhold."
    assert Report.objects.count() == 1


def test_three_reports_hide_the_comment(client, comment, token_for):
    for reporter in UserFactory.create_batch(3):
        assert report(client, f"comments/{comment.pk}", {"reason": "spam"}, **token_for(reporter)).status_code == 201
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN


def test_three_reports_hide_the_idea(client, staff, token_for):
    idea = IdeaFactory(author=staff)
    for reporter in UserFactory.create_batch(3):
        assert report(client, f"ideas/{idea.pk}", {"reason": "offensive"}, **token_for(reporter)).status_code == 201
    idea.refresh_from_db()
    assert idea.status == Idea.Status.HIDDEN
    assert client.get(f"/api/v1/ideas/{idea.pk}").status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"reason": "kedelig"}, "reason"),
        ({"reason": ""}, "reason"),
        ({"reason": "spam", "note": "CPR 010190-1234"}, "note"),
        ({"reason": "spam", "note": "x" * 501}, "note"),
        ({"reason": "spam", "note": "nul\x00"}, "note"),
        ({"note": "uden årsag"}, "reason"),
    ],
)
def test_bad_reports_are_422(client, staff, comment, token_for, body, field):
    response = report(client, f"comments/{comment.pk}", body, **token_for(staff))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field
    assert not Report.objects.exists()


def test_the_reason_error_names_the_field(client, staff, comment, token_for):
    response = report(client, f"comments/{comment.pk}", {"reason": "kedelig"}, **token_for(staff))
    assert response.json()["detail"][0]["msg"].startswith("Årsag: ")


@pytest.mark.parametrize("path", ["comments/424242", "ideas/424242", "comments/99999999999999999999999"])
def test_unknown_targets_are_404(client, staff, token_for, path):
    assert report(client, path, {"reason": "spam"}, **token_for(staff)).status_code == 404


def test_a_comment_on_an_idea_you_cannot_see_is_404(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    comment = services.add_comment(colleague, idea, "Hej")
    Idea.objects.filter(pk=idea.pk).update(status=Idea.Status.HIDDEN)
    assert report(client, f"comments/{comment.pk}", {"reason": "spam"}, **token_for(colleague)).status_code == 404


def test_anonymous_is_401(client, comment):
    assert report(client, f"comments/{comment.pk}", {"reason": "spam"}).status_code == 401


def test_reporting_is_rate_limited(client, staff, comment, token_for, settings):
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "report": "0/h"}
    assert report(client, f"comments/{comment.pk}", {"reason": "spam"}, **token_for(staff)).status_code == 429
    assert not Report.objects.exists()
