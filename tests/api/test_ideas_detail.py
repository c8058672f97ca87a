"""GET and PATCH /api/v1/ideas/{id}: visibility, merged ideas, who may edit, partial updates."""

from datetime import date

import pytest

from ideabank.attachments import services as attachments
from ideabank.ideas import services
from ideabank.ideas.models import Idea
from tests.attachments.files import pdf, upload
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def url(idea_or_pk):
    return f"/api/v1/ideas/{getattr(idea_or_pk, 'pk', idea_or_pk)}"


def patch(client, idea, body, **headers):
    return client.patch(url(idea), body, content_type="application/json", **headers)


# ---- GET ---------------------------------------------------------------------------------------


def test_detail_has_all_fields(client, staff, outsider):
    idea = IdeaFactory(author=staff, results="Færre genanbringelser.", tags=["efterværn"])
    services.report_tried(outsider, idea, tried_from=date(2025, 3, 1), what_happened="Det virkede også hos os.")

    response = client.get(url(idea))

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == idea.pk
    assert (body["problem"], body["solution"], body["context"]) == (idea.problem, idea.solution, idea.context)
    assert body["results"] == "Færre genanbringelser."
    assert body["author"]["display_name"] == staff.display_name
    assert body["author"]["organisation"]["slug"] == staff.organisation.slug
    assert body["method"] is None
    assert body["stage"] == "tried"
    assert body["merged_into"] is None
    assert (body["voted"], body["following"], body["can_edit"]) == (False, False, False)
    [tried] = body["tried_reports"]
    assert tried["organisation"]["slug"] == outsider.organisation.slug
    assert (tried["tried_from"], tried["tried_to"]) == ("2025-03-01", None)
    assert tried["what_happened"] == "Det virkede også hos os."


def test_detail_tells_the_user_what_they_did(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    services.cast_vote(colleague, idea)
    services.follow(colleague, idea=idea)
    body = client.get(url(idea), **token_for(colleague)).json()
    assert (body["voted"], body["following"], body["can_edit"], body["votes"]) == (True, True, False, 1)
    assert client.get(url(idea), **token_for(staff)).json()["can_edit"] is True


@pytest.mark.parametrize("pk", [0, 999999, 2**63, 10**30])
def test_unknown_ids_are_404(client, pk):
    response = client.get(url(pk))
    assert response.status_code == 404
    assert response.json() == {"detail": "Findes ikke."}


def test_a_non_numeric_id_is_422(client):
    response = client.get("/api/v1/ideas/abc")
    assert response.status_code == 422


@pytest.mark.parametrize("status", [Idea.Status.DRAFT, Idea.Status.PENDING, Idea.Status.HIDDEN])
def test_unpublished_ideas_are_404_for_others(client, staff, colleague, token_for, status):
    idea = IdeaFactory(author=staff, status=status)
    assert client.get(url(idea)).status_code == 404
    assert client.get(url(idea), **token_for(colleague)).status_code == 404
    assert client.get(url(idea), **token_for(staff)).status_code == 200


@pytest.mark.parametrize("status", [Idea.Status.PENDING, Idea.Status.HIDDEN])
def test_moderators_see_the_queue(client, staff, moderator, token_for, status):
    idea = IdeaFactory(author=staff, status=status)
    assert client.get(url(idea), **token_for(moderator)).status_code == 200


def test_a_merged_idea_points_at_the_idea_it_lives_on_in(client, staff, moderator):
    duplicate = IdeaFactory(author=staff)
    into = IdeaFactory(author=staff)
    services.merge(moderator, duplicate, into)

    response = client.get(url(duplicate))

    assert response.status_code == 200
    assert response.json()["status"] == "merged"
    assert response.json()["merged_into"] == into.pk


# ---- PATCH -------------------------------------------------------------------------------------


def test_the_author_changes_only_what_is_sent(client, staff, token_for):
    idea = IdeaFactory(author=staff, tags=["gammel"])
    original_problem = idea.problem

    response = patch(
        client, idea, {"title": "Ny titel", "tags": ["ny"], "target_groups": ["hjemloese"]}, **token_for(staff)
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["title"], body["tags"]) == ("Ny titel", ["ny"])
    assert [group["slug"] for group in body["target_groups"]] == ["hjemloese"]
    idea.refresh_from_db()
    assert (idea.title, idea.problem) == ("Ny titel", original_problem)


def test_publishing_a_draft(client, staff, token_for):
    idea = IdeaFactory(author=staff, status=Idea.Status.DRAFT, published_at=None)
    response = patch(client, idea, {"status": "published"}, **token_for(staff))
    assert response.status_code == 200
    assert response.json()["status"] == "published"
    idea.refresh_from_db()
    assert idea.published_at is not None


def test_a_shared_idea_cannot_become_a_draft_again(client, staff, token_for):
    idea = IdeaFactory(author=staff)
    response = patch(client, idea, {"status": "draft"}, **token_for(staff))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "status"
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PUBLISHED


def test_an_editor_may_edit_any_idea(client, staff, editor, token_for):
    idea = IdeaFactory(author=staff)
    assert patch(client, idea, {"title": "Redigeret"}, **token_for(editor)).status_code == 200


@pytest.mark.parametrize("actor", ["colleague", "outsider", "moderator"])
def test_others_get_403_and_nothing_changes(client, staff, token_for, request, actor):
    idea = IdeaFactory(author=staff, title="Uændret")
    response = patch(client, idea, {"title": "Kapret"}, **token_for(request.getfixturevalue(actor)))
    assert response.status_code == 403
    assert response.json()["detail"] == "Du kan kun rette dine egne idéer."
    idea.refresh_from_db()
    assert idea.title == "Uændret"


def test_patching_someone_elses_draft_is_404(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff, status=Idea.Status.DRAFT, published_at=None)
    assert patch(client, idea, {"title": "Kapret"}, **token_for(colleague)).status_code == 404


def test_a_merged_idea_cannot_be_edited(client, staff, moderator, token_for):
    duplicate = IdeaFactory(author=staff)
    services.merge(moderator, duplicate, IdeaFactory(author=staff))
    assert patch(client, duplicate, {"title": "Ny"}, **token_for(staff)).status_code == 403


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": None}, "title"),
        ({"solution": "Ring på 0101901234"}, "solution"),
        ({"context": "nul\x00byte"}, "context"),
        ({"themes": ["findes-ikke"]}, "themes"),
    ],
)
def test_bad_patches_are_422_and_change_nothing(client, staff, token_for, body, field):
    idea = IdeaFactory(author=staff, title="Uændret")
    response = patch(client, idea, body, **token_for(staff))
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field
    idea.refresh_from_db()
    assert idea.title == "Uændret"
    assert "\x00" not in idea.context


def test_clearing_an_optional_text_with_null(client, staff, token_for):
    idea = IdeaFactory(author=staff, context="Noget")
    response = patch(client, idea, {"context": None}, **token_for(staff))
    assert response.status_code == 200
    assert response.json()["context"] == ""


def test_anonymous_patch_is_401(client, staff):
    idea = IdeaFactory(author=staff)
    assert patch(client, idea, {"title": "Ny"}).status_code == 401


def test_detail_query_count_is_constant(client, staff, outsider, token_for, django_assert_max_num_queries):
    idea = IdeaFactory(author=staff, tags=["a", "b", "c", "d"])
    services.report_tried(outsider, idea, tried_from=date(2025, 3, 1), what_happened="Godt.")
    services.add_comment(outsider, idea, "Kommentarer hentes ikke med detaljen.")
    headers = token_for(outsider)
    client.get("/api/v1/me", **headers)  # the token's first use records when it was used

    attachments.add_attachment(staff, idea, upload("drejebog.pdf", pdf("Drejebog")), "Drejebogen")

    with django_assert_max_num_queries(6):  # the idea, its tags, groups, themes, tried reports and files
        assert client.get(url(idea)).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(url(idea), **headers).status_code == 200


def test_editors_follow_a_promoted_idea_to_its_draft_method_the_public_does_not(
    client, verified_login, django_capture_on_commit_callbacks
):
    """After promotion the method is a draft: editors see it with its status and the admin editor's address;
    the public sees no method until it is published, and then only the published page."""
    from ideabank.accounts.roles import Role
    from ideabank.methods import services as methods
    from tests.factories import IdeaFactory, UserFactory, method_index

    method_index()
    editor = UserFactory(role=Role.REDAKTOER)
    idea = IdeaFactory()
    method, _created = methods.promote(editor, idea)

    assert client.get(url(idea)).json()["method"] is None
    verified_login(client, editor)
    seen = client.get(url(idea)).json()["method"]
    assert seen["id"] == method.pk and seen["status"] == "draft"
    assert seen["edit_url"] == f"http://testserver/admin/pages/{method.pk}/edit/"

    with django_capture_on_commit_callbacks(execute=True):
        method.save_revision(user=editor).publish()
    client.logout()
    public = client.get(url(idea)).json()["method"]
    assert public["status"] == "live" and public["id"] == method.pk and "edit_url" not in public
