"""Comments in the browser: post, reply to depth 3, edit own within 15 minutes, delete own
(soft), with the form shown again on errors and nothing stored."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ideabank.ideas import services
from ideabank.ideas.models import Comment, Idea
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

CPR_MESSAGE = "Teksten ser ud til at indeholde et CPR-nummer"


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff)


def create_url(idea):
    return reverse("ideas:comment_create", args=[idea.pk])


def comment_count(idea):
    return Idea.objects.values_list("comment_count", flat=True).get(pk=idea.pk)


# ---- posting ------------------------------------------------------------------------------


def test_anonymous_comments_go_to_login(client, idea):
    response = client.post(create_url(idea), {"body": "Hej"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not Comment.objects.exists()


def test_a_colleague_comments(client, colleague, idea):
    client.force_login(colleague)

    response = client.post(create_url(idea), {"body": "Det gør vi også.\nMed held."}, follow=True)

    comment = Comment.objects.get()
    assert response.redirect_chain == [(f"{idea.get_absolute_url()}#comment-{comment.pk}", 302)]
    assert comment.author == colleague
    assert comment_count(idea) == 1
    html = response.content.decode()
    assert "Din kommentar er sendt." in html
    assert "Det gør vi også.<br>Med held." in html
    assert "1 kommentar<" in html


def test_an_empty_comment_shows_the_form_again(client, colleague, idea):
    client.force_login(colleague)

    response = client.post(create_url(idea), {"body": "   "})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="#id_comment_body">Kommentar: Skriv din kommentar.</a>' in html
    assert not Comment.objects.exists()


def test_a_cpr_number_is_refused_and_the_text_kept(client, colleague, idea):
    client.force_login(colleague)

    response = client.post(create_url(idea), {"body": "Borger 010190-1234 fik hjælp"})

    html = response.content.decode()
    assert f"Kommentar: {CPR_MESSAGE}" in html
    assert "Borger 010190-1234 fik hjælp</textarea>" in html  # shown back only to its writer, not stored
    assert not Comment.objects.exists()


def test_replies_nest_and_stop_at_depth_three(client, colleague, outsider, idea):
    client.force_login(colleague)
    first = services.add_comment(outsider, idea, "Første")
    second = services.add_comment(outsider, idea, "Anden", parent=first)
    third = services.add_comment(outsider, idea, "Tredje", parent=second)

    response = client.post(create_url(idea), {"body": "Et svar", "parent": second.pk}, follow=True)
    assert "Dit svar er sendt." in response.content.decode()
    assert Comment.objects.get(body="Et svar").depth == 3

    response = client.post(create_url(idea), {"body": "For dybt", "parent": third.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Svar kan højst være 3 niveauer dybe." in html
    assert '<details class="details comment-action" open>' not in html  # depth 3 has no reply form
    assert "For dybt</textarea>" in html  # the text comes back in the new-comment form
    assert '<input type="hidden" name="parent" id="id_reply' in html
    assert f'name="parent" value="{third.pk}"' not in html
    assert not Comment.objects.filter(body="For dybt").exists()


def test_a_reply_with_errors_opens_its_own_form(client, colleague, outsider, idea):
    first = services.add_comment(outsider, idea, "Første")
    client.force_login(colleague)

    response = client.post(create_url(idea), {"body": "", "parent": first.pk})

    html = response.content.decode()
    assert '<details class="details comment-action" open>' in html
    assert f'<a href="#id_reply{first.pk}_body">Dit svar: Skriv din kommentar.</a>' in html


def test_a_reply_to_another_ideas_comment_is_refused(client, colleague, outsider, idea):
    elsewhere = services.add_comment(outsider, IdeaFactory(), "Et andet sted")
    client.force_login(colleague)

    response = client.post(create_url(idea), {"body": "Svar", "parent": elsewhere.pk})

    assert "Den kommentar, du svarer på, findes ikke længere." in response.content.decode()
    assert not Comment.objects.filter(body="Svar").exists()


def test_no_comments_on_an_unpublished_idea(client, staff):
    draft = IdeaFactory(author=staff, status=Idea.Status.DRAFT)
    client.force_login(staff)
    response = client.post(create_url(draft), {"body": "Note til mig selv"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_comments_are_rate_limited(client, colleague, idea, settings):
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "comment": "2/m"}
    client.force_login(colleague)
    for n in range(2):
        assert client.post(create_url(idea), {"body": f"Nr. {n}"}).status_code == 302
    assert client.post(create_url(idea), {"body": "En for meget"}).status_code == 429
    assert Comment.objects.count() == 2


# ---- editing ------------------------------------------------------------------------------


def edit_url(comment):
    return reverse("ideas:comment_edit", args=[comment.pk])


def test_the_author_edits_within_15_minutes_and_it_shows(client, colleague, idea):
    comment = services.add_comment(colleague, idea, "Førstr udkast")
    client.force_login(colleague)

    response = client.post(edit_url(comment), {"body": "Første udkast"}, follow=True)

    comment.refresh_from_db()
    assert comment.body == "Første udkast"
    assert comment.edited_at is not None
    html = response.content.decode()
    assert "Kommentaren er rettet." in html
    assert "redigeret" in html


def test_after_15_minutes_the_comment_is_final(client, colleague, idea):
    comment = services.add_comment(colleague, idea, "Gammel")
    Comment.objects.filter(pk=comment.pk).update(created=timezone.now() - timedelta(minutes=16))
    client.force_login(colleague)

    response = client.post(edit_url(comment), {"body": "Ny"})

    assert response.status_code == 403
    assert "En kommentar kan kun rettes de første 15 minutter." in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Gammel"


@pytest.mark.parametrize("who", ["outsider", "moderator", "staff"])
def test_nobody_else_edits_a_comment(client, colleague, idea, who, request):
    comment = services.add_comment(colleague, idea, "Min")
    client.force_login(request.getfixturevalue(who))

    assert client.post(edit_url(comment), {"body": "Deres"}).status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Min"


def test_an_edit_with_a_cpr_number_is_refused(client, colleague, idea):
    comment = services.add_comment(colleague, idea, "Min")
    client.force_login(colleague)

    response = client.post(edit_url(comment), {"body": "Nu med 010190-1234"})

    assert response.status_code == 200
    assert f"Ret kommentaren: {CPR_MESSAGE}" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Min"


def test_anonymous_edits_go_to_login(client, colleague, idea):
    comment = services.add_comment(colleague, idea, "Min")
    assert client.post(edit_url(comment), {"body": "X"}).status_code == 302


# ---- deleting -----------------------------------------------------------------------------


def delete_url(comment):
    return reverse("ideas:comment_delete", args=[comment.pk])


def test_deleting_leaves_a_placeholder_and_keeps_the_replies(client, colleague, outsider, idea):
    comment = services.add_comment(colleague, idea, "Slet mig")
    services.add_comment(outsider, idea, "Et svar der bliver", parent=comment)
    client.force_login(colleague)

    response = client.post(delete_url(comment), follow=True)

    html = response.content.decode()
    assert "Slet mig" not in html
    assert "Kommentaren er slettet" in html
    assert "Et svar der bliver" in html
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.DELETED
    assert comment_count(idea) == 1


def test_nobody_deletes_someone_elses_comment(client, colleague, outsider, idea):
    comment = services.add_comment(colleague, idea, "Min")
    client.force_login(outsider)
    assert client.post(delete_url(comment)).status_code == 403
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.VISIBLE


def test_a_moderator_may_delete(client, colleague, moderator, idea):
    comment = services.add_comment(colleague, idea, "Upassende")
    client.force_login(moderator)
    client.post(delete_url(comment))
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.DELETED


def test_deleting_needs_login_and_post(client, colleague, idea):
    comment = services.add_comment(colleague, idea, "Min")
    assert client.post(delete_url(comment)).status_code == 302
    client.force_login(colleague)
    assert client.get(delete_url(comment)).status_code == 405
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.VISIBLE


def test_comments_on_invisible_ideas_are_404(client, colleague, outsider):
    draft = IdeaFactory(author=outsider, status=Idea.Status.DRAFT)
    comment = Comment.objects.create(idea=draft, author=outsider, body="Skjult")
    client.force_login(colleague)
    assert client.post(delete_url(comment)).status_code == 404
    assert client.post(edit_url(comment), {"body": "x"}).status_code == 404
