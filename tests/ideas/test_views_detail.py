"""The idea page (/ideer/<pk>/): who sees what, threaded comments, the vote button, tried reports,
merged ideas and a constant number of queries however long the thread."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ideabank.ideas import services
from ideabank.ideas.models import Comment, Idea, Stage
from ideabank.taxonomy.models import TargetGroup, Theme
from tests.factories import CommentFactory, IdeaFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(staff):
    return IdeaFactory(
        author=staff,
        title="Walk and talk",
        problem="Unge udebliver.\nIgen og igen.",
        solution="Gåture i stedet for kontoret.",
        results="Flere møder op.",
        tags=["unge", "samtaler"],
        target_groups=[TargetGroup.objects.first()],
        themes=[Theme.objects.first()],
    )


def page(client, idea):
    response = client.get(idea.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_anyone_reads_a_published_idea_with_all_its_fields(client, staff, idea):
    html = page(client, idea)

    assert '<h1 id="idea-title">Walk and talk</h1>' in html
    assert "Unge udebliver.<br>Igen og igen." in html
    assert "Gåture i stedet for kontoret." in html
    assert "Flere møder op." in html
    assert f"Delt af {staff.display_name}, Aarhus Kommune" in html
    assert '<span class="sr-only">Trin: </span>Idé</span>' in html
    assert TargetGroup.objects.first().name in html
    assert Theme.objects.first().name in html
    assert '<a href="/ideer/?tag=unge">unge</a>' in html
    assert '<section id="similar-ideas"' in html
    assert "Lignende idéer" in html
    assert "0 stemmer" in html


def test_visitors_are_invited_to_log_in_to_vote_and_comment(client, idea):
    html = page(client, idea)
    assert "Log ind for at stemme" in html
    assert "Log ind for at kommentere" in html
    assert "Stem på idéen" not in html
    assert "Anmeld idéen" not in html


def test_a_colleague_sees_the_vote_button_and_forms(client, colleague, idea):
    client.force_login(colleague)
    html = page(client, idea)
    assert 'aria-describedby="vote-count">Stem på idéen</button>' in html
    assert 'id="vote-count" aria-live="polite"' in html
    assert "Skriv en kommentar" in html
    assert "Anmeld idéen" in html
    assert "Ret idéen" not in html
    assert "Aarhus Kommune har også prøvet det" in html


def test_after_voting_the_button_withdraws_the_vote(client, colleague, idea):
    services.cast_vote(colleague, idea)
    client.force_login(colleague)
    html = page(client, idea)
    assert "1 stemme<" in html
    assert 'name="action" value="unvote"' in html
    assert "Fjern din stemme" in html


def test_the_author_cannot_vote_but_may_edit(client, staff, idea):
    client.force_login(staff)
    html = page(client, idea)
    assert "Du kan ikke stemme på din egen idé." in html
    assert "Stem på idéen" not in html
    assert reverse("ideas:edit", args=[idea.pk]) in html
    assert "Anmeld idéen" not in html


def test_an_editor_sees_the_edit_link(client, editor, idea):
    client.force_login(editor)
    assert reverse("ideas:edit", args=[idea.pk]) in page(client, idea)


@pytest.mark.parametrize(
    ("status", "allowed", "refused"),
    [
        (Idea.Status.DRAFT, ["staff"], ["anonymous", "colleague", "moderator", "editor"]),
        (Idea.Status.PENDING, ["staff", "moderator", "editor"], ["anonymous", "colleague", "outsider"]),
        (Idea.Status.HIDDEN, ["staff", "moderator"], ["anonymous", "colleague", "outsider"]),
        (Idea.Status.ARCHIVED, ["anonymous", "colleague", "staff"], []),
    ],
)
def test_who_may_see_an_unpublished_idea(client, staff, status, allowed, refused, request):
    idea = IdeaFactory(author=staff, status=status)
    for who in allowed + refused:
        client.logout()
        if who != "anonymous":
            client.force_login(request.getfixturevalue(who))
        expected = 200 if who in allowed else 404
        assert client.get(idea.get_absolute_url()).status_code == expected, who


def test_a_draft_says_it_is_private_and_has_no_vote_or_comment_form(client, staff):
    draft = IdeaFactory(author=staff, status=Idea.Status.DRAFT)
    client.force_login(staff)
    html = page(client, draft)
    assert "Dette er en kladde" in html
    assert '<span class="sr-only">Status: </span>Kladde' in html
    assert "Skriv en kommentar" not in html
    assert "Stem på idéen" not in html


def test_a_merged_idea_redirects_permanently_to_its_target(client, moderator):
    duplicate, target = IdeaFactory(), IdeaFactory()
    services.merge(moderator, duplicate, target)

    response = client.get(duplicate.get_absolute_url())

    assert response.status_code == 301
    assert response["Location"] == target.get_absolute_url()


def test_unknown_ideas_are_404(client):
    assert client.get(reverse("ideas:detail", args=[424242])).status_code == 404


def test_comments_are_threaded_with_placeholders(client, colleague, outsider, idea):
    first = services.add_comment(colleague, idea, "Første kommentar")
    reply = services.add_comment(outsider, idea, "Et svar", parent=first)
    deep = services.add_comment(colleague, idea, "Tredje niveau", parent=reply)
    gone = services.add_comment(outsider, idea, "Slettes snart")
    services.add_comment(colleague, idea, "Svar på det slettede", parent=gone)
    services.delete_comment(outsider, gone)
    hidden = services.add_comment(outsider, idea, "Skjules")
    Comment.objects.filter(pk=hidden.pk).update(status=Comment.Status.HIDDEN)
    Comment.objects.filter(pk=first.pk).update(edited_at=timezone.now())
    client.force_login(colleague)

    html = page(client, idea)

    assert "Første kommentar" in html
    assert html.index(f'id="comment-{first.pk}"') < html.index(f'id="comment-{reply.pk}"')
    assert html.index(f'id="comment-{reply.pk}"') < html.index(f'id="comment-{deep.pk}"')
    assert "Slettes snart" not in html
    assert "Kommentaren er slettet" in html
    assert "Svar på det slettede" in html
    assert "Skjules" not in html
    assert "Kommentaren er skjult af en moderator" in html
    assert "redigeret" in html
    assert f'id="id_reply{first.pk}_body"' in html
    assert f'id="id_reply{reply.pk}_body"' in html
    assert f'id="id_reply{deep.pk}_body"' not in html  # depth 3: no replies


def test_own_recent_comments_can_be_edited_and_deleted(client, colleague, outsider, idea):
    mine = services.add_comment(colleague, idea, "Min kommentar")
    old = services.add_comment(colleague, idea, "Gammel kommentar")
    Comment.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(minutes=16))
    theirs = services.add_comment(outsider, idea, "Deres kommentar")
    client.force_login(colleague)

    html = page(client, idea)

    assert reverse("ideas:comment_edit", args=[mine.pk]) in html
    assert reverse("ideas:comment_edit", args=[old.pk]) not in html
    assert reverse("ideas:comment_edit", args=[theirs.pk]) not in html
    assert reverse("ideas:comment_delete", args=[mine.pk]) in html
    assert reverse("ideas:comment_delete", args=[old.pk]) in html
    assert reverse("ideas:comment_delete", args=[theirs.pk]) not in html
    assert reverse("ideas:comment_report", args=[theirs.pk]) in html
    assert reverse("ideas:comment_report", args=[mine.pk]) not in html


def test_tried_reports_are_listed_and_the_form_hides_once_reported(client, outsider, colleague, idea):
    services.report_tried(
        outsider, idea, tried_from=date(2025, 1, 1), tried_to=date(2025, 6, 30), what_happened="Det virkede."
    )
    client.force_login(outsider)

    html = page(client, idea)

    assert "Odense Kommune" in html
    assert "Afprøvet fra 1. januar 2025 til 30. juni 2025" in html
    assert "Det virkede." in html
    assert "har også prøvet det" not in html  # Odense already did
    assert '<span class="sr-only">Trin: </span>Afprøvet</span>' in html
    client.force_login(colleague)
    assert "Aarhus Kommune har også prøvet det" in page(client, idea)


def test_the_follow_button_shows_the_state(client, colleague, idea):
    client.force_login(colleague)
    assert 'name="action" value="follow"' in page(client, idea)
    services.follow(colleague, idea=idea)
    assert 'name="action" value="unfollow"' in page(client, idea)


def test_the_page_says_which_stage_the_idea_has_reached(client, idea):
    Idea.objects.filter(pk=idea.pk).update(stage=Stage.PROMISING)
    assert "Lovende praksis" in page(client, idea)


# ---- a constant number of queries ----------------------------------------------------------


def busy_idea(author):
    """An idea with 50 comments in threads, votes, tried reports, tags and vocabularies."""
    idea = IdeaFactory(
        author=author,
        tags=[f"emne {n}" for n in range(8)],
        target_groups=list(TargetGroup.objects.all()[:3]),
        themes=list(Theme.objects.all()[:3]),
    )
    people = [UserFactory() for _ in range(10)]
    parent = None
    for n in range(50):
        parent = CommentFactory(idea=idea, author=people[n % 10], parent=parent if n % 3 else None)
    for person in people:
        services.cast_vote(person, idea)
    for _ in range(3):
        reporter = UserFactory(organisation=OrganisationFactory())
        services.report_tried(reporter, idea, tried_from=date(2025, 1, 1), what_happened="Det gik godt.")
    return idea


@pytest.mark.parametrize("who", ["anonymous", "colleague", "staff", "moderator"])
def test_the_page_runs_a_constant_number_of_queries(client, staff, who, request, django_assert_max_num_queries):
    idea = busy_idea(staff)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    client.get(idea.get_absolute_url())

    with django_assert_max_num_queries(12):
        response = client.get(idea.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="comment comment-depth-') == 50
    assert html.count('class="tried-report"') == 3
