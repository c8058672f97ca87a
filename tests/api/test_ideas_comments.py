"""GET/POST /api/v1/ideas/{id}/comments: threads in order, replies to depth 3, placeholders, bad input."""

import pytest

from ideabank.ideas import services
from ideabank.ideas.models import Comment, Idea
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def url(idea):
    return f"/api/v1/ideas/{idea.pk}/comments"


def post(client, idea, body, **headers):
    return client.post(url(idea), body, content_type="application/json", **headers)


def test_comment_and_reply(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)

    first = post(client, idea, {"body": "Hvordan fandt I kontaktpersonerne?"}, **token_for(colleague))
    assert first.status_code == 201, first.content
    comment = first.json()
    assert comment["parent"] is None
    assert comment["depth"] == 1
    assert comment["body"] == "Hvordan fandt I kontaktpersonerne?"
    assert comment["status"] == "visible"
    assert comment["author"]["display_name"] == colleague.display_name
    assert comment["edited"] is False

    reply = post(client, idea, {"body": "Blandt pensionerede pædagoger.", "parent": comment["id"]}, **token_for(staff))
    assert reply.status_code == 201
    assert (reply.json()["parent"], reply.json()["depth"]) == (comment["id"], 2)
    idea.refresh_from_db()
    assert idea.comment_count == 2


def test_the_list_is_in_thread_order(client, staff, colleague):
    idea = IdeaFactory(author=staff)
    first = services.add_comment(colleague, idea, "Første")
    second = services.add_comment(staff, idea, "Anden")
    reply = services.add_comment(staff, idea, "Svar på første", parent=first)
    services.add_comment(colleague, idea, "Svar på svaret", parent=reply)

    response = client.get(url(idea))

    assert response.status_code == 200
    rows = response.json()
    assert [(row["body"], row["depth"]) for row in rows] == [
        ("Første", 1),
        ("Svar på første", 2),
        ("Svar på svaret", 3),
        ("Anden", 1),
    ]
    assert rows[1]["parent"] == first.pk
    assert second.pk == rows[3]["id"]


def test_deleted_and_hidden_comments_keep_their_place_without_body_or_author(client, staff, colleague, moderator):
    idea = IdeaFactory(author=staff)
    deleted = services.add_comment(colleague, idea, "Fortrudt")
    services.add_comment(staff, idea, "Svar", parent=deleted)
    hidden = services.add_comment(colleague, idea, "Grimt sagt")
    services.delete_comment(colleague, deleted)
    services.hide(moderator, hidden)

    rows = client.get(url(idea)).json()

    assert [(row["status"], row["body"], row["author"]) for row in rows if row["depth"] == 1] == [
        ("deleted", "", None),
        ("hidden", "", None),
    ]
    assert rows[1]["body"] == "Svar"


def test_a_reply_deeper_than_three_is_422(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    level1 = services.add_comment(colleague, idea, "1")
    level2 = services.add_comment(staff, idea, "2", parent=level1)
    level3 = services.add_comment(colleague, idea, "3", parent=level2)

    response = post(client, idea, {"body": "4", "parent": level3.pk}, **token_for(staff))

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "parent"
    assert "3 niveauer" in error["msg"]
    assert Comment.objects.count() == 3


@pytest.mark.parametrize("parent", [424242, -1, 10**30])
def test_an_unknown_parent_is_422(client, staff, colleague, token_for, parent):
    idea = IdeaFactory(author=staff)
    response = post(client, idea, {"body": "Svar", "parent": parent}, **token_for(colleague))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "parent"


def test_a_parent_on_another_idea_is_422(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    elsewhere = services.add_comment(staff, IdeaFactory(author=staff), "Andetsteds")
    response = post(client, idea, {"body": "Svar", "parent": elsewhere.pk}, **token_for(colleague))
    assert response.status_code == 422
    assert not Comment.objects.filter(idea=idea).exists()


@pytest.mark.parametrize(
    ("body", "snippet"),
    [("", "tomt"), ("Ring til 311299-1234", "CPR-nummer"), ("nul\x00byte", "kontroltegn"), ("x" * 5001, "5000")],
)
def test_bad_bodies_are_422_naming_the_field(client, staff, colleague, token_for, body, snippet):
    idea = IdeaFactory(author=staff)
    response = post(client, idea, {"body": body}, **token_for(colleague))
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "body"
    assert error["msg"].startswith("Kommentar: ")
    assert snippet in error["msg"].replace(".", "")
    assert not Comment.objects.exists()


def test_commenting_on_an_unpublished_idea_is_403(client, staff, token_for):
    idea = IdeaFactory(author=staff, status=Idea.Status.DRAFT, published_at=None)
    assert post(client, idea, {"body": "Note til mig selv"}, **token_for(staff)).status_code == 403


def test_comments_of_a_hidden_idea_are_404(client, staff):
    idea = IdeaFactory(author=staff, status=Idea.Status.HIDDEN)
    assert client.get(url(idea)).status_code == 404


def test_anonymous_may_read_but_not_write(client, staff):
    idea = IdeaFactory(author=staff)
    assert client.get(url(idea)).status_code == 200
    assert post(client, idea, {"body": "Hej"}).status_code == 401


def test_commenting_is_rate_limited(client, staff, colleague, token_for, settings):
    settings.IDEABANK_RATE_LIMITS = {**settings.IDEABANK_RATE_LIMITS, "comment": "0/m"}
    idea = IdeaFactory(author=staff)
    assert post(client, idea, {"body": "Hej"}, **token_for(colleague)).status_code == 429
    assert not Comment.objects.exists()


def test_the_list_runs_a_constant_number_of_queries(client, staff, colleague, django_assert_max_num_queries):
    idea = IdeaFactory(author=staff)
    for n in range(10):
        parent = services.add_comment(colleague, idea, f"Tråd {n}")
        services.add_comment(staff, idea, "Svar", parent=parent)
    with django_assert_max_num_queries(3):
        assert len(client.get(url(idea)).json()) == 20
