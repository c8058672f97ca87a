"""Who is told about what (issue #5 §3): each event, never one's own actions, "off" means nothing,
followers hear of a new idea once, and marking read touches only one's own notifications."""

import datetime

import pytest
from taggit.models import Tag

from ideabank.ideas import services as ideas
from ideabank.ideas.models import Follow
from ideabank.notifications import services
from ideabank.notifications.models import Notification, NotificationPreference, Verb
from ideabank.taxonomy.models import TargetGroup
from tests.factories import CommentFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff)


def received(user):
    return list(Notification.objects.filter(recipient=user).values_list("verb", flat=True))


def test_a_comment_tells_the_ideas_author(idea, staff, colleague, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        comment = ideas.add_comment(colleague, idea, "Det vil vi også prøve.")

    notification = Notification.objects.get(recipient=staff)
    assert (notification.verb, notification.actor, notification.idea, notification.comment) == (
        Verb.COMMENT_ON_IDEA,
        colleague,
        idea,
        comment,
    )
    assert received(colleague) == []


def test_a_reply_tells_the_parents_author_and_the_ideas_author(
    idea, staff, colleague, outsider, django_capture_on_commit_callbacks
):
    parent = CommentFactory(idea=idea, author=colleague)

    with django_capture_on_commit_callbacks(execute=True):
        ideas.add_comment(outsider, idea, "Godt spørgsmål.", parent=parent)

    assert received(colleague) == [Verb.REPLY_TO_COMMENT]
    assert received(staff) == [Verb.COMMENT_ON_IDEA]
    assert received(outsider) == []


def test_a_reply_to_the_authors_own_comment_is_told_once(idea, staff, colleague, django_capture_on_commit_callbacks):
    parent = CommentFactory(idea=idea, author=staff)

    with django_capture_on_commit_callbacks(execute=True):
        ideas.add_comment(colleague, idea, "Svar.", parent=parent)

    assert received(staff) == [Verb.REPLY_TO_COMMENT]


def test_commenting_on_ones_own_idea_tells_nobody(idea, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ideas.add_comment(staff, idea, "Tilføjelse fra mig selv.")

    assert not Notification.objects.exists()


def test_tried_tells_the_author(idea, staff, outsider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ideas.report_tried(
            outsider, idea, tried_from=datetime.date(2026, 1, 1), what_happened="Det virkede godt hos os."
        )

    notification = Notification.objects.get(recipient=staff)
    assert (notification.verb, notification.actor) == (Verb.IDEA_TRIED, outsider)


def test_hiding_tells_the_author_once(idea, staff, moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ideas.hide(moderator, idea, reason="CPR-nummer")
        ideas.hide(moderator, idea, reason="igen")

    assert received(staff) == [Verb.IDEA_HIDDEN]


def test_merging_points_the_duplicates_author_to_the_target(
    idea, colleague, moderator, django_capture_on_commit_callbacks
):
    duplicate = IdeaFactory(author=colleague)

    with django_capture_on_commit_callbacks(execute=True):
        ideas.merge(moderator, duplicate, idea)

    notification = Notification.objects.get(recipient=colleague)
    assert (notification.verb, notification.idea) == (Verb.IDEA_MERGED, idea)


def test_a_switched_off_kind_creates_nothing(idea, staff, colleague, django_capture_on_commit_callbacks):
    services.set_preference(staff, Verb.COMMENT_ON_IDEA, NotificationPreference.Channel.OFF)

    with django_capture_on_commit_callbacks(execute=True):
        ideas.add_comment(colleague, idea, "Hej.")

    assert received(staff) == []
    assert services.channel_for(staff, Verb.IDEA_TRIED) == NotificationPreference.Channel.IN_APP


def test_notify_skips_self_and_inactive(staff, colleague):
    assert services.notify(staff, Verb.IDEA_HIDDEN, actor=staff) is None
    colleague.is_active = False
    assert services.notify(colleague, Verb.IDEA_HIDDEN) is None
    assert not Notification.objects.exists()


def test_a_new_idea_reaches_each_follower_once_and_never_the_author(
    staff, colleague, outsider, django_capture_on_commit_callbacks
):
    group = TargetGroup.objects.create(name="Unge på gaden")
    tag = Tag.objects.create(name="Efterværn")
    # colleague follows all three; outsider the tag; staff (the author) their own organisation.
    Follow.objects.create(user=colleague, tag=tag)
    Follow.objects.create(user=colleague, target_group=group)
    Follow.objects.create(user=colleague, organisation=staff.organisation)
    Follow.objects.create(user=outsider, tag=tag)
    Follow.objects.create(user=staff, organisation=staff.organisation)
    bystander = UserFactory()
    switched_off = UserFactory()
    Follow.objects.create(user=switched_off, tag=tag)
    services.set_preference(switched_off, Verb.NEW_IDEA_FOLLOWED, NotificationPreference.Channel.OFF)

    with django_capture_on_commit_callbacks(execute=True):
        idea = ideas.create_idea(
            staff,
            data={"title": "Fast kontaktperson", "problem": "Unge mister kontakten.", "solution": "En fast voksen."},
            target_groups=[group],
            tags=["Efterværn"],
        )

    assert received(colleague) == [Verb.NEW_IDEA_FOLLOWED]
    assert received(outsider) == [Verb.NEW_IDEA_FOLLOWED]
    assert Notification.objects.get(recipient=outsider).idea == idea
    assert received(staff) == received(bystander) == received(switched_off) == []


def test_a_draft_tells_no_followers_until_it_is_published(staff, colleague, django_capture_on_commit_callbacks):
    Follow.objects.create(user=colleague, organisation=staff.organisation)
    data = {"title": "Kladde", "problem": "Et problem.", "solution": "En løsning."}

    with django_capture_on_commit_callbacks(execute=True):
        draft = ideas.create_idea(staff, data=data, publish=False)
    assert received(colleague) == []

    with django_capture_on_commit_callbacks(execute=True):
        ideas.update_idea(staff, draft, data={}, publish=True)
        ideas.update_idea(staff, draft, data={"title": "Rettet titel"})
    assert received(colleague) == [Verb.NEW_IDEA_FOLLOWED]


def test_approval_tells_followers(staff, colleague, moderator, settings, django_capture_on_commit_callbacks):
    settings.IDEABANK_PREMODERATION = True
    Follow.objects.create(user=colleague, organisation=staff.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        pending = ideas.create_idea(staff, data={"title": "Afventer", "problem": "P.", "solution": "L."})
    assert received(colleague) == []

    with django_capture_on_commit_callbacks(execute=True):
        ideas.approve(moderator, pending)

    assert received(colleague) == [Verb.NEW_IDEA_FOLLOWED]


def test_mark_read_touches_only_ones_own(staff, colleague):
    mine = [services.notify(staff, Verb.IDEA_HIDDEN) for _ in range(3)]
    theirs = services.notify(colleague, Verb.IDEA_HIDDEN)

    assert services.mark_read(staff, [mine[0].pk, theirs.pk]) == 1
    assert services.unread_count(staff) == 2
    assert services.unread_count(colleague) == 1

    services.mark_read(staff)
    assert services.unread_count(staff) == 0
    assert services.unread_count(colleague) == 1


def test_texts_are_danish_sentences(idea, staff, colleague):
    notification = services.notify(staff, Verb.COMMENT_ON_IDEA, actor=colleague, idea=idea)

    assert services.text(notification) == f"{colleague.display_name} har kommenteret din idé »{idea.title}«"
