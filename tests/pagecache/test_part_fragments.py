"""A personal part with an identity is rendered once per identity and kept; each reader gets their own CSRF
token in it (ideabank/pagecache/personal.py, the idea page's vote box and follow button)."""

import re

import pytest
from django.middleware.csrf import get_token
from django.template import loader
from django.test import RequestFactory

from ideabank.ideas.models import Follow, Vote
from ideabank.pagecache import personal
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def templates_rendered(monkeypatch):
    names = []
    original = loader.get_template

    def counted(name, *args, **kwargs):
        template = original(name, *args, **kwargs)
        render = template.render

        def rendered(*render_args, **render_kwargs):
            names.append(name)
            return render(*render_args, **render_kwargs)

        template.render = rendered
        return template

    monkeypatch.setattr(loader, "get_template", counted)
    return names


def vote_box(user, idea):
    request = RequestFactory().get(idea.get_absolute_url())
    request.user = user
    return request, personal.render(request, "idea_actions", str(idea.pk))


def test_colleagues_in_the_same_state_share_the_rendering_but_not_the_token(templates_rendered, colleague):
    idea = IdeaFactory(author=colleague)
    first_request, first = vote_box(UserFactory(), idea)
    second_request, second = vote_box(UserFactory(), idea)

    assert templates_rendered.count("ideas/includes/idea_actions.html") == 1
    assert TOKEN.findall(first) and TOKEN.findall(second)
    assert set(TOKEN.findall(first)) != set(TOKEN.findall(second))
    assert first.replace(TOKEN.search(first)[1], "") == second.replace(TOKEN.search(second)[1], "")
    assert get_token(first_request) != get_token(second_request)


def test_a_vote_and_a_follow_show_at_once(staff, colleague):
    idea = IdeaFactory(author=colleague)
    _request, before = vote_box(staff, idea)

    Vote.objects.create(user=staff, idea=idea)
    type(idea).objects.filter(pk=idea.pk).update(vote_count=1)
    Follow.objects.create(user=staff, idea=idea)
    _request, after = vote_box(staff, idea)

    assert "Stem på idéen" in before and "Fjern din stemme" in after
    assert "0 stemmer" in before and "1 stemme" in after
    assert "Stop med at følge" in after


def test_the_part_is_marked_safe_for_the_page(staff, colleague):
    idea = IdeaFactory(author=colleague)

    _request, html = vote_box(staff, idea)

    assert hasattr(html, "__html__")  # else the page would show the part's markup as text
