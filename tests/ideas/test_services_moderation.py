"""Moderation (issue #3 §8): reports and the three-report threshold, hide/restore, approval of
pending ideas, merging duplicates without double counting, and blocking users — each logged."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ideabank.accounts import services as account_services
from ideabank.accounts.models import UserSession as Session
from ideabank.accounts.roles import Role
from ideabank.errors import Conflict
from ideabank.ideas import services
from ideabank.ideas.models import Comment, Follow, Idea, Report, Stage, TriedReport, Vote
from tests.factories import PASSWORD, IdeaFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

SPAM = Report.Reason.SPAM


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff)


@pytest.fixture
def reporters():
    return UserFactory.create_batch(3)


def refreshed(obj):
    obj.refresh_from_db()
    return obj


def logged(action, instance, user):
    return ModelLogEntry.objects.filter(
        action=action, object_id=str(instance.pk), content_type__model=instance._meta.model_name, user=user
    ).exists()


# ---- reports and the threshold ----------------------------------------------------------------


def test_two_open_reports_leave_an_idea_visible(idea, reporters):
    for reporter in reporters[:2]:
        services.report_content(reporter, reason=SPAM, idea=idea)

    assert refreshed(idea).status == Idea.Status.PUBLISHED
    assert Report.objects.filter(idea=idea, handled_at__isnull=True).count() == 2


def test_the_third_open_report_hides_the_idea_pending_review(idea, reporters):
    for reporter in reporters:
        services.report_content(reporter, reason=SPAM, idea=idea)

    idea = refreshed(idea)
    assert idea.status == Idea.Status.HIDDEN
    assert idea.hidden_by_reports is True


def test_a_hidden_idea_is_out_of_public_view_but_moderators_see_it(idea, reporters, moderator, colleague):
    for reporter in reporters:
        services.report_content(reporter, reason=SPAM, idea=idea)
    idea = refreshed(idea)

    assert not services.can_view(AnonymousUser(), idea)
    assert not services.can_view(colleague, idea)
    assert services.can_view(moderator, idea)


def test_one_open_report_per_reporter(idea, colleague):
    services.report_content(colleague, reason=SPAM, idea=idea)

    with pytest.raises(Conflict):
        services.report_content(colleague, reason=Report.Reason.OFFENSIVE, idea=idea)

    assert Report.objects.filter(idea=idea).count() == 1


def test_the_same_reporter_reporting_three_times_does_not_hide(idea, colleague):
    services.report_content(colleague, reason=SPAM, idea=idea)
    for _attempt in range(2):
        with pytest.raises(Conflict):
            services.report_content(colleague, reason=SPAM, idea=idea)

    assert refreshed(idea).status == Idea.Status.PUBLISHED


def test_after_a_decision_the_same_person_may_report_again(idea, colleague, moderator):
    services.report_content(colleague, reason=SPAM, idea=idea)
    services.restore(moderator, idea)

    services.report_content(colleague, reason=SPAM, idea=idea)

    assert Report.objects.filter(idea=idea, reporter=colleague).count() == 2
    assert Report.objects.filter(idea=idea, reporter=colleague, handled_at__isnull=True).count() == 1


def test_closed_reports_do_not_count_towards_the_threshold(idea, reporters, moderator):
    for reporter in reporters:
        services.report_content(reporter, reason=SPAM, idea=idea)
    services.restore(moderator, idea)

    for reporter in reporters[:2]:
        services.report_content(reporter, reason=SPAM, idea=idea)

    assert refreshed(idea).status == Idea.Status.PUBLISHED


def test_the_third_report_on_a_comment_hides_it_and_uncounts_it(idea, colleague, reporters):
    comment = services.add_comment(colleague, idea, "Køb billige ure her")
    services.add_comment(colleague, idea, "En rigtig kommentar")

    for reporter in reporters:
        services.report_content(reporter, reason=SPAM, comment=comment)

    comment = refreshed(comment)
    assert comment.status == Comment.Status.HIDDEN
    assert comment.hidden_by_reports is True
    assert refreshed(idea).comment_count == 1
    assert refreshed(idea).status == Idea.Status.PUBLISHED


def test_reports_on_one_comment_do_not_count_for_another(idea, colleague, reporters):
    first = services.add_comment(colleague, idea, "Første")
    second = services.add_comment(colleague, idea, "Anden")

    for reporter in reporters[:2]:
        services.report_content(reporter, reason=SPAM, comment=first)
    services.report_content(reporters[2], reason=SPAM, comment=second)

    assert refreshed(first).status == Comment.Status.VISIBLE
    assert refreshed(second).status == Comment.Status.VISIBLE


def test_an_unknown_reason_is_refused(idea, colleague):
    with pytest.raises(ValidationError) as caught:
        services.report_content(colleague, reason="boring", idea=idea)

    assert "reason" in caught.value.message_dict
    assert not Report.objects.exists()


def test_a_note_with_a_cpr_number_is_refused(idea, colleague):
    with pytest.raises(ValidationError) as caught:
        services.report_content(
            colleague, reason=Report.Reason.PERSONAL_DATA, idea=idea, note="Det er borger 010190-1234"
        )

    assert "note" in caught.value.message_dict
    assert not Report.objects.exists()


def test_anonymous_visitors_cannot_report(idea):
    with pytest.raises(PermissionDenied):
        services.report_content(AnonymousUser(), reason=SPAM, idea=idea)
    assert not Report.objects.exists()


# ---- hide and restore -----------------------------------------------------------------------


def test_a_moderator_hides_an_idea_upholds_its_reports_and_it_is_logged(idea, colleague, moderator):
    services.report_content(colleague, reason=SPAM, idea=idea)

    services.hide(moderator, idea, reason="Reklame")

    assert refreshed(idea).status == Idea.Status.HIDDEN
    report = Report.objects.get(idea=idea)
    assert report.handled_by == moderator
    assert report.handled_at is not None
    assert report.resolution == Report.Resolution.UPHELD
    assert logged("ideabank.hide", idea, moderator)
    entry = ModelLogEntry.objects.get(action="ideabank.hide")
    assert entry.data["reason"] == "Reklame"
    assert entry.timestamp is not None


def test_a_moderator_restores_an_idea_hidden_by_reports(idea, reporters, moderator):
    for reporter in reporters:
        services.report_content(reporter, reason=SPAM, idea=idea)

    services.restore(moderator, idea)

    idea = refreshed(idea)
    assert idea.status == Idea.Status.PUBLISHED
    assert idea.hidden_by_reports is False
    assert not Report.objects.filter(idea=idea, handled_at__isnull=True).exists()
    assert set(Report.objects.values_list("resolution", flat=True)) == {Report.Resolution.DISMISSED}
    assert set(Report.objects.values_list("handled_by", flat=True)) == {moderator.pk}
    assert logged("ideabank.restore", idea, moderator)


def test_hiding_and_restoring_a_comment_keeps_the_count_exact(idea, colleague, moderator):
    comment = services.add_comment(colleague, idea, "Hej")
    services.report_content(moderator, reason=SPAM, comment=comment)

    services.hide(moderator, comment)
    assert refreshed(comment).status == Comment.Status.HIDDEN
    assert refreshed(idea).comment_count == 0
    assert Report.objects.get().resolution == Report.Resolution.UPHELD
    assert logged("ideabank.hide", comment, moderator)

    services.restore(moderator, comment)
    assert refreshed(comment).status == Comment.Status.VISIBLE
    assert refreshed(idea).comment_count == 1
    assert logged("ideabank.restore", comment, moderator)


def test_hiding_twice_counts_once(idea, colleague, moderator):
    comment = services.add_comment(colleague, idea, "Hej")
    services.add_comment(colleague, idea, "Bliver")

    services.hide(moderator, comment)
    services.hide(moderator, comment)

    assert refreshed(idea).comment_count == 1


@pytest.mark.parametrize("role", [Role.MEDARBEJDER, None])
def test_only_moderators_hide_and_restore(idea, role):
    user = UserFactory(role=role) if role else AnonymousUser()

    with pytest.raises(PermissionDenied):
        services.hide(user, idea)
    with pytest.raises(PermissionDenied):
        services.restore(user, idea)

    assert refreshed(idea).status == Idea.Status.PUBLISHED
    assert not ModelLogEntry.objects.filter(action__startswith="ideabank.").exists()


def test_editors_and_administrators_may_moderate_too(idea, editor, administrator):
    services.hide(editor, idea)
    services.restore(administrator, idea)

    assert refreshed(idea).status == Idea.Status.PUBLISHED


# ---- approval -------------------------------------------------------------------------------


def test_a_moderator_approves_a_pending_idea(staff, moderator):
    idea = IdeaFactory(author=staff, status=Idea.Status.PENDING, published_at=None)

    services.approve(moderator, idea)

    idea = refreshed(idea)
    assert idea.status == Idea.Status.PUBLISHED
    assert idea.published_at is not None
    assert logged("ideabank.approve", idea, moderator)


@pytest.mark.parametrize("status", [Idea.Status.DRAFT, Idea.Status.PUBLISHED, Idea.Status.HIDDEN])
def test_only_pending_ideas_are_approved(staff, moderator, status):
    idea = IdeaFactory(author=staff, status=status)

    with pytest.raises(PermissionDenied):
        services.approve(moderator, idea)
    assert refreshed(idea).status == status


def test_staff_cannot_approve(staff, colleague):
    idea = IdeaFactory(author=staff, status=Idea.Status.PENDING, published_at=None)

    with pytest.raises(PermissionDenied):
        services.approve(colleague, idea)
    assert refreshed(idea).status == Idea.Status.PENDING


# ---- merge ----------------------------------------------------------------------------------


@pytest.fixture
def pair(staff, outsider):
    """A target idea (by staff) and its duplicate (by outsider)."""
    return IdeaFactory(author=staff), IdeaFactory(author=outsider)


def vote(user, idea, days_ago=0):
    vote = Vote.objects.create(user=user, idea=idea)
    Vote.objects.filter(pk=vote.pk).update(created=timezone.now() - timedelta(days=days_ago))
    return vote


def voters_of(idea):
    return set(Vote.objects.filter(idea=idea).values_list("user_id", flat=True))


def test_merge_moves_votes_without_counting_anyone_twice(pair, staff, moderator):
    into, duplicate = pair
    both, only_duplicate, only_target = UserFactory.create_batch(3)
    vote(both, into)
    vote(both, duplicate)
    vote(only_duplicate, duplicate, days_ago=3)
    vote(only_target, into)
    vote(staff, duplicate)  # the target's own author: cannot vote on their own idea, so dropped
    services.recount(into)
    services.recount(duplicate)

    services.merge(moderator, duplicate, into)

    assert voters_of(into) == {both.pk, only_duplicate.pk, only_target.pk}
    assert not Vote.objects.filter(idea=duplicate).exists()
    into = refreshed(into)
    assert into.vote_count == 3
    weights = sum(services.trending_weight(v.created) for v in Vote.objects.filter(idea=into))
    assert into.trending_score == pytest.approx(weights)


def test_a_moved_vote_keeps_its_time(pair, moderator):
    into, duplicate = pair
    voter = UserFactory()
    original = vote(voter, duplicate, days_ago=10)
    original.refresh_from_db()

    services.merge(moderator, duplicate, into)

    assert Vote.objects.get(idea=into, user=voter).created == original.created


def test_merge_moves_votes_even_when_the_target_has_a_vote_from_a_deleted_user(pair, moderator):
    """Votes of deleted users stay (user set to NULL); a NULL in the "already voted" set must not
    stop every other vote from moving (SQL's NOT IN with a NULL matches nothing)."""
    into, duplicate = pair
    gone, voter = UserFactory.create_batch(2)
    vote(gone, into)
    gone.delete()
    vote(voter, duplicate)

    services.merge(moderator, duplicate, into)

    assert Vote.objects.filter(idea=into, user=voter).exists()
    assert refreshed(into).vote_count == 2


def test_merge_moves_comment_threads_and_counts_them(pair, colleague, moderator):
    into, duplicate = pair
    services.add_comment(colleague, into, "På målet")
    parent = services.add_comment(colleague, duplicate, "Spørgsmål")
    reply = services.add_comment(colleague, duplicate, "Svar", parent=parent)
    deleted = services.add_comment(colleague, duplicate, "Fortrudt")
    services.delete_comment(colleague, deleted)

    services.merge(moderator, duplicate, into)

    assert set(Comment.objects.filter(idea=into).values_list("pk", flat=True)) >= {parent.pk, reply.pk, deleted.pk}
    assert refreshed(reply).parent_id == parent.pk
    assert refreshed(into).comment_count == 3
    assert not Comment.objects.filter(idea=duplicate).exists()


def test_merge_moves_tried_reports_unless_the_organisation_already_reported_on_the_target(pair, moderator):
    into, duplicate = pair
    both_org, duplicate_org = OrganisationFactory(), OrganisationFactory()
    kept = TriedReport.objects.create(
        idea=into, organisation=both_org, tried_from=date(2025, 1, 1), what_happened="På målet"
    )
    stays = TriedReport.objects.create(
        idea=duplicate, organisation=both_org, tried_from=date(2025, 2, 1), what_happened="Dublet"
    )
    moves = TriedReport.objects.create(
        idea=duplicate, organisation=duplicate_org, tried_from=date(2025, 3, 1), what_happened="Flyttes"
    )

    services.merge(moderator, duplicate, into)

    assert set(TriedReport.objects.filter(idea=into).values_list("pk", flat=True)) == {kept.pk, moves.pk}
    assert refreshed(stays).idea_id == duplicate.pk


def test_merge_carries_stage_tried_to_the_target(pair, moderator):
    into, duplicate = pair
    Idea.objects.filter(pk=duplicate.pk).update(stage=Stage.TRIED)
    TriedReport.objects.create(
        idea=duplicate, organisation=OrganisationFactory(), tried_from=date(2025, 1, 1), what_happened="Virkede"
    )

    services.merge(moderator, duplicate, into)

    assert refreshed(into).stage == Stage.TRIED


def test_merge_never_lowers_the_targets_stage(pair, moderator):
    into, duplicate = pair
    Idea.objects.filter(pk=into.pk).update(stage=Stage.PROMISING)
    into.refresh_from_db()
    TriedReport.objects.create(
        idea=duplicate, organisation=OrganisationFactory(), tried_from=date(2025, 1, 1), what_happened="Virkede"
    )

    services.merge(moderator, duplicate, into)

    assert refreshed(into).stage == Stage.PROMISING


def test_merge_moves_followers_once(pair, moderator):
    into, duplicate = pair
    both, only_duplicate = UserFactory.create_batch(2)
    services.follow(both, idea=into)
    services.follow(both, idea=duplicate)
    services.follow(only_duplicate, idea=duplicate)

    services.merge(moderator, duplicate, into)

    assert set(Follow.objects.filter(idea=into).values_list("user_id", flat=True)) == {both.pk, only_duplicate.pk}


def test_merge_carries_the_tags(moderator, staff, outsider):
    into = IdeaFactory(author=staff, tags=["Efterværn"])
    duplicate = IdeaFactory(author=outsider, tags=["efterværn", "Mentor"])

    services.merge(moderator, duplicate, into)

    assert sorted(name.lower() for name in into.tags.names()) == ["efterværn", "mentor"]


def test_the_merged_idea_points_at_the_target_and_is_logged(pair, moderator, colleague):
    into, duplicate = pair
    vote(colleague, duplicate)
    services.recount(duplicate)

    result = services.merge(moderator, duplicate, into)

    assert result == into
    duplicate = refreshed(duplicate)
    assert duplicate.status == Idea.Status.MERGED
    assert duplicate.merged_into == into
    assert (duplicate.vote_count, duplicate.comment_count, duplicate.trending_score) == (0, 0, 0)
    assert services.can_view(AnonymousUser(), duplicate)  # so its old address can redirect
    assert logged("ideabank.merge", duplicate, moderator)


def test_an_idea_cannot_be_merged_into_itself(pair, moderator):
    into, _duplicate = pair
    with pytest.raises(ValidationError):
        services.merge(moderator, into, into)
    assert refreshed(into).status == Idea.Status.PUBLISHED


@pytest.mark.parametrize("status", [Idea.Status.DRAFT, Idea.Status.PENDING, Idea.Status.HIDDEN, Idea.Status.MERGED])
def test_the_target_must_be_public(pair, moderator, status):
    into, duplicate = pair
    Idea.objects.filter(pk=into.pk).update(status=status)
    into.refresh_from_db()

    with pytest.raises(ValidationError):
        services.merge(moderator, duplicate, into)
    assert refreshed(duplicate).status == Idea.Status.PUBLISHED


def test_an_idea_is_merged_only_once(pair, moderator, staff):
    into, duplicate = pair
    services.merge(moderator, duplicate, into)
    another = IdeaFactory(author=staff)

    with pytest.raises(Conflict):
        services.merge(moderator, duplicate, another)
    assert refreshed(duplicate).merged_into == into


def test_staff_cannot_merge(pair, colleague):
    into, duplicate = pair
    with pytest.raises(PermissionDenied):
        services.merge(colleague, duplicate, into)
    assert refreshed(duplicate).status == Idea.Status.PUBLISHED


def test_a_merged_idea_cannot_be_edited(pair, moderator, outsider):
    into, duplicate = pair
    services.merge(moderator, duplicate, into)

    with pytest.raises(PermissionDenied):
        services.update_idea(outsider, refreshed(duplicate), data={"title": "Genoplivet"})


# ---- blocking -------------------------------------------------------------------------------


@pytest.fixture
def clean_cache():
    cache.clear()  # django-axes counts failed logins in the cache
    yield
    cache.clear()


def sessions_of(user):
    return [s for s in Session.objects.all() if s.get_decoded().get(SESSION_KEY) == str(user.pk)]


def test_blocking_ends_the_users_sessions_and_refuses_login(client, colleague, staff, moderator, clean_cache):
    client.force_login(colleague)
    bystander = Client()
    bystander.force_login(staff)
    assert sessions_of(colleague)

    account_services.block_user(moderator, colleague, reason="Spam")

    assert refreshed(colleague).is_active is False
    assert sessions_of(colleague) == []
    assert sessions_of(staff)  # nobody else is logged out
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302  # the old session no longer logs them in
    response = client.post(reverse("accounts:login"), {"username": colleague.email, "password": PASSWORD})
    assert response.status_code == 200  # the form again, with an error
    assert SESSION_KEY not in client.session
    assert logged("ideabank.block", colleague, moderator)


def test_a_blocked_user_can_no_longer_post_vote_or_comment(idea, colleague, moderator):
    account_services.block_user(moderator, colleague)

    with pytest.raises(PermissionDenied):
        services.cast_vote(colleague, idea)
    with pytest.raises(PermissionDenied):
        services.add_comment(colleague, idea, "Hej")
    with pytest.raises(PermissionDenied):
        services.create_idea(colleague, data={"title": "T", "problem": "P", "solution": "S"})


def test_unblocking_lets_the_user_log_in_again(client, colleague, moderator, clean_cache):
    account_services.block_user(moderator, colleague)

    account_services.unblock_user(moderator, colleague)

    assert refreshed(colleague).is_active is True
    client.post(reverse("accounts:login"), {"username": colleague.email, "password": PASSWORD})
    assert client.session.get(SESSION_KEY) == str(colleague.pk)
    assert logged("ideabank.unblock", colleague, moderator)


def test_staff_cannot_block(colleague, staff):
    with pytest.raises(PermissionDenied):
        account_services.block_user(staff, colleague)
    assert refreshed(colleague).is_active is True


def test_nobody_blocks_themselves(moderator):
    with pytest.raises(PermissionDenied):
        account_services.block_user(moderator, moderator)
    assert refreshed(moderator).is_active is True


def test_a_moderator_cannot_block_another_moderator_but_an_editor_can(moderator, editor):
    other = UserFactory(role=Role.MODERATOR)

    with pytest.raises(PermissionDenied):
        account_services.block_user(moderator, other)
    assert refreshed(other).is_active is True

    account_services.block_user(editor, other)
    assert refreshed(other).is_active is False
