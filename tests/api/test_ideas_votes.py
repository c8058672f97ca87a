"""POST/DELETE /api/v1/ideas/{id}/vote, and exact counts when many vote at once (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from ideabank.errors import Conflict
from ideabank.ideas import services
from ideabank.ideas.models import Idea, Vote
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(idea):
    return f"/api/v1/ideas/{idea.pk}/vote"


def test_vote_and_withdraw(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    headers = token_for(colleague)

    voted = client.post(url(idea), **headers)
    assert voted.status_code == 200
    assert voted.json() == {"votes": 1, "voted": True}

    withdrawn = client.delete(url(idea), **headers)
    assert withdrawn.status_code == 200
    assert withdrawn.json() == {"votes": 0, "voted": False}
    assert not Vote.objects.exists()


def test_a_double_vote_is_409_and_counts_once(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    headers = token_for(colleague)
    client.post(url(idea), **headers)

    again = client.post(url(idea), **headers)

    assert again.status_code == 409
    assert again.json()["detail"] == "Du har allerede stemt på denne idé."
    idea.refresh_from_db()
    assert idea.vote_count == 1 == Vote.objects.count()


def test_withdrawing_without_a_vote_is_409(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    response = client.delete(url(idea), **token_for(colleague))
    assert response.status_code == 409


def test_voting_on_ones_own_idea_is_403(client, staff, token_for):
    idea = IdeaFactory(author=staff)
    response = client.post(url(idea), **token_for(staff))
    assert response.status_code == 403
    assert response.json()["detail"] == "Du kan ikke stemme på din egen idé."
    assert not Vote.objects.exists()


def test_voting_on_a_draft_you_cannot_see_is_404(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff, status=Idea.Status.DRAFT, published_at=None)
    assert client.post(url(idea), **token_for(colleague)).status_code == 404


def test_voting_on_a_visible_but_unpublished_idea_is_403(client, staff, moderator, token_for):
    idea = IdeaFactory(author=staff, status=Idea.Status.PENDING)
    assert client.post(url(idea), **token_for(moderator)).status_code == 403


def test_anonymous_vote_is_401(client, staff):
    idea = IdeaFactory(author=staff)
    assert client.post(url(idea)).status_code == 401
    assert client.delete(url(idea)).status_code == 401


def test_unknown_idea_is_404(client, colleague, token_for):
    assert client.post("/api/v1/ideas/424242/vote", **token_for(colleague)).status_code == 404


def test_voting_is_rate_limited(client, staff, colleague, token_for, settings):
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "vote": "0/m"}
    idea = IdeaFactory(author=staff)
    response = client.post(url(idea), **token_for(colleague))
    assert response.status_code == 429
    assert not Vote.objects.exists()


# ---- concurrency (PostgreSQL) ------------------------------------------------------------------


def run_at_once(actions):
    """Start every action at the same moment on its own thread and connection; collect outcomes."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def worker(index, action):
        try:
            barrier.wait()
            outcomes[index] = action()
        except Conflict:
            outcomes[index] = "conflict"
        except Exception as error:  # reported by the assertions, not lost in the thread
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, action)) for i, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


# Checked at collection, so on SQLite no transactional database is even set up. `serialized_rollback`
# puts the reference data (municipalities, organisations) back after the tables are flushed.
CONCURRENT = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def concurrent(test):
    for mark in CONCURRENT:
        test = mark(test)
    return test


@concurrent
def test_twenty_users_voting_at_once_are_all_counted():
    idea = IdeaFactory()
    voters = UserFactory.create_batch(20)

    outcomes = run_at_once([lambda voter=voter: services.cast_vote(voter, idea) for voter in voters])

    assert all(isinstance(outcome, dict) and outcome["voted"] for outcome in outcomes), outcomes
    idea.refresh_from_db()
    assert idea.vote_count == Vote.objects.filter(idea=idea).count() == 20


@concurrent
def test_one_user_voting_twice_at_once_counts_once():
    idea = IdeaFactory()
    voter = UserFactory()
    others = UserFactory.create_batch(8)

    actions = [lambda: services.cast_vote(voter, idea)] * 2
    actions += [lambda other=other: services.cast_vote(other, idea) for other in others]
    outcomes = run_at_once(actions)

    assert sorted(str(outcome) if outcome == "conflict" else "ok" for outcome in outcomes[:2]) == ["conflict", "ok"]
    assert all(isinstance(outcome, dict) for outcome in outcomes[2:]), outcomes
    idea.refresh_from_db()
    assert idea.vote_count == Vote.objects.filter(idea=idea).count() == 9
    assert Vote.objects.filter(idea=idea, user=voter).count() == 1


@concurrent
def test_voting_and_withdrawing_at_once_keeps_the_count_exact():
    idea = IdeaFactory()
    stayers = UserFactory.create_batch(10)
    leavers = UserFactory.create_batch(10)
    for leaver in leavers:
        services.cast_vote(leaver, idea)

    actions = [lambda user=user: services.cast_vote(user, idea) for user in stayers]
    actions += [lambda user=user: services.withdraw_vote(user, idea) for user in leavers]
    outcomes = run_at_once(actions)

    assert all(isinstance(outcome, dict) for outcome in outcomes), outcomes
    idea.refresh_from_db()
    assert idea.vote_count == Vote.objects.filter(idea=idea).count() == 10
