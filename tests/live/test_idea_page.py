"""The idea page offers the live channel only where the server would accept a watcher."""

import pytest
from django.urls import reverse

from ideabank.accounts.roles import Role
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_published_idea_loads_the_live_script_with_its_channel(client):
    idea = IdeaFactory()
    html = client.get(reverse("ideas:detail", args=[idea.pk])).content.decode()
    assert f'data-live-url="/ws/ideas/{idea.pk}/"' in html
    assert "js/live.js" in html
    assert "data-comments-empty" in html


def test_an_unpublished_idea_has_no_live_channel(client):
    moderator = UserFactory(role=Role.MODERATOR)
    idea = IdeaFactory(status="pending")
    client.force_login(moderator)
    response = client.get(reverse("ideas:detail", args=[idea.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-live-url" not in html
    assert "js/live.js" not in html
