"""The bell's dropdown (#16): the latest ten notifications as a fragment; the full page without JavaScript."""

import pytest
from django.urls import reverse

from ideabank.notifications.models import Notification, Verb
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def test_the_dropdown_lists_the_latest_ten(client, staff, colleague):
    idea = IdeaFactory(author=staff, title="Natcafé for hjemløse")
    for _ in range(12):
        Notification.objects.create(recipient=staff, verb=Verb.COMMENT_ON_IDEA, actor=colleague, idea=idea)
    client.force_login(staff)

    html = client.get(reverse("notifications:latest")).content.decode()

    assert html.count('class="bell-item') == 10
    assert "har kommenteret din idé »Natcafé for hjemløse«" in html
    assert reverse("notifications:list") in html


def test_the_bell_is_a_link_to_the_full_page(client, staff):
    client.force_login(staff)
    html = client.get("/").content.decode()
    assert f'href="{reverse("notifications:list")}"' in html
    assert 'data-bell-url="/notifikationer/seneste/"' in html


def test_visitors_have_no_dropdown(client):
    assert client.get(reverse("notifications:latest")).status_code == 302
