"""The living home page (#16): "Idéer lige nu" ranked by the last 14 days' votes, comments and tried reports
(newest ideas when it is quiet), "Nye metoder", the call to action, and what a logged-in user gets."""

import datetime

import pytest
from django.utils import timezone

from home import sections
from ideabank.ideas import services
from ideabank.ideas.models import Comment, Follow, Idea, TriedReport, Vote
from ideabank.notifications.models import Notification, Verb
from tests.factories import CommentFactory, IdeaFactory, UserFactory, make_method

pytestmark = pytest.mark.django_db


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def backdate(model, days, **lookups):
    model.objects.filter(**lookups).update(created=ago(days))


def votes(idea, count, days=1):
    for voter in UserFactory.create_batch(count):
        Vote.objects.create(user=voter, idea=idea)
    backdate(Vote, days, idea=idea)


def titles(ideas):
    return [idea.title for idea in ideas]


def test_trending_weighs_recent_votes_comments_and_tried_reports(outsider):
    voted = IdeaFactory(title="Tre stemmer", published_at=ago(30))
    votes(voted, 3)
    discussed = IdeaFactory(title="To kommentarer", published_at=ago(30))
    CommentFactory.create_batch(2, idea=discussed)  # 2 × 2 = 4
    tried = IdeaFactory(title="Afprøvet", published_at=ago(30))
    services.report_tried(outsider, tried, tried_from=datetime.date(2026, 1, 1), what_happened="Det virkede.")
    old_news = IdeaFactory(title="Gamle stemmer", published_at=ago(60))
    votes(old_news, 10, days=20)  # outside the 14 days: counts nothing

    assert sections.trending_scores()[discussed.pk] == 4
    ranked = [Idea.objects.get(pk=pk).title for pk in sections.trending_idea_ids(limit=4)]
    assert ranked == ["To kommentarer", "Afprøvet", "Tre stemmer", "Gamle stemmer"]


def test_hidden_comments_and_unpublished_ideas_do_not_trend():
    hidden = IdeaFactory(title="Skjult", status=Idea.Status.HIDDEN)
    votes(hidden, 5)
    quiet = IdeaFactory(title="Stille", published_at=ago(3))
    CommentFactory(idea=quiet, status=Comment.Status.HIDDEN)

    assert sections.trending_scores() == {}
    assert titles(sections.trending_ideas()) == ["Stille"]


def test_a_tie_goes_to_the_newer_idea():
    older = IdeaFactory(title="Ældre", published_at=ago(5))
    newer = IdeaFactory(title="Nyere", published_at=ago(2))
    votes(older, 2)
    votes(newer, 2)
    assert titles(sections.trending_ideas(limit=2)) == ["Nyere", "Ældre"]


def test_when_it_is_quiet_the_newest_ideas_fill_the_section():
    for days in range(8):
        IdeaFactory(title=f"Idé {days}", published_at=ago(days + 20))
    busy = IdeaFactory(title="Travl", published_at=ago(100))
    votes(busy, 1)
    assert titles(sections.trending_ideas()) == ["Travl", "Idé 0", "Idé 1", "Idé 2", "Idé 3", "Idé 4"]


def test_tried_reports_count_three_times_a_vote(outsider):
    tried = IdeaFactory(title="Afprøvet")
    services.report_tried(outsider, tried, tried_from=datetime.date(2026, 1, 1), what_happened="Godt.")
    assert TriedReport.objects.count() == 1
    assert sections.trending_scores() == {tried.pk: 3}


def test_new_methods_are_the_newest_published_with_their_declaration():
    for number in range(5):
        make_method(title=f"Metode {number}", declaration_effekt="B", declaration_maalgruppe="A")
    make_method(title="Kladde", live=False)

    methods = sections.newest_methods()

    assert [method.title for method in methods] == ["Metode 4", "Metode 3", "Metode 2", "Metode 1"]
    assert methods[0].declaration_summary == [
        ("Målgruppe", "A", "A – stærk viden"),
        ("Effekt", "B", "B – moderat viden"),
    ]


def test_the_home_page_shows_ideas_methods_and_the_call_to_action(client):
    IdeaFactory(title="Gåture i stedet for kontorsamtaler")
    make_method(title="Housing First", declaration_effekt="B")

    html = client.get("/").content.decode()

    assert "Gåture i stedet for kontorsamtaler" in html
    assert "Housing First" in html
    assert 'class="button button-primary home-share" href="/ideer/ny/">Del en idé</a>' in html
    assert "Her kommer de idéer" not in html
    assert "Her kommer de nyeste" not in html
    assert "Til dig" not in html


def test_a_logged_in_user_gets_their_municipality_follows_drafts_and_notifications(client, staff, colleague):
    nearby = IdeaFactory(title="Fra en kollega i Aarhus", author=colleague)
    IdeaFactory(title="Min kladde", author=staff, status=Idea.Status.DRAFT, published_at=None)
    Follow.objects.create(user=staff, idea=nearby)
    CommentFactory(idea=nearby, body="Ny kommentar")
    Notification.objects.create(recipient=staff, verb=Verb.COMMENT_ON_IDEA, actor=colleague, idea=nearby)
    client.force_login(staff)

    html = client.get("/").content.decode()

    assert "Til dig" in html
    assert "Fra din kommune" in html
    assert html.count("Fra en kollega i Aarhus") >= 3  # nearby, followed activity, notification
    assert "Min kladde" in html
    assert f"/ideer/{Idea.objects.get(title='Min kladde').pk}/ret/" in html
    assert "har kommenteret din idé" in html


def test_the_personal_part_costs_a_handful_of_queries(client, staff, django_assert_max_num_queries):
    for _ in range(5):
        idea = IdeaFactory()
        Follow.objects.create(user=staff, idea=idea)
        CommentFactory(idea=idea)
    with django_assert_max_num_queries(8):
        sections.personal_sections(staff)
