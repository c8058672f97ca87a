"""Follows (issue #3 §9): a user follows exactly one idea, tag, target group or organisation at a
time; following twice is harmless, and unfollowing says whether anything was followed."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from taggit.models import Tag

from ideabank.ideas import services
from ideabank.ideas.models import Follow, Idea
from ideabank.taxonomy.models import TargetGroup
from tests.factories import IdeaFactory, OrganisationFactory, make_method

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff)


@pytest.fixture
def targets(idea):
    return {
        "idea": idea,
        "tag": Tag.objects.create(name="Housing First"),
        "target_group": TargetGroup.objects.create(name="Unge på gaden"),
        "organisation": OrganisationFactory(),
        "method": make_method(),
    }


@pytest.mark.parametrize("kind", Follow.KINDS)
def test_following_each_kind_of_target(colleague, targets, kind):
    target = targets[kind]

    follow = services.follow(colleague, **{kind: target})

    assert follow.user == colleague
    assert follow.kind == kind
    assert follow.target == target
    assert services.is_following(colleague, **{kind: target})


@pytest.mark.parametrize("kind", Follow.KINDS)
def test_following_twice_is_harmless(colleague, targets, kind):
    first = services.follow(colleague, **{kind: targets[kind]})
    second = services.follow(colleague, **{kind: targets[kind]})

    assert first.pk == second.pk
    assert Follow.objects.filter(user=colleague).count() == 1


def test_following_one_thing_is_not_following_another(colleague, targets, staff):
    services.follow(colleague, idea=targets["idea"])

    assert not services.is_following(colleague, organisation=targets["organisation"])
    assert not services.is_following(colleague, idea=IdeaFactory(author=staff))
    assert not services.is_following(targets["idea"].author, idea=targets["idea"])


def test_unfollowing_stops_following_and_says_so(colleague, targets):
    services.follow(colleague, tag=targets["tag"])

    assert services.unfollow(colleague, tag=targets["tag"]) is True
    assert not services.is_following(colleague, tag=targets["tag"])
    assert services.unfollow(colleague, tag=targets["tag"]) is False


def test_unfollowing_leaves_other_followers_alone(colleague, outsider, targets):
    services.follow(colleague, idea=targets["idea"])
    services.follow(outsider, idea=targets["idea"])

    services.unfollow(colleague, idea=targets["idea"])

    assert services.is_following(outsider, idea=targets["idea"])


@pytest.mark.parametrize(
    "choose",
    [
        lambda targets: {},
        lambda targets: {"idea": targets["idea"], "tag": targets["tag"]},
        lambda targets: {"author": targets["idea"].author},
    ],
    ids=["nothing", "two-things", "unknown-kind"],
)
def test_exactly_one_known_thing_is_followed(colleague, targets, choose):
    with pytest.raises(ValidationError):
        services.follow(colleague, **choose(targets))
    assert not Follow.objects.exists()


def test_anonymous_visitors_cannot_follow_and_follow_nothing(targets):
    with pytest.raises(PermissionDenied):
        services.follow(AnonymousUser(), idea=targets["idea"])
    assert services.is_following(AnonymousUser(), idea=targets["idea"]) is False
    assert not Follow.objects.exists()


def test_a_blocked_user_cannot_follow(colleague, targets):
    colleague.is_active = False
    colleague.save()
    with pytest.raises(PermissionDenied):
        services.follow(colleague, idea=targets["idea"])


@pytest.mark.parametrize("status", [Idea.Status.DRAFT, Idea.Status.PENDING, Idea.Status.HIDDEN])
def test_nobody_follows_an_idea_they_may_not_see(staff, colleague, status):
    """Following is a write: it needs the same object-level check as reading (issue #3 §10)."""
    hidden_from_colleague = IdeaFactory(author=staff, status=status)

    with pytest.raises(PermissionDenied):
        services.follow(colleague, idea=hidden_from_colleague)
    assert not Follow.objects.exists()


def test_the_author_may_follow_their_own_draft(staff):
    draft = IdeaFactory(author=staff, status=Idea.Status.DRAFT)

    services.follow(staff, idea=draft)

    assert services.is_following(staff, idea=draft)
