"""Following from the browser (POST /ideer/foelg/ with kind + value): ideas, tags, target groups
and organisations."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from ideabank.ideas import services
from ideabank.ideas.models import Follow, Idea
from ideabank.taxonomy.models import TargetGroup
from tests.factories import IdeaFactory, municipal_organisation

pytestmark = pytest.mark.django_db

URL = reverse("ideas:follow")


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff, tags=["Efterværn"])


def test_following_and_unfollowing_an_idea(client, colleague, idea):
    client.force_login(colleague)

    response = client.post(URL, {"kind": "idea", "value": idea.pk}, follow=True)

    assert response.redirect_chain == [(idea.get_absolute_url(), 302)]
    assert Follow.objects.get().idea == idea
    html = response.content.decode()
    assert f"Du følger nu {idea.title}." in html
    assert 'name="action" value="unfollow"' in html

    response = client.post(URL, {"kind": "idea", "value": idea.pk, "action": "unfollow"}, follow=True)
    assert not Follow.objects.exists()
    assert f"Du følger ikke længere {idea.title}." in response.content.decode()


def test_following_twice_is_harmless(client, colleague, idea):
    client.force_login(colleague)
    client.post(URL, {"kind": "idea", "value": idea.pk})
    client.post(URL, {"kind": "idea", "value": idea.pk})
    assert Follow.objects.count() == 1


@pytest.mark.parametrize(
    ("kind", "value", "field"),
    [
        ("tag", "efterværn", "tag"),
        ("tag", "EFTERværn", "tag"),  # SQLite folds only ASCII case
        ("target_group", None, "target_group"),
        ("organisation", "aarhus-kommune", "organisation"),
    ],
)
def test_following_tags_target_groups_and_organisations(client, colleague, idea, kind, value, field):
    group = TargetGroup.objects.first()
    value = value or group.slug
    client.force_login(colleague)

    back = f"/ideer/?{kind}={quote(value)}"

    response = client.post(URL, {"kind": kind, "value": value, "next": back})

    assert response.status_code == 302
    assert response["Location"] == back
    follow = Follow.objects.get(user=colleague)
    assert follow.kind == field
    expected = {
        "tag": idea.tags.get(),
        "target_group": group,
        "organisation": municipal_organisation(751),
    }[field]
    assert follow.target == expected
    services.unfollow(colleague, **{field: expected})


def test_an_unsafe_next_is_ignored(client, colleague, idea):
    client.force_login(colleague)
    response = client.post(URL, {"kind": "tag", "value": "efterværn", "next": "https://evil.example/"})
    assert response["Location"] == reverse("ideas:list")


def test_unknown_targets_are_404(client, colleague):
    client.force_login(colleague)
    assert client.post(URL, {"kind": "tag", "value": "findes-ikke"}).status_code == 404
    assert client.post(URL, {"kind": "idea", "value": "999999"}).status_code == 404
    assert client.post(URL, {"kind": "idea", "value": "abc"}).status_code == 404
    assert not Follow.objects.exists()


def test_an_unknown_kind_is_an_error_message(client, colleague):
    client.force_login(colleague)
    response = client.post(URL, {"kind": "planet", "value": "1"}, follow=True)
    assert "Vælg, hvad du vil følge." in response.content.decode()
    assert not Follow.objects.exists()


def test_someone_elses_draft_cannot_be_followed(client, colleague):
    draft = IdeaFactory(status=Idea.Status.DRAFT)
    client.force_login(colleague)
    assert client.post(URL, {"kind": "idea", "value": draft.pk}).status_code == 404


def test_anonymous_follows_go_to_login(client, idea):
    response = client.post(URL, {"kind": "idea", "value": idea.pk})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={idea.get_absolute_url()}"
    assert not Follow.objects.exists()


def test_following_needs_a_post(client, colleague):
    client.force_login(colleague)
    assert client.get(URL).status_code == 405


def test_an_organisation_may_be_given_by_id_as_in_the_api(client, colleague):
    aarhus = municipal_organisation(751)
    client.force_login(colleague)

    assert client.post(URL, {"kind": "organisation", "value": str(aarhus.pk)}).status_code == 302

    assert Follow.objects.get(user=colleague).organisation == aarhus
    assert client.post(URL, {"kind": "organisation", "value": "99999999999999999999"}).status_code == 404


def test_unfollowing_an_idea_that_was_hidden_since(client, colleague, idea):
    client.force_login(colleague)
    client.post(URL, {"kind": "idea", "value": idea.pk})
    Idea.objects.filter(pk=idea.pk).update(status=Idea.Status.HIDDEN)

    assert client.post(URL, {"kind": "idea", "value": idea.pk}).status_code == 404  # following needs it visible
    response = client.post(URL, {"kind": "idea", "value": idea.pk, "action": "unfollow"})

    assert response.status_code == 302
    assert not Follow.objects.filter(user=colleague).exists()
