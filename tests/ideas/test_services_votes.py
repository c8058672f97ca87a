"""Votes (issue #3 §5): one per user per idea, never on one's own idea, toggle on and off, and the
denormalised counters always equal the rows they count."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from ideabank.errors import Conflict
from ideabank.ideas import services
from ideabank.ideas.models import Idea, Vote
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff)


def test_a_colleague_votes_and_the_count_follows(idea, colleague):
    state = services.cast_vote(colleague, idea)

    assert state == {"votes": 1, "voted": True}
    idea.refresh_from_db()
    assert idea.vote_count == 1
    assert Vote.objects.filter(idea=idea, user=colleague).count() == 1
    assert services.has_voted(colleague, idea)


def test_staff_of_another_organisation_may_vote_too(idea, outsider):
    assert services.cast_vote(outsider, idea)["votes"] == 1


def test_a_second_vote_is_a_conflict_and_counts_nothing(idea, colleague):
    services.cast_vote(colleague, idea)

    with pytest.raises(Conflict):
        services.cast_vote(colleague, idea)

    idea.refresh_from_db()
    assert idea.vote_count == 1
    assert Vote.objects.filter(idea=idea).count() == 1


def test_nobody_votes_on_their_own_idea(idea, staff):
    with pytest.raises(PermissionDenied):
        services.cast_vote(staff, idea)

    idea.refresh_from_db()
    assert idea.vote_count == 0
    assert not Vote.objects.exists()


def test_anonymous_visitors_cannot_vote(idea):
    with pytest.raises(PermissionDenied):
        services.cast_vote(AnonymousUser(), idea)
    assert not Vote.objects.exists()


def test_a_blocked_user_cannot_vote(idea, colleague):
    colleague.is_active = False
    colleague.save()

    with pytest.raises(PermissionDenied):
        services.cast_vote(colleague, idea)
    assert not Vote.objects.exists()


@pytest.mark.parametrize(
    "status",
    [Idea.Status.DRAFT, Idea.Status.PENDING, Idea.Status.HIDDEN, Idea.Status.MERGED, Idea.Status.ARCHIVED],
)
def test_only_published_ideas_take_votes(staff, colleague, status):
    idea = IdeaFactory(author=staff, status=status)

    with pytest.raises(PermissionDenied):
        services.cast_vote(colleague, idea)
    assert not Vote.objects.exists()


def test_withdrawing_a_vote_takes_it_back_out_of_both_counters(idea, colleague):
    services.cast_vote(colleague, idea)

    state = services.withdraw_vote(colleague, idea)

    assert state == {"votes": 0, "voted": False}
    idea.refresh_from_db()
    assert idea.vote_count == 0
    assert idea.trending_score == pytest.approx(0, abs=1e-6)
    assert not Vote.objects.exists()
    assert not services.has_voted(colleague, idea)


def test_withdrawing_a_vote_that_does_not_exist_is_a_conflict(idea, colleague, outsider):
    services.cast_vote(outsider, idea)

    with pytest.raises(Conflict):
        services.withdraw_vote(colleague, idea)

    idea.refresh_from_db()
    assert idea.vote_count == 1
    assert Vote.objects.filter(user=outsider).exists()


def test_a_vote_toggles_on_off_and_on_again(idea, colleague):
    services.cast_vote(colleague, idea)
    services.withdraw_vote(colleague, idea)
    state = services.cast_vote(colleague, idea)

    assert state == {"votes": 1, "voted": True}
    assert Vote.objects.filter(idea=idea).count() == 1


def test_many_voters_give_an_exact_count(idea):
    voters = UserFactory.create_batch(5)
    for voter in voters:
        services.cast_vote(voter, idea)
    services.withdraw_vote(voters[0], idea)

    idea.refresh_from_db()
    assert idea.vote_count == 4 == Vote.objects.filter(idea=idea).count()


def test_votes_on_one_idea_do_not_touch_another(staff, colleague):
    first, second = IdeaFactory(author=staff), IdeaFactory(author=staff)

    services.cast_vote(colleague, first)

    second.refresh_from_db()
    assert second.vote_count == 0
    assert not services.has_voted(colleague, second)


def test_anonymous_visitors_have_never_voted(idea):
    assert services.has_voted(AnonymousUser(), idea) is False


def test_a_vote_adds_its_trending_weight(idea, colleague):
    services.cast_vote(colleague, idea)

    vote = Vote.objects.get()
    idea.refresh_from_db()
    assert idea.trending_score == pytest.approx(services.trending_weight(vote.created))


def test_a_vote_weighs_twice_as_much_one_half_life_later():
    moment = services.TRENDING_EPOCH + timedelta(days=30)
    later = moment + services.TRENDING_HALF_LIFE

    assert services.trending_weight(later) == pytest.approx(2 * services.trending_weight(moment))
    assert services.trending_weight(services.TRENDING_EPOCH) == 1


def test_recount_repairs_counters_from_the_rows(idea):
    voters = UserFactory.create_batch(3)
    for voter in voters:
        services.cast_vote(voter, idea)
    Idea.objects.filter(pk=idea.pk).update(vote_count=99, trending_score=0, comment_count=7)

    services.recount(idea)

    assert idea.vote_count == 3
    assert idea.comment_count == 0
    expected = sum(services.trending_weight(created) for created in Vote.objects.values_list("created", flat=True))
    assert idea.trending_score == pytest.approx(expected)
    idea.refresh_from_db()
    assert idea.vote_count == 3
