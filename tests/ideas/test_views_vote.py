"""Voting in the browser (POST /ideer/<pk>/stem/): toggle on and off, never on one's own idea,
friendly messages on double votes, rate limited, and a JSON answer for the small script."""

import pytest
from django.urls import reverse

from ideabank.ideas import services
from ideabank.ideas.models import Idea, Vote
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff)


def vote_url(idea):
    return reverse("ideas:vote", args=[idea.pk])


def votes(idea):
    return Idea.objects.values_list("vote_count", flat=True).get(pk=idea.pk)


def test_anonymous_votes_go_to_login_and_count_nothing(client, idea):
    response = client.post(vote_url(idea), {"action": "vote"})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={idea.get_absolute_url()}"
    assert votes(idea) == 0


def test_voting_needs_a_post(client, colleague, idea):
    client.force_login(colleague)
    assert client.get(vote_url(idea)).status_code == 405


def test_a_colleague_votes_and_sees_the_count(client, colleague, idea):
    client.force_login(colleague)

    response = client.post(vote_url(idea), {"action": "vote"}, follow=True)

    assert response.redirect_chain == [(f"{idea.get_absolute_url()}#vote", 302)]
    assert votes(idea) == 1
    html = response.content.decode()
    assert "Tak for din stemme." in html
    assert "1 stemme<" in html
    assert "Fjern din stemme" in html


def test_the_author_sees_the_new_count(client, staff, colleague, idea):
    client.force_login(colleague)
    client.post(vote_url(idea), {"action": "vote"})
    client.force_login(staff)
    assert "1 stemme<" in client.get(idea.get_absolute_url()).content.decode()


def test_a_second_vote_is_a_friendly_message_and_counts_nothing(client, colleague, idea):
    client.force_login(colleague)
    client.post(vote_url(idea), {"action": "vote"})

    response = client.post(vote_url(idea), {"action": "vote"}, follow=True)

    assert response.status_code == 200
    assert "Du har allerede stemt på denne idé." in response.content.decode()
    assert votes(idea) == 1


def test_withdrawing_a_vote(client, colleague, idea):
    services.cast_vote(colleague, idea)
    client.force_login(colleague)

    response = client.post(vote_url(idea), {"action": "unvote"}, follow=True)

    assert votes(idea) == 0
    assert not Vote.objects.exists()
    assert "Din stemme er fjernet." in response.content.decode()
    again = client.post(vote_url(idea), {"action": "unvote"}, follow=True)
    assert "Du har ikke stemt på denne idé." in again.content.decode()
    assert votes(idea) == 0


def test_nobody_votes_on_their_own_idea(client, staff, idea):
    client.force_login(staff)

    response = client.post(vote_url(idea), {"action": "vote"})

    assert response.status_code == 403
    assert "Du kan ikke stemme på din egen idé." in response.content.decode()
    assert votes(idea) == 0


@pytest.mark.parametrize("who", ["outsider", "moderator", "editor"])
def test_staff_of_any_organisation_and_role_may_vote(client, idea, who, request):
    client.force_login(request.getfixturevalue(who))
    client.post(vote_url(idea), {"action": "vote"})
    assert votes(idea) == 1


def test_a_draft_cannot_be_voted_on_or_even_found(client, colleague):
    draft = IdeaFactory(status=Idea.Status.DRAFT)
    client.force_login(colleague)
    assert client.post(vote_url(draft), {"action": "vote"}).status_code == 404
    assert votes(draft) == 0


def test_a_hidden_idea_is_403_for_a_moderator(client, moderator):
    hidden = IdeaFactory(status=Idea.Status.HIDDEN)
    client.force_login(moderator)
    assert client.post(vote_url(hidden), {"action": "vote"}).status_code == 403
    assert votes(hidden) == 0


def test_voting_is_rate_limited(client, colleague, settings):
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "vote": "2/m"}
    ideas = [IdeaFactory() for _ in range(3)]
    client.force_login(colleague)

    for idea in ideas[:2]:
        assert client.post(vote_url(idea), {"action": "vote"}).status_code == 302
    response = client.post(vote_url(ideas[2]), {"action": "vote"})

    assert response.status_code == 429
    assert votes(ideas[2]) == 0


def test_the_script_gets_json(client, colleague, idea):
    client.force_login(colleague)

    response = client.post(vote_url(idea), {"action": "vote"}, HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response.json() == {"votes": 1, "voted": True, "message": "Tak for din stemme.", "count_text": "1 stemme"}
    response = client.post(vote_url(idea), {"action": "unvote"}, HTTP_ACCEPT="application/json")
    assert response.json()["count_text"] == "0 stemmer"


def test_json_errors_keep_their_status(client, staff, colleague, idea):
    client.force_login(staff)
    assert client.post(vote_url(idea), {"action": "vote"}, HTTP_ACCEPT="application/json").status_code == 403
    client.force_login(colleague)
    client.post(vote_url(idea), {"action": "vote"})
    response = client.post(vote_url(idea), {"action": "vote"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert response.json()["votes"] == 1
    assert response.json()["voted"] is True
