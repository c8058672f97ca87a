"""Duplicates caught while typing (#16): the suggestions sit right after the title, "Støt denne idé i stedet"
turns a duplicate into a vote and a follow, the check runs on preview without JavaScript, and the author
gets a "Hvad nu?" panel after publishing."""

import pytest
from django.urls import reverse

from ideabank.ideas.models import Follow, Idea, Vote
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("ideas:create")


@pytest.fixture
def existing(outsider):
    return IdeaFactory(
        author=outsider,
        title="Walk and talk-samtaler med unge",
        problem="Unge udebliver fra samtaler på kontoret og føler sig forhørt.",
    )


def test_the_suggestion_region_sits_between_the_title_and_the_problem(client, staff):
    client.force_login(staff)
    html = client.get(CREATE).content.decode()
    assert html.index('name="title"') < html.index('id="similar-ideas"') < html.index('name="problem"')


def test_suggestions_come_from_the_title_alone_and_offer_support(client, staff, existing):
    client.force_login(staff)
    html = client.get(reverse("search:similar"), {"title": "walk and talk samtaler"}).content.decode()
    assert "Findes din idé allerede?" in html
    assert "Walk and talk-samtaler med unge" in html
    assert f'formaction="{reverse("ideas:support", args=[existing.pk])}"' in html
    assert "Støt denne idé i stedet" in html


def test_preview_shows_the_suggestions_without_javascript(client, staff, existing):
    client.force_login(staff)
    data = {"title": "Walk and talk samtaler", "problem": "Unge udebliver fra samtaler.", "solution": "Gåture."}
    html = client.post(CREATE, {**data, "action": "preview"}).content.decode()
    assert "Findes din idé allerede?" in html
    assert html.index('name="title"') < html.index("Walk and talk-samtaler med unge") < html.index('name="problem"')
    assert not Idea.objects.filter(author=staff).exists()


def test_support_instead_votes_follows_and_saves_no_draft(client, staff, existing):
    client.force_login(staff)
    data = {"title": "Walk and talk", "problem": "P", "solution": "L", "action": "publish"}

    response = client.post(reverse("ideas:support", args=[existing.pk]), data)

    assert response.status_code == 302
    assert response["Location"] == existing.get_absolute_url()
    existing.refresh_from_db()
    assert existing.vote_count == 1
    assert Vote.objects.filter(user=staff, idea=existing).exists()
    assert Follow.objects.filter(user=staff, idea=existing).exists()
    assert not Idea.objects.filter(author=staff).exists()


def test_supporting_twice_counts_one_vote(client, staff, existing):
    client.force_login(staff)
    url = reverse("ideas:support", args=[existing.pk])
    client.post(url)
    client.post(url)
    existing.refresh_from_db()
    assert existing.vote_count == 1 == Vote.objects.filter(idea=existing).count()
    assert Follow.objects.filter(user=staff, idea=existing).count() == 1


def test_supporting_ones_own_idea_only_follows(client, outsider, existing):
    client.force_login(outsider)
    client.post(reverse("ideas:support", args=[existing.pk]))
    existing.refresh_from_db()
    assert existing.vote_count == 0
    assert Follow.objects.filter(user=outsider, idea=existing).exists()


def test_visitors_are_sent_to_log_in(client, existing):
    response = client.post(reverse("ideas:support", args=[existing.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not Vote.objects.exists()


def test_after_publishing_the_author_sees_what_now(client, staff):
    client.force_login(staff)
    data = {"title": "Fast kontaktperson", "problem": "Unge mister voksne.", "solution": "En fast voksen."}
    response = client.post(CREATE, {**data, "action": "publish"}, follow=True)

    html = response.content.decode()
    idea = Idea.objects.get(author=staff)
    assert response.redirect_chain[-1][0] == f"{idea.get_absolute_url()}?delt=1"
    assert "Hvad nu?" in html
    assert "Invitér kolleger pr. e-mail" in html
    assert f"http://testserver{idea.get_absolute_url()}" in html
    # Only the author, and only right after publishing.
    assert "Hvad nu?" not in client.get(idea.get_absolute_url()).content.decode()
