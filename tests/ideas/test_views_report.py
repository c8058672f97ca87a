"""Reporting ideas and comments (POST /ideer/<pk>/anmeld/, /ideer/kommentarer/<pk>/anmeld/)."""

import pytest
from django.urls import reverse

from ideabank.ideas import services
from ideabank.ideas.models import Comment, Idea, Report
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff)


def idea_url(idea):
    return reverse("ideas:report", args=[idea.pk])


def comment_url(comment):
    return reverse("ideas:comment_report", args=[comment.pk])


def test_anonymous_reports_go_to_login(client, idea):
    response = client.post(idea_url(idea), {"reason": "spam"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not Report.objects.exists()


def test_reporting_an_idea(client, colleague, idea):
    client.force_login(colleague)

    response = client.post(idea_url(idea), {"reason": "offensive", "note": "Nedsættende sprog"}, follow=True)

    report = Report.objects.get()
    assert (report.idea, report.comment, report.reporter) == (idea, None, colleague)
    assert report.reason == "offensive"
    assert report.note == "Nedsættende sprog"
    assert response.redirect_chain == [(idea.get_absolute_url(), 302)]
    assert "Tak. En moderator ser på din anmeldelse." in response.content.decode()


def test_a_report_needs_a_reason(client, colleague, idea):
    client.force_login(colleague)

    response = client.post(idea_url(idea), {"reason": ""}, follow=True)

    assert "Anmeldelsen blev ikke sendt. Årsag: Vælg, hvorfor du anmelder." in response.content.decode()
    assert not Report.objects.exists()


def test_reporting_twice_is_a_friendly_message(client, colleague, idea):
    client.force_login(colleague)
    client.post(idea_url(idea), {"reason": "spam"})

    response = client.post(idea_url(idea), {"reason": "spam"}, follow=True)

    assert "Du har allerede anmeldt dette indhold." in response.content.decode()
    assert Report.objects.count() == 1


def test_the_third_report_hides_the_idea_and_sends_the_reporter_to_the_list(client, idea):
    for _ in range(2):
        services.report_content(UserFactory(), reason="spam", idea=idea)
    client.force_login(UserFactory())

    response = client.post(idea_url(idea), {"reason": "spam"})

    assert response.status_code == 302
    assert response["Location"] == reverse("ideas:list")
    assert Idea.objects.get(pk=idea.pk).status == Idea.Status.HIDDEN


def test_reporting_a_comment(client, colleague, outsider, idea):
    comment = services.add_comment(outsider, idea, "Køb billige ure")
    client.force_login(colleague)

    response = client.post(comment_url(comment), {"reason": "spam"}, follow=True)

    report = Report.objects.get()
    assert (report.comment, report.idea) == (comment, None)
    assert response.redirect_chain == [(f"{idea.get_absolute_url()}#comment-{comment.pk}", 302)]


def test_three_comment_reports_hide_the_comment(client, outsider, idea):
    comment = services.add_comment(outsider, idea, "Køb billige ure")
    for _ in range(3):
        client.force_login(UserFactory())
        client.post(comment_url(comment), {"reason": "spam"})

    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.HIDDEN
    assert "Kommentaren er skjult af en moderator" in client.get(idea.get_absolute_url()).content.decode()


def test_reports_are_rate_limited(client, colleague, settings):
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "report": "1/h"}
    first, second = IdeaFactory(), IdeaFactory()
    client.force_login(colleague)

    assert client.post(idea_url(first), {"reason": "spam"}).status_code == 302
    assert client.post(idea_url(second), {"reason": "spam"}).status_code == 429
    assert Report.objects.count() == 1


def test_invisible_ideas_cannot_be_reported(client, colleague):
    draft = IdeaFactory(status=Idea.Status.DRAFT)
    client.force_login(colleague)
    assert client.post(idea_url(draft), {"reason": "spam"}).status_code == 404
    assert not Report.objects.exists()


def test_reporting_needs_a_post(client, colleague, idea):
    client.force_login(colleague)
    assert client.get(idea_url(idea)).status_code == 405
