"""The escalation queue in the Wagtail admin: what an editor sees, how it sorts, and the dashboard count."""

import datetime

import pytest
from django.urls import reverse

from ideabank.ideas import services as ideas
from ideabank.methods import services
from tests.factories import IdeaFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/knowledge/queue/"


def give_votes(idea, votes, organisations):
    places = [OrganisationFactory() for _ in range(organisations)]
    for number in range(votes):
        ideas.cast_vote(UserFactory(organisation=places[number % organisations]), idea)
    return idea


@pytest.fixture
def editor_client(signed_in, editor):
    return signed_in(editor)


def test_the_queue_lives_at_a_stable_address():
    assert reverse("methods_admin:queue") == QUEUE


def test_an_empty_queue_says_so(editor_client):
    response = editor_client.get(QUEUE)

    assert response.status_code == 200
    assert "Ingen idéer venter lige nu." in response.content.decode()
    assert "mindst 10 stemmer fra mindst 3 organisationer" in response.content.decode()


def test_queued_ideas_are_listed_with_their_reasons_and_actions(editor_client, editor):
    voted = give_votes(IdeaFactory(title="Madklub for ensomme ældre"), 10, 3)
    pinned = IdeaFactory(title="Walk and talk med unge")
    services.pin(editor, pinned)
    IdeaFactory(title="Idé uden opbakning")

    html = editor_client.get(QUEUE).content.decode()

    assert "Madklub for ensomme ældre" in html
    assert "Walk and talk med unge" in html
    assert "Idé uden opbakning" not in html
    assert "fastgjort" in html
    for idea in (voted, pinned):
        assert reverse("methods_admin:assess_idea", args=[idea.pk]) in html
        assert reverse("methods_admin:promote", args=[idea.pk]) in html
    # Only the pinned idea can be released from the queue.
    assert html.count(reverse("methods_admin:pin", args=[pinned.pk])) == 1
    assert reverse("methods_admin:pin", args=[voted.pk]) not in html


def test_a_tried_idea_is_marked(editor_client):
    idea = IdeaFactory(title="Lektiecafé på biblioteket")
    ideas.report_tried(
        UserFactory(organisation=OrganisationFactory()),
        idea,
        tried_from=datetime.date(2024, 5, 1),
        what_happened="Godt.",
    )

    html = editor_client.get(QUEUE).content.decode()

    assert "Lektiecafé på biblioteket" in html
    assert "afprøvet" in html


def test_the_queue_sorts_on_request(editor_client, editor):
    many = give_votes(IdeaFactory(title="Mange stemmer"), 12, 3)
    spread = give_votes(IdeaFactory(title="Mange organisationer"), 10, 5)

    by_votes = editor_client.get(QUEUE).content.decode()
    by_organisations = editor_client.get(QUEUE, {"sort": "organisations"}).content.decode()
    unknown = editor_client.get(QUEUE, {"sort": "hvad som helst"}).content.decode()

    assert by_votes.index(many.title) < by_votes.index(spread.title)
    assert by_organisations.index(spread.title) < by_organisations.index(many.title)
    assert unknown.index(many.title) < unknown.index(spread.title)
    assert '<option value="organisations" selected>Flest organisationer</option>' in by_organisations
    assert '<option value="votes" selected>Flest stemmer</option>' in unknown


def test_the_menu_shows_the_queue_to_editors_only(signed_in, editor, moderator):
    assert QUEUE in signed_in(editor).get("/admin/").content.decode()
    assert QUEUE not in signed_in(moderator).get("/admin/").content.decode()


def test_the_dashboard_counts_waiting_ideas_for_editors(signed_in, editor, moderator):
    services.pin(editor, IdeaFactory())
    services.pin(editor, IdeaFactory())

    assert "2 idéer venter i eskaleringskøen" in signed_in(editor).get("/admin/").content.decode()
    assert "venter i eskaleringskøen" not in signed_in(moderator).get("/admin/").content.decode()


def test_the_dashboard_count_drops_when_an_idea_is_promoted(signed_in, editor):
    first, second = IdeaFactory(), IdeaFactory()
    services.pin(editor, first)
    services.pin(editor, second)

    services.promote(editor, first)

    assert "1 idé venter i eskaleringskøen" in signed_in(editor).get("/admin/").content.decode()
