"""The idea list and search in the API are computed once per role, organisation and generation for signed-in
users (pagecache.personal.shared_value); each user's own votes are added to the shared answer. The shared
answer is checked against its schema when it is computed, not on every request (ideabank/api/shared.py)."""

import pydantic
import pytest
from django.test import Client

from ideabank.api import ideas as ideas_api
from ideabank.api.pages import FacetedPage
from ideabank.api.schemas import IdeaOut
from ideabank.ideas import queries
from ideabank.ideas.models import Idea, Vote
from search import pages
from tests.factories import IdeaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def listed(user, url="/api/v1/ideas"):
    client = Client()
    client.force_login(user)
    answer = client.get(url)
    assert answer.status_code == 200
    return {row["title"]: row for row in answer.json()["results"]}


def test_colleagues_share_the_list_each_with_their_own_votes(staff, colleague, calls_to):
    idea = IdeaFactory(title="Fælles idé")
    Vote.objects.create(user=staff, idea=idea)
    computed = calls_to(queries, "list_ideas")

    for_staff = listed(staff)
    for_colleague = listed(colleague)

    assert len(computed) == 1
    assert for_staff["Fælles idé"]["voted"] is True
    assert for_colleague["Fælles idé"]["voted"] is False


def test_another_organisation_gets_its_own_answer(staff, outsider, calls_to):
    IdeaFactory(title="Fælles idé")
    computed = calls_to(queries, "list_ideas")

    listed(staff)
    listed(outsider)

    assert len(computed) == 2


def test_a_draft_is_listed_for_its_author_alone(staff, colleague):
    IdeaFactory(author=staff, title="Min kladde", status=Idea.Status.DRAFT)
    IdeaFactory(title="Offentlig idé")

    assert "Min kladde" in listed(staff)
    assert "Min kladde" not in listed(colleague) and "Offentlig idé" in listed(colleague)


def test_colleagues_share_a_search(staff, colleague, calls_to):
    IdeaFactory(title="Ensomhed blandt ældre")
    searched = calls_to(pages, "search")

    first = listed(staff, "/api/v1/search?q=ensomhed")
    second = listed(colleague, "/api/v1/search?q=ensomhed")

    assert first == second and "Ensomhed blandt ældre" in second
    assert len(searched) == 1


def test_a_shared_answer_is_checked_once_against_its_schema(staff, colleague, calls_to):
    IdeaFactory(title="Fælles idé")
    schema = FacetedPage[IdeaOut]  # pydantic keeps one class per parametrisation: the one the view names
    checked = calls_to(schema, "model_validate")

    listed(staff)
    listed(colleague)
    listed(staff)

    assert len(checked) == 1


def test_an_answer_that_breaks_its_schema_is_refused_not_sent(staff, monkeypatch):
    IdeaFactory(title="Fælles idé")
    monkeypatch.setattr(ideas_api, "idea_out", lambda idea, voted: {"id": idea.pk, "title": idea.title})
    client = Client(raise_request_exception=True)
    client.force_login(staff)

    with pytest.raises(pydantic.ValidationError):
        client.get("/api/v1/ideas")


def test_a_shared_answer_writes_dates_and_votes_as_every_other_answer(staff, colleague):
    idea = IdeaFactory(title="Fælles idé")
    listed(colleague)  # the colleague computes, the staff member reads the kept answer
    Vote.objects.create(user=staff, idea=idea)
    client = Client()
    client.force_login(staff)

    row = listed(staff)["Fælles idé"]
    detail = client.get(f"/api/v1/ideas/{idea.pk}").json()

    assert (row["created"], row["published"]) == (detail["created"], detail["published"])
    assert row["created"].endswith("Z")
    assert row["voted"] is True
