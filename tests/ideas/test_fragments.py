"""Cached page fragments (issue #8): the list's rows, its facet links and the comment threads visitors see
are rendered once and reused, yet every change shows at once, because a fragment's key is its content."""

import pytest
from django.test import Client
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


def test_each_comment_gets_its_own_reply_and_report_form(client, staff, colleague):
    idea = IdeaFactory(author=staff)
    first = services.add_comment(colleague, idea, "Det prøver vi også")
    second = services.add_comment(colleague, idea, "Og det virker")
    client.force_login(staff)
    shown = html(client, idea.get_absolute_url())
    for comment in (first, second):
        assert f'for="id_reply{comment.pk}_body"' in shown
        assert f'name="parent" value="{comment.pk}"' in shown
        assert f'id="id_report{comment.pk}_reason"' in shown
    assert "stamp" not in shown


def test_colleagues_with_other_actions_do_not_share_a_thread(client, staff, colleague):
    idea = IdeaFactory(author=staff)
    comment = services.add_comment(colleague, idea, "Det prøver vi også")
    edit_url = reverse("ideas:comment_edit", args=[comment.pk])
    report_url = reverse("ideas:comment_report", args=[comment.pk])

    client.force_login(staff)
    as_staff = html(client, idea.get_absolute_url())
    client.force_login(colleague)
    as_author = html(client, idea.get_absolute_url())

    assert report_url in as_staff and edit_url not in as_staff
    assert edit_url in as_author and report_url not in as_author


def test_a_cached_thread_carries_the_viewers_own_csrf_token(staff, colleague):
    idea = IdeaFactory(author=staff)
    services.add_comment(colleague, idea, "Det prøver vi også")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(staff)
    html(first, idea.get_absolute_url())  # fills the cache with the first viewer's forms
    second.force_login(staff)
    page = html(second, idea.get_absolute_url())
    comment = idea.comments.get()
    reply_form = page.split(f'for="id_reply{comment.pk}_body"')[0].rsplit("<form", 1)[1]
    token = reply_form.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    answer = second.post(
        reverse("ideas:comment_create", args=[idea.pk]),
        {"csrfmiddlewaretoken": token, "body": "Tak for tippet", "parent": comment.pk},
    )
    assert answer.status_code == 302
    assert idea.comments.filter(body="Tak for tippet", parent=comment).exists()
