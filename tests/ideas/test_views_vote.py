"""Voting in the browser (POST /ideer/<pk>/stem/): toggle on and off, never on one's own idea,
friendly messages on double votes, rate limited; the small script votes through the API with the page's
session and CSRF token, and shows the count in the page's own wording."""

import re

import pytest
from django.test import Client
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


def script_session(user, idea):
    """A browser session as the script has it: logged in, CSRF enforced, and the idea page's token."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    page = browser.get(idea.get_absolute_url()).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    return browser, page, token.group(1) if token else ""


def test_the_script_gets_json(colleague, idea):
    browser, page, token = script_session(colleague, idea)
    api = reverse("api:vote", args=[idea.pk])
    assert f'data-vote-api="{api}"' in page
    assert 'data-count-one="%(votes)s stemme"' in page
    assert 'data-count-other="%(votes)s stemmer"' in page

    response = browser.post(api, HTTP_X_CSRFTOKEN=token, HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response.json() == {"votes": 1, "voted": True}
    response = browser.delete(api, HTTP_X_CSRFTOKEN=token, HTTP_ACCEPT="application/json")
    assert response.json() == {"votes": 0, "voted": False}


def test_json_errors_keep_their_status(staff, colleague, idea):
    api = reverse("api:vote", args=[idea.pk])
    browser, _page, token = script_session(staff, idea)
    assert browser.post(api, HTTP_X_CSRFTOKEN=token).status_code == 403
    assert browser.post(api).status_code == 403  # no CSRF token, no vote
    browser, _page, token = script_session(colleague, idea)
    browser.post(vote_url(idea), {"action": "vote", "csrfmiddlewaretoken": token})
    response = browser.post(api, HTTP_X_CSRFTOKEN=token, HTTP_ACCEPT="application/json")
    assert response.status_code == 409
    assert votes(idea) == 1
    assert services.has_voted(colleague, idea)


def test_the_form_post_answers_with_a_page_even_when_json_is_asked_for(client, colleague, idea):
    client.force_login(colleague)
    response = client.post(vote_url(idea), {"action": "vote"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 302
    assert votes(idea) == 1
