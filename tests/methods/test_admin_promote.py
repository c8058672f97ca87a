""" "Løft til metode" in the admin: a new draft (opened in the page editor) or an existing method, a second
click that returns the same method, and ideas that cannot be promoted."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from ideabank.ideas.models import Idea
from ideabank.methods.models import MethodPage, Promotion
from tests.factories import IdeaFactory, make_method

pytestmark = pytest.mark.django_db


def promote_url(idea):
    return reverse("methods_admin:promote", args=[idea.pk])


def messages_of(response):
    """The messages of this response (Wagtail's admin adds its own markup after the text)."""
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.fixture
def editor_client(signed_in, editor):
    return signed_in(editor)


def test_the_page_explains_what_is_copied_and_offers_existing_methods(editor_client, idea):
    make_method(title="Efterværn med fast voksen", live=False)

    html = editor_client.get(promote_url(idea)).content.decode()

    assert idea.title in html
    assert "Der oprettes en kladde under Metoder" in html
    assert "Nej – opret en ny metode ud fra idéen" in html
    assert "Efterværn med fast voksen" in html


def test_promoting_creates_a_draft_and_opens_it_in_the_page_editor(editor_client, idea):
    response = editor_client.post(promote_url(idea))

    method = MethodPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[method.pk])
    assert messages_of(response) == [f"Idéen er løftet til metoden “{idea.title}”."]
    assert not method.live
    editor = editor_client.get(response["Location"])
    assert editor.status_code == 200
    assert idea.title in editor.content.decode()


def test_a_second_click_returns_the_same_method(editor_client, idea):
    first = editor_client.post(promote_url(idea))

    second = editor_client.post(promote_url(idea))

    assert second["Location"] == first["Location"]
    assert messages_of(second)[-1] == f"Idéen var allerede løftet til metoden “{idea.title}”."
    assert MethodPage.objects.count() == Promotion.objects.count() == 1


def test_promoting_into_an_existing_method(editor_client, idea):
    method = make_method(title="Efterværn med fast voksen", live=False)

    response = editor_client.post(promote_url(idea), {"into": method.pk})

    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[method.pk])
    assert Promotion.objects.get().method == method
    assert MethodPage.objects.count() == 1


def test_an_unknown_method_is_a_form_error(editor_client, idea):
    response = editor_client.post(promote_url(idea), {"into": 987654})

    assert response.status_code == 200
    assert response.context["form"].errors["into"]
    assert not Promotion.objects.exists()


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (Idea.Status.HIDDEN, "Idéen er skjult af en moderator og kan ikke løftes til metode."),
        (Idea.Status.MERGED, "Idéen er lagt sammen med en anden idé; løft den anden i stedet."),
        (Idea.Status.PENDING, "Idéen afventer godkendelse og kan ikke løftes til metode endnu."),
        (Idea.Status.DRAFT, "Idéen er en kladde og kan ikke løftes til metode."),
    ],
)
def test_a_refused_idea_shows_the_reason_and_creates_nothing(editor_client, status, reason):
    idea = IdeaFactory(status=status)

    page = editor_client.get(promote_url(idea)).content.decode()
    response = editor_client.post(promote_url(idea))

    assert reason in page
    assert 'name="into"' not in page
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not MethodPage.objects.exists() and not Promotion.objects.exists()


def test_an_unknown_idea_is_404(editor_client):
    assert editor_client.get(reverse("methods_admin:promote", args=[987654])).status_code == 404


def test_the_idea_page_links_editors_to_promotion_until_promoted(signed_in, editor, client, idea):
    assert promote_url(idea) not in client.get(idea.get_absolute_url()).content.decode()  # anonymous
    editor_client = signed_in(editor)
    assert promote_url(idea) in editor_client.get(idea.get_absolute_url()).content.decode()

    editor_client.post(promote_url(idea))

    html = editor_client.get(idea.get_absolute_url()).content.decode()
    assert promote_url(idea) not in html
    method = Promotion.objects.get(idea=idea).method
    assert "Kladde til metode:" in html
    assert reverse("wagtailadmin_pages:edit", args=[method.pk]) in html
    # The public sees neither the draft nor a way into the admin.
    public = client.__class__().get(idea.get_absolute_url()).content.decode()
    assert "Kladde til metode" not in public
    assert reverse("wagtailadmin_pages:edit", args=[method.pk]) not in public
