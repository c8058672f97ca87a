"""GET/POST/DELETE /api/v1/follows: follow ideas, tags, target groups and organisations."""

import pytest

from ideabank.ideas import services
from ideabank.ideas.models import Follow, Idea
from ideabank.taxonomy.models import TargetGroup
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/follows"


def post(client, body, **headers):
    return client.post(URL, body, content_type="application/json", **headers)


def delete(client, body, **headers):
    return client.delete(URL, body, content_type="application/json", **headers)


def test_follow_an_idea_then_again(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    headers = token_for(colleague)

    first = post(client, {"kind": "idea", "value": idea.pk}, **headers)
    assert first.status_code == 201, first.content
    assert first.json()["kind"] == "idea"
    assert first.json()["value"] == str(idea.pk)
    assert first.json()["label"] == idea.title

    again = post(client, {"kind": "idea", "value": str(idea.pk)}, **headers)
    assert again.status_code == 200
    assert Follow.objects.filter(user=colleague).count() == 1


def test_follow_a_tag_a_target_group_and_an_organisation(client, staff, outsider, token_for):
    IdeaFactory(author=staff, tags=["Natcafé"])
    headers = token_for(staff)

    assert post(client, {"kind": "tag", "value": "natcafé"}, **headers).status_code == 201
    assert post(client, {"kind": "target_group", "value": "hjemloese"}, **headers).status_code == 201
    assert post(client, {"kind": "organisation", "value": outsider.organisation.slug}, **headers).status_code == 201

    assert services.is_following(staff, target_group=TargetGroup.objects.get(slug="hjemloese"))
    assert services.is_following(staff, organisation=outsider.organisation)
    listed = client.get(URL, **headers).json()
    assert sorted((row["kind"], row["label"]) for row in listed) == [
        ("organisation", outsider.organisation.name),
        ("tag", "Natcafé"),
        ("target_group", TargetGroup.objects.get(slug="hjemloese").name),
    ]


def test_an_organisation_may_be_given_by_id(client, staff, outsider, token_for):
    response = post(client, {"kind": "organisation", "value": outsider.organisation.pk}, **token_for(staff))
    assert response.status_code == 201
    assert response.json()["value"] == outsider.organisation.slug


def test_the_list_is_only_mine(client, staff, colleague, token_for):
    services.follow(colleague, target_group=TargetGroup.objects.get(slug="hjemloese"))
    assert client.get(URL, **token_for(staff)).json() == []


def test_unfollow_with_a_body_or_a_query(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    services.follow(colleague, idea=idea)
    services.follow(colleague, target_group=TargetGroup.objects.get(slug="hjemloese"))
    headers = token_for(colleague)

    assert delete(client, {"kind": "idea", "value": idea.pk}, **headers).status_code == 204
    assert client.delete(f"{URL}?kind=target_group&value=hjemloese", **headers).status_code == 204
    assert not Follow.objects.exists()
    assert delete(client, {"kind": "idea", "value": idea.pk}, **headers).status_code == 204


def test_unfollowing_an_idea_that_was_hidden_since(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff)
    services.follow(colleague, idea=idea)
    Idea.objects.filter(pk=idea.pk).update(status=Idea.Status.HIDDEN)
    assert delete(client, {"kind": "idea", "value": idea.pk}, **token_for(colleague)).status_code == 204
    assert not Follow.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "idea", "value": 424242},
        {"kind": "idea", "value": "abc"},
        {"kind": "idea", "value": 10**30},
        {"kind": "tag", "value": "findes-ikke"},
        {"kind": "target_group", "value": "findes-ikke"},
        {"kind": "organisation", "value": "findes-ikke"},
        {"kind": "organisation", "value": 99999999999999999999},
    ],
)
def test_unknown_targets_are_404(client, staff, token_for, body):
    assert post(client, body, **token_for(staff)).status_code == 404
    assert delete(client, body, **token_for(staff)).status_code == 404
    assert not Follow.objects.exists()


def test_someone_elses_draft_cannot_be_followed(client, staff, colleague, token_for):
    idea = IdeaFactory(author=staff, status=Idea.Status.DRAFT, published_at=None)
    assert post(client, {"kind": "idea", "value": idea.pk}, **token_for(colleague)).status_code == 404


@pytest.mark.parametrize(
    "body",
    [{"kind": "planet", "value": "x"}, {"kind": "tag"}, {"value": "x"}, {"kind": "tag", "value": "a\x00b"}, {}],
)
def test_bad_follow_requests_are_422(client, staff, token_for, body):
    assert post(client, body, **token_for(staff)).status_code == 422
    assert delete(client, body, **token_for(staff)).status_code == 422


def test_unfollow_with_malformed_json_is_400(client, staff, token_for):
    response = client.delete(URL, "{not json", content_type="application/json", **token_for(staff))
    assert response.status_code == 400
    assert response.json()["detail"] == "Forespørgslen er ikke gyldig JSON."


def test_anonymous_is_401(client):
    assert client.get(URL).status_code == 401
    assert post(client, {"kind": "target_group", "value": "hjemloese"}).status_code == 401
    assert delete(client, {"kind": "target_group", "value": "hjemloese"}).status_code == 401
