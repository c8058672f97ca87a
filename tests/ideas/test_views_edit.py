"""Editing an idea (/ideer/<pk>/ret/): the author and editors may; everyone else gets 403."""

import pytest
from django.urls import reverse

from ideabank.ideas import services
from ideabank.ideas.models import Idea
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff, title="Gammel titel", tags=["unge"])


def edit_url(idea):
    return reverse("ideas:edit", args=[idea.pk])


def data(action="save", **overrides):
    values = {
        "title": "Ny titel",
        "problem": "Et tydeligere problem.",
        "solution": "En tydeligere løsning.",
        "context": "",
        "results": "Flere unge mødte op.",
        "tags": "unge, gåture",
        "action": action,
    }
    values.update(overrides)
    return values


def test_anonymous_visitors_are_sent_to_login(client, idea):
    response = client.get(edit_url(idea))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert client.post(edit_url(idea), data()).status_code == 302
    idea.refresh_from_db()
    assert idea.title == "Gammel titel"


def test_the_author_sees_the_form_filled_in(client, staff, idea):
    client.force_login(staff)

    response = client.get(edit_url(idea))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Ret idé</h1>" in html
    assert 'value="Gammel titel"' in html
    assert 'value="unge"' in html
    assert "Gem ændringer" in html
    assert "Gem kladde" not in html  # already published


def test_the_author_saves_changes(client, staff, idea):
    client.force_login(staff)

    response = client.post(edit_url(idea), data(), follow=True)

    assert response.redirect_chain == [(idea.get_absolute_url(), 302)]
    idea.refresh_from_db()
    assert idea.title == "Ny titel"
    assert idea.results == "Flere unge mødte op."
    assert idea.status == Idea.Status.PUBLISHED
    assert sorted(idea.tags.names()) == ["gåture", "unge"]
    assert "Dine ændringer er gemt." in response.content.decode()


@pytest.mark.parametrize("who", ["colleague", "outsider", "moderator"])
def test_others_get_403(client, idea, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get(edit_url(idea)).status_code == 403
    response = client.post(edit_url(idea), data())

    assert response.status_code == 403
    assert "Du kan kun rette dine egne idéer." in response.content.decode()
    idea.refresh_from_db()
    assert idea.title == "Gammel titel"


def test_an_editor_may_edit(client, editor, idea):
    client.force_login(editor)

    assert client.get(edit_url(idea)).status_code == 200
    client.post(edit_url(idea), data())

    idea.refresh_from_db()
    assert idea.title == "Ny titel"
    assert idea.author != editor


def test_a_draft_is_published_from_the_edit_page(client, staff):
    draft = IdeaFactory(author=staff, status=Idea.Status.DRAFT, published_at=None)
    client.force_login(staff)

    html = client.get(edit_url(draft)).content.decode()
    assert "Gem kladde" in html and "Offentliggør" in html

    client.post(edit_url(draft), data(action="publish"))

    draft.refresh_from_db()
    assert draft.status == Idea.Status.PUBLISHED
    assert draft.published_at is not None


def test_saving_a_draft_again_keeps_it_a_draft(client, staff):
    draft = IdeaFactory(author=staff, status=Idea.Status.DRAFT, published_at=None)
    client.force_login(staff)

    client.post(edit_url(draft), data(action="draft"))

    draft.refresh_from_db()
    assert draft.status == Idea.Status.DRAFT
    assert draft.title == "Ny titel"


def test_someone_elses_draft_is_not_found(client, colleague):
    draft = IdeaFactory(status=Idea.Status.DRAFT, published_at=None)
    client.force_login(colleague)
    assert client.get(edit_url(draft)).status_code == 404


def test_errors_are_shown_and_nothing_changes(client, staff, idea):
    client.force_login(staff)

    response = client.post(edit_url(idea), data(title="", problem="CPR 010190-1234"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Titel: Giv idéen en titel." in html
    assert "Problem: Teksten ser ud til at indeholde et CPR-nummer" in html
    idea.refresh_from_db()
    assert idea.title == "Gammel titel"


def test_preview_on_the_edit_page_changes_nothing(client, staff, idea):
    client.force_login(staff)

    response = client.post(edit_url(idea), data(action="preview"))

    assert response.status_code == 200
    assert "Forhåndsvisning" in response.content.decode()
    idea.refresh_from_db()
    assert idea.title == "Gammel titel"


def test_a_merged_idea_sends_the_editor_to_the_target(client, staff, moderator, idea):
    target = IdeaFactory()
    services.merge(moderator, idea, target)
    client.force_login(staff)

    response = client.get(edit_url(idea))

    assert response.status_code == 302
    assert response["Location"] == target.get_absolute_url()


def test_unknown_ideas_are_404(client, staff):
    client.force_login(staff)
    assert client.get(reverse("ideas:edit", args=[999999])).status_code == 404
