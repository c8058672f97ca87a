"""The escalation queue: which ideas wait for an editor (enough votes from enough organisations, a tried
report, or a pin), which never do, and how the queue sorts. Pinning is for editors only."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ideabank.ideas import services as ideas
from ideabank.ideas.models import Idea, Stage
from ideabank.methods import services
from ideabank.methods.models import EscalationPin
from ideabank.methods.queries import QUEUE_SORTS, escalation_queue, thresholds
from tests.factories import IdeaFactory, OrganisationFactory, UserFactory, make_method

from .conftest import REFUSED_ROLES, person

pytestmark = pytest.mark.django_db


def give_votes(idea, votes, organisations):
    """`votes` votes on the idea from users spread over `organisations` organisations."""
    places = [OrganisationFactory() for _ in range(organisations)]
    for number in range(votes):
        ideas.cast_vote(UserFactory(organisation=places[number % organisations]), idea)
    idea.refresh_from_db()
    return idea


def tried(idea):
    reporter = UserFactory(organisation=OrganisationFactory())
    ideas.report_tried(reporter, idea, tried_from=datetime.date(2024, 3, 1), what_happened="Det virkede godt.")
    return idea


def queued():
    return list(escalation_queue())


def test_the_default_thresholds_are_ten_votes_from_three_organisations():
    assert thresholds() == (10, 3)


# ---- in and out ----------------------------------------------------------------------------------


def test_ten_votes_from_three_organisations_are_in():
    idea = give_votes(IdeaFactory(), 10, 3)

    assert queued() == [idea]
    assert queued()[0].organisations == 3


def test_ten_votes_from_two_organisations_are_out():
    give_votes(IdeaFactory(), 10, 2)

    assert queued() == []


def test_nine_votes_from_three_organisations_are_out():
    give_votes(IdeaFactory(), 9, 3)

    assert queued() == []


def test_many_votes_from_many_organisations_are_in():
    idea = give_votes(IdeaFactory(), 12, 6)

    assert queued() == [idea]
    assert queued()[0].organisations == 6


def test_a_tried_report_is_enough():
    idea = tried(IdeaFactory())

    assert queued() == [idea]
    assert queued()[0].tried
    assert queued()[0].vote_count == 0


def test_a_pinned_idea_is_in(editor):
    idea = IdeaFactory()

    services.pin(editor, idea)

    assert queued() == [idea]
    assert queued()[0].pinned
    assert EscalationPin.objects.get(idea=idea).pinned_by == editor


def test_unpinning_takes_it_out_again(editor):
    idea = IdeaFactory()
    services.pin(editor, idea)

    services.unpin(editor, idea)

    assert queued() == []


def test_pinning_twice_keeps_one_pin(editor):
    idea = IdeaFactory()

    services.pin(editor, idea)
    services.pin(UserFactory(role="redaktoer"), idea)

    assert EscalationPin.objects.get(idea=idea).pinned_by == editor
    assert queued() == [idea]


def test_a_promoted_idea_is_out(editor):
    idea = give_votes(IdeaFactory(), 10, 3)
    tried(idea)
    services.pin(editor, idea)

    services.promote(editor, idea)

    assert queued() == []


def test_an_idea_added_to_an_existing_method_is_out(editor):
    idea = tried(IdeaFactory())

    services.promote(editor, idea, into=make_method(live=False))

    assert queued() == []


@pytest.mark.parametrize("status", [Idea.Status.HIDDEN, Idea.Status.MERGED, Idea.Status.ARCHIVED, Idea.Status.PENDING])
def test_ideas_that_are_not_published_are_out(editor, status):
    idea = give_votes(IdeaFactory(), 10, 3)
    tried(idea)
    services.pin(editor, idea)

    Idea.objects.filter(pk=idea.pk).update(status=status)

    assert queued() == []


@pytest.mark.parametrize("stage", [Stage.METHOD, Stage.EVIDENCE])
def test_ideas_already_at_method_stage_are_out(editor, stage):
    idea = tried(IdeaFactory())
    services.pin(editor, idea)

    Idea.objects.filter(pk=idea.pk).update(stage=stage)

    assert queued() == []


def test_a_promising_idea_stays_in():
    idea = tried(IdeaFactory())
    Idea.objects.filter(pk=idea.pk).update(stage=Stage.PROMISING)

    assert queued() == [idea]


def test_the_thresholds_are_configurable(settings):
    settings.IDEABANK_ESCALATION_MIN_VOTES = 2
    settings.IDEABANK_ESCALATION_MIN_ORGANISATIONS = 2
    idea = give_votes(IdeaFactory(), 2, 2)
    give_votes(IdeaFactory(), 2, 1)

    assert queued() == [idea]


def test_each_idea_appears_once_with_all_reasons(editor):
    idea = give_votes(IdeaFactory(), 10, 3)
    tried(idea)
    tried(idea)
    services.pin(editor, idea)

    [row] = queued()

    assert row == idea
    assert (row.vote_count, row.organisations, row.tried, row.pinned) == (10, 3, True, True)


# ---- sorting -------------------------------------------------------------------------------------


@pytest.fixture
def three(editor):
    """Three queued ideas: popular (12 votes, 3 organisations), spread (10 votes, 5 organisations) and a
    pinned one without votes, published on different days."""
    now = timezone.now()
    popular = give_votes(IdeaFactory(published_at=now - datetime.timedelta(days=2)), 12, 3)
    spread = give_votes(IdeaFactory(published_at=now - datetime.timedelta(days=10)), 10, 5)
    pinned = IdeaFactory(published_at=now - datetime.timedelta(days=1))
    services.pin(editor, pinned)
    return popular, spread, pinned


def test_the_queue_sorts_by_votes_by_default(three):
    popular, spread, pinned = three

    assert list(escalation_queue()) == [popular, spread, pinned]
    assert list(escalation_queue("votes")) == [popular, spread, pinned]


def test_the_queue_sorts_by_organisations(three):
    popular, spread, pinned = three

    assert list(escalation_queue("organisations")) == [spread, popular, pinned]


def test_the_queue_sorts_by_age(three):
    popular, spread, pinned = three

    assert list(escalation_queue("oldest")) == [spread, popular, pinned]
    assert list(escalation_queue("newest")) == [pinned, popular, spread]


def test_an_unknown_sort_falls_back_to_votes(three):
    assert list(escalation_queue("'; drop table")) == list(escalation_queue("votes"))
    assert set(QUEUE_SORTS) == {"votes", "organisations", "tried", "oldest", "newest"}


# ---- who may pin ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [None, *REFUSED_ROLES])
def test_only_editors_pin_and_unpin(editor, role):
    idea = IdeaFactory()
    other = IdeaFactory()
    services.pin(editor, other)

    with pytest.raises(PermissionDenied):
        services.pin(person(role), idea)
    with pytest.raises(PermissionDenied):
        services.unpin(person(role), other)

    assert list(EscalationPin.objects.values_list("idea_id", flat=True)) == [other.pk]
