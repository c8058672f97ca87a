"""Cached page fragments (issue #8): the list's rows, its facet links and the comment threads visitors see
are rendered once and reused, yet every change shows at once, because a fragment's key is its content."""

import pytest
from django.urls import reverse

from ideabank.ideas import services
from ideabank.taxonomy.models import TargetGroup
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_list_row_shows_new_votes_and_a_new_title(client, staff, colleague):
    idea = IdeaFactory(author=staff, title="Gåture med unge")
    url = reverse("ideas:list")
    assert "0 stemmer" in html(client, url)

    services.cast_vote(colleague, idea)
    services.update_idea(staff, idea, data={"title": "Gåture med unge på gaden"})

    shown = html(client, url)
    assert "1 stemme<" in shown
    assert "Gåture med unge på gaden" in shown


def test_the_facet_links_keep_the_current_query(client, staff):
    group = TargetGroup.objects.create(name="Unge på gaden")
    IdeaFactory(author=staff, target_groups=[group])
    url = reverse("ideas:list")

    assert f"?sort=votes&amp;target_group={group.slug}" in html(client, f"{url}?sort=votes")
    assert f"?sort=comments&amp;target_group={group.slug}" in html(client, f"{url}?sort=comments")


def test_visitors_see_new_edited_and_deleted_comments_at_once(client, staff, colleague):
    idea = IdeaFactory(author=staff)
    first = services.add_comment(colleague, idea, "Det prøver vi også")
    assert "Det prøver vi også" in html(client, idea.get_absolute_url())

    services.add_comment(staff, idea, "Fortæl gerne hvordan", parent=first)
    assert "Fortæl gerne hvordan" in html(client, idea.get_absolute_url())

    services.edit_comment(colleague, first, "Det prøver vi også i Aarhus")
    assert "Det prøver vi også i Aarhus" in html(client, idea.get_absolute_url())

    services.delete_comment(colleague, first)
    shown = html(client, idea.get_absolute_url())
    assert "Kommentaren er slettet" in shown
    assert "Det prøver vi også i Aarhus" not in shown


def test_signed_in_users_get_their_comment_forms_after_a_visitor_saw_the_thread(client, staff, colleague):
    idea = IdeaFactory(author=staff)
    services.add_comment(colleague, idea, "Godt gået")
    assert 'name="body"' not in html(client, idea.get_absolute_url())

    client.force_login(staff)
    assert f'action="{reverse("ideas:comment_create", args=[idea.pk])}"' in html(client, idea.get_absolute_url())
