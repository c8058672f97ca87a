""" "Til dig" on the front page asks only for the lists that have something in them, and the municipality's
newest ideas are shared by colleagues there while each reader's own are left out (home/sections.py)."""

import pytest

from home import sections
from ideabank.ideas.models import Follow, Idea
from ideabank.notifications.models import Notification, Verb
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def test_a_user_with_nothing_to_show_costs_one_query(staff, django_assert_num_queries):
    sections.personal_sections(staff)  # the municipality's list is cached from here on

    with django_assert_num_queries(1):
        personal = sections.personal_sections(staff)

    assert personal["followed_activity"] == personal["drafts"] == personal["unread"] == []


def test_each_list_is_asked_for_once_it_has_something(staff, colleague):
    idea = IdeaFactory(title="Fulgt idé", author=colleague)
    Follow.objects.create(user=staff, idea=idea)
    IdeaFactory(title="Min kladde", author=staff, status=Idea.Status.DRAFT, published_at=None)
    Notification.objects.create(recipient=staff, verb=Verb.COMMENT_ON_IDEA, actor=colleague, idea=idea)
    idea.comments.create(author=colleague, body="Prøv det hos jer")

    personal = sections.personal_sections(staff)

    assert [event["comment"].idea.title for event in personal["followed_activity"]] == ["Fulgt idé"]
    assert [draft.title for draft in personal["drafts"]] == ["Min kladde"]
    assert [notification.idea_id for notification in personal["unread"]] == [idea.pk]


def test_a_read_notification_is_not_listed(staff, colleague):
    read = {"read_at": "2026-01-01T00:00Z"}
    Notification.objects.create(recipient=staff, verb=Verb.COMMENT_ON_IDEA, actor=colleague, **read)

    assert sections.personal_sections(staff)["unread"] == []


def test_the_municipalitys_newest_leave_out_the_readers_own(staff, colleague):
    mine = IdeaFactory(title="Min egen", author=staff)
    theirs = IdeaFactory(title="Kollegaens", author=colleague)

    seen_by_colleague = sections.nearby_ideas(colleague)
    seen_by_me = sections.nearby_ideas(staff)

    assert [idea["title"] for idea in seen_by_me] == ["Kollegaens"]
    assert [idea["title"] for idea in seen_by_colleague] == ["Min egen"]
    assert seen_by_me[0]["url"] == theirs.get_absolute_url()
    assert seen_by_colleague[0]["url"] == mine.get_absolute_url()


def test_a_reader_who_wrote_most_of_the_newest_still_gets_a_full_list(staff, colleague):
    older = [IdeaFactory(title=f"Kollega {n}", author=colleague) for n in range(sections.PERSONAL_ROWS)]
    for n in range(2 * sections.PERSONAL_ROWS):
        IdeaFactory(title=f"Min {n}", author=staff)

    titles = [idea["title"] for idea in sections.nearby_ideas(staff)]

    assert sorted(titles) == sorted(idea.title for idea in older)


def test_a_newly_published_idea_shows_at_once(staff, colleague):
    assert sections.nearby_ideas(staff) == []

    IdeaFactory(title="Lige delt", author=colleague)

    assert [idea["title"] for idea in sections.nearby_ideas(staff)] == ["Lige delt"]


def test_an_edited_title_shows_at_once(staff, colleague):
    idea = IdeaFactory(title="Før", author=colleague)
    sections.nearby_ideas(staff)

    idea.title = "Efter"
    idea.save()

    assert [idea["title"] for idea in sections.nearby_ideas(staff)] == ["Efter"]
