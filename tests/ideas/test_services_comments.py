"""Comments (issue #3 §6): threads three levels deep, edit own within 15 minutes, soft delete, and
`comment_count` always equal to the number of visible comments."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideabank.ideas import services
from ideabank.ideas.models import TEXT_MAX, Comment, Idea
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

CPR_TEXT = "Borgeren med cpr 010190-1234 fik hjælp."


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff)


def visible_comments(idea):
    return Comment.objects.filter(idea=idea, status=Comment.Status.VISIBLE).count()


def comment_count(idea):
    return Idea.objects.values_list("comment_count", flat=True).get(pk=idea.pk)


def test_a_comment_is_stored_at_depth_one_and_counted(idea, colleague):
    comment = services.add_comment(colleague, idea, "Det prøver vi også i Odder.")

    assert comment.pk is not None
    assert comment.depth == 1
    assert comment.parent is None
    assert comment.author == colleague
    assert comment.edited_at is None
    assert comment_count(idea) == 1


def test_the_author_may_comment_on_their_own_idea(idea, staff):
    services.add_comment(staff, idea, "Tak for spørgsmålene.")
    assert comment_count(idea) == 1


def test_replies_nest_to_depth_three(idea, colleague, outsider):
    first = services.add_comment(colleague, idea, "Første niveau")
    second = services.add_comment(outsider, idea, "Andet niveau", parent=first)
    third = services.add_comment(colleague, idea, "Tredje niveau", parent=second)

    assert (first.depth, second.depth, third.depth) == (1, 2, 3)
    assert third.parent == second
    assert comment_count(idea) == 3


def test_a_reply_deeper_than_three_is_refused_and_nothing_is_stored(idea, colleague):
    first = services.add_comment(colleague, idea, "1")
    second = services.add_comment(colleague, idea, "2", parent=first)
    third = services.add_comment(colleague, idea, "3", parent=second)

    with pytest.raises(ValidationError) as caught:
        services.add_comment(colleague, idea, "4", parent=third)

    assert "parent" in caught.value.message_dict
    assert Comment.objects.count() == 3
    assert comment_count(idea) == 3


def test_a_reply_must_belong_to_the_same_idea(idea, staff, colleague):
    other = IdeaFactory(author=staff)
    elsewhere = services.add_comment(colleague, other, "På en anden idé")

    with pytest.raises(ValidationError) as caught:
        services.add_comment(colleague, idea, "Svar", parent=elsewhere)

    assert "parent" in caught.value.message_dict
    assert comment_count(idea) == 0


def test_nobody_replies_to_a_deleted_comment(idea, colleague, outsider):
    parent = services.add_comment(colleague, idea, "Skrevet i hast")
    services.delete_comment(colleague, parent)

    with pytest.raises(ValidationError):
        services.add_comment(outsider, idea, "Svar", parent=parent)
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("status", [Idea.Status.DRAFT, Idea.Status.PENDING, Idea.Status.HIDDEN, Idea.Status.MERGED])
def test_only_published_ideas_take_comments(staff, colleague, status):
    idea = IdeaFactory(author=staff, status=status)

    with pytest.raises(PermissionDenied):
        services.add_comment(colleague, idea, "Hej")
    assert not Comment.objects.exists()


def test_anonymous_visitors_cannot_comment(idea):
    with pytest.raises(PermissionDenied):
        services.add_comment(AnonymousUser(), idea, "Hej")
    assert not Comment.objects.exists()


def test_a_blocked_user_cannot_comment(idea, colleague):
    colleague.is_active = False
    colleague.save()
    with pytest.raises(PermissionDenied):
        services.add_comment(colleague, idea, "Hej")


@pytest.mark.parametrize(
    "body",
    [CPR_TEXT, "Nul\x00byte", "", "x" * (TEXT_MAX + 1)],
    ids=["cpr", "nul", "empty", "too-long"],
)
def test_a_bad_body_is_refused_naming_the_field_and_nothing_is_stored(idea, colleague, body):
    with pytest.raises(ValidationError) as caught:
        services.add_comment(colleague, idea, body)

    assert "body" in caught.value.message_dict
    assert not Comment.objects.exists()
    assert comment_count(idea) == 0


def test_a_body_of_exactly_the_maximum_length_is_accepted(idea, colleague):
    services.add_comment(colleague, idea, "x" * TEXT_MAX)
    assert comment_count(idea) == 1


# ---- editing --------------------------------------------------------------------------------


def test_the_author_edits_within_fifteen_minutes_and_it_shows_as_edited(idea, colleague):
    comment = services.add_comment(colleague, idea, "Første udgave")

    services.edit_comment(colleague, comment, "Første udgave")

    comment.refresh_from_db()
    assert comment.body == "Første udgave"
    assert comment.edited_at is not None


def test_the_edit_window_is_fifteen_minutes_from_creation(idea, colleague):
    comment = services.add_comment(colleague, idea, "Hej")
    limit = comment.created + timedelta(minutes=15)

    assert services.can_edit_comment(colleague, comment, now=limit)
    assert not services.can_edit_comment(colleague, comment, now=limit + timedelta(seconds=1))


def test_an_edit_after_fifteen_minutes_is_refused(idea, colleague):
    comment = services.add_comment(colleague, idea, "Hej")
    Comment.objects.filter(pk=comment.pk).update(created=timezone.now() - timedelta(minutes=16))
    comment.refresh_from_db()

    with pytest.raises(PermissionDenied):
        services.edit_comment(colleague, comment, "Ændret")

    comment.refresh_from_db()
    assert comment.body == "Hej"
    assert comment.edited_at is None


def test_nobody_edits_another_persons_comment(idea, colleague, outsider, moderator):
    comment = services.add_comment(colleague, idea, "Hej")

    for user in (outsider, moderator, AnonymousUser()):
        assert not services.can_edit_comment(user, comment)
        with pytest.raises(PermissionDenied):
            services.edit_comment(user, comment, "Overtaget")

    comment.refresh_from_db()
    assert comment.body == "Hej"


def test_a_deleted_comment_cannot_be_edited(idea, colleague):
    comment = services.add_comment(colleague, idea, "Hej")
    services.delete_comment(colleague, comment)

    with pytest.raises(PermissionDenied):
        services.edit_comment(colleague, comment, "Genopstået")


def test_an_edit_with_a_cpr_number_is_refused_and_the_old_text_kept(idea, colleague):
    comment = services.add_comment(colleague, idea, "Hej")

    with pytest.raises(ValidationError) as caught:
        services.edit_comment(colleague, comment, CPR_TEXT)

    assert "body" in caught.value.message_dict
    comment.refresh_from_db()
    assert comment.body == "Hej"
    assert comment.edited_at is None


# ---- deleting -------------------------------------------------------------------------------


def test_deleting_is_soft_the_thread_stays_and_the_count_drops(idea, colleague, outsider):
    parent = services.add_comment(colleague, idea, "Spørgsmål")
    reply = services.add_comment(outsider, idea, "Svar", parent=parent)

    services.delete_comment(colleague, parent)

    parent.refresh_from_db()
    assert parent.status == Comment.Status.DELETED
    assert Comment.objects.filter(pk=reply.pk, parent=parent, status=Comment.Status.VISIBLE).exists()
    assert comment_count(idea) == 1 == visible_comments(idea)


def test_deleting_twice_counts_once(idea, colleague):
    comment = services.add_comment(colleague, idea, "Hej")
    services.add_comment(colleague, idea, "Hej igen")

    services.delete_comment(colleague, comment)
    services.delete_comment(colleague, comment)

    assert comment_count(idea) == 1 == visible_comments(idea)


def test_nobody_deletes_another_persons_comment(idea, colleague, outsider):
    comment = services.add_comment(colleague, idea, "Hej")

    with pytest.raises(PermissionDenied):
        services.delete_comment(outsider, comment)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    assert comment_count(idea) == 1


def test_a_moderator_may_delete_any_comment(idea, colleague, moderator):
    comment = services.add_comment(colleague, idea, "Hej")

    services.delete_comment(moderator, comment)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED
    assert comment_count(idea) == 0


def test_deleting_a_hidden_comment_does_not_count_it_twice(idea, colleague, moderator):
    comment = services.add_comment(colleague, idea, "Hej")
    services.add_comment(colleague, idea, "Bliver stående")
    services.hide(moderator, comment)

    services.delete_comment(colleague, comment)

    assert comment_count(idea) == 1 == visible_comments(idea)


def test_a_stale_copy_of_a_hidden_comment_does_not_count_it_twice(idea, colleague, moderator):
    """Two requests hold the same comment: a moderator hides it, then its author deletes it.

    The author's copy still says "visible", but the row is hidden: the count must drop only once.
    """
    services.add_comment(colleague, idea, "Bliver stående")
    comment = services.add_comment(colleague, idea, "Hej")
    authors_copy = Comment.objects.get(pk=comment.pk)
    moderators_copy = Comment.objects.get(pk=comment.pk)

    services.hide(moderator, moderators_copy)
    services.delete_comment(colleague, authors_copy)

    assert comment_count(idea) == 1 == visible_comments(idea)
