"""Pinning an idea to the escalation queue (and releasing it) from the admin or the idea page."""

import pytest
from django.urls import reverse

from ideabank.methods.models import EscalationPin
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def pin_url(idea):
    return reverse("methods_admin:pin", args=[idea.pk])


def test_an_editor_pins_an_idea_and_returns_to_the_queue(signed_in, editor, idea):
    response = signed_in(editor).post(pin_url(idea))

    assert response.status_code == 302
    assert response["Location"] == reverse("methods_admin:queue")
    assert EscalationPin.objects.get(idea=idea).pinned_by == editor


def test_pinning_from_the_idea_page_returns_there(signed_in, editor, idea):
    response = signed_in(editor).post(pin_url(idea), {"next": idea.get_absolute_url()})

    assert response["Location"] == idea.get_absolute_url()
    assert EscalationPin.objects.filter(idea=idea).exists()


def test_a_next_address_elsewhere_is_ignored(signed_in, editor, idea):
    response = signed_in(editor).post(pin_url(idea), {"next": "https://example.com/"})

    assert response["Location"] == reverse("methods_admin:queue")


def test_an_editor_releases_a_pinned_idea(signed_in, editor, idea):
    client = signed_in(editor)
    client.post(pin_url(idea))

    client.post(pin_url(idea), {"action": "unpin"})

    assert not EscalationPin.objects.exists()


def test_pinning_twice_keeps_one_pin(signed_in, editor, idea):
    client = signed_in(editor)

    client.post(pin_url(idea))
    client.post(pin_url(idea))

    assert EscalationPin.objects.count() == 1


def test_pinning_only_answers_post(signed_in, editor, idea):
    assert signed_in(editor).get(pin_url(idea)).status_code == 405
    assert not EscalationPin.objects.exists()


def test_an_unknown_idea_is_404(signed_in, editor):
    assert signed_in(editor).post(reverse("methods_admin:pin", args=[987654])).status_code == 404


def test_the_idea_page_offers_editors_the_pin(signed_in, editor, client, idea):
    assert "Sæt i eskaleringskøen" not in client.get(idea.get_absolute_url()).content.decode()

    editor_client = signed_in(editor)
    assert "Sæt i eskaleringskøen" in editor_client.get(idea.get_absolute_url()).content.decode()
    editor_client.post(pin_url(idea), {"next": idea.get_absolute_url()})
    assert "Fjern fra eskaleringskøen" in editor_client.get(idea.get_absolute_url()).content.decode()


def test_a_draft_idea_offers_no_ladder_actions(signed_in, editor):
    draft = IdeaFactory(status="draft", author=editor)

    html = signed_in(editor).get(draft.get_absolute_url()).content.decode()

    assert "Sæt i eskaleringskøen" not in html
    assert reverse("methods_admin:promote", args=[draft.pk]) not in html
