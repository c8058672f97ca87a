"""Bad requests to the ideas API get a 4xx JSON `{"detail": …}` and change nothing; never a 500."""

import pytest

from ideabank.ideas.models import Comment, Idea
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

IDEA = {"title": "Titel", "problem": "Problem", "solution": "Løsning"}


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff)


def write_targets(idea):
    """(method, path) of every write that takes a JSON body."""
    return [
        ("post", "/api/v1/ideas"),
        ("patch", f"/api/v1/ideas/{idea.pk}"),
        ("post", f"/api/v1/ideas/{idea.pk}/comments"),
        ("post", f"/api/v1/ideas/{idea.pk}/report"),
        ("post", f"/api/v1/ideas/{idea.pk}/tried"),
        ("post", "/api/v1/follows"),
    ]


def send(client, method, path, raw, **headers):
    return getattr(client, method)(path, raw, content_type="application/json", **headers)


def assert_json_error(response, *statuses):
    assert response.status_code in statuses, (response.status_code, response.content)
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


@pytest.mark.parametrize("raw", ["{", "{'title': 'x'}", "\x00", "[1, 2", b"\xff\xfe\x00{"])
def test_malformed_json_is_400(client, staff, idea, token_for, raw):
    headers = token_for(staff)
    for method, path in write_targets(idea):
        response = send(client, method, path, raw, **headers)
        assert_json_error(response, 400)
    assert Idea.objects.count() == 1


def test_the_malformed_json_message_is_danish(client, staff, token_for):
    response = send(client, "post", "/api/v1/ideas", "{", **token_for(staff))
    assert response.json() == {"detail": "Forespørgslen er ikke gyldig JSON."}


@pytest.mark.parametrize("raw", ["[]", "42", '"tekst"', "null"])
def test_json_that_is_not_an_object_is_422(client, staff, idea, token_for, raw):
    headers = token_for(staff)
    for method, path in write_targets(idea):
        assert_json_error(send(client, method, path, raw, **headers), 400, 422)


def test_an_oversized_body_is_413_before_anything_else(client, staff, idea, token_for):
    huge = {**IDEA, "problem": "x" * (65 * 1024)}
    headers = token_for(staff)
    for method, path in write_targets(idea):
        assert_json_error(send(client, method, path, huge, **headers), 413)
    assert Idea.objects.count() == 1


def test_an_oversized_body_is_413_even_for_anonymous(client, idea):
    assert_json_error(send(client, "post", "/api/v1/ideas", {"x": "y" * 70_000}), 413)


def test_a_body_just_under_the_limit_is_judged_on_its_merits(client, staff, token_for):
    response = send(client, "post", "/api/v1/ideas", {**IDEA, "problem": "x" * 60_000}, **token_for(staff))
    assert_json_error(response, 422)
    assert response.json()["detail"][0]["field"] == "problem"


@pytest.mark.parametrize("field", ["title", "problem", "solution", "context", "results"])
def test_a_nul_byte_in_any_idea_text_is_422(client, staff, token_for, field):
    response = send(client, "post", "/api/v1/ideas", {**IDEA, field: "a\x00b"}, **token_for(staff))
    assert_json_error(response, 422)
    assert response.json()["detail"][0]["field"] == field
    assert not Idea.objects.exists()


@pytest.mark.parametrize("text", ["010190-1234", "0101901234", "Barnet, 311215-4321, bor hos faren."])
def test_a_cpr_number_is_refused_and_the_message_names_the_field(client, staff, token_for, text):
    response = send(client, "post", "/api/v1/ideas", {**IDEA, "results": text}, **token_for(staff))
    assert_json_error(response, 422)
    [error] = response.json()["detail"]
    assert error == {"field": "results", "msg": error["msg"]}
    assert error["msg"].startswith("Resultater: ")
    assert not Idea.objects.exists()


@pytest.mark.parametrize("text", ["320190-1234", "300290-1234", "Ring 12345678", "Sag 2025-1234"])
def test_numbers_that_are_not_cpr_numbers_pass(client, staff, token_for, text):
    response = send(client, "post", "/api/v1/ideas", {**IDEA, "results": text}, **token_for(staff))
    assert response.status_code == 201


def test_wrong_types_are_422(client, staff, idea, token_for):
    headers = token_for(staff)
    assert_json_error(send(client, "post", "/api/v1/ideas", {**IDEA, "tags": "ikke en liste"}, **headers), 422)
    assert_json_error(send(client, "post", "/api/v1/ideas", {**IDEA, "title": 42}, **headers), 422)
    comment = send(client, "post", f"/api/v1/ideas/{idea.pk}/comments", {"body": "x", "parent": "y"}, **headers)
    assert_json_error(comment, 422)
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/ideas/424242"),
        ("patch", "/api/v1/ideas/424242"),
        ("post", "/api/v1/ideas/424242/vote"),
        ("delete", "/api/v1/ideas/424242/vote"),
        ("get", "/api/v1/ideas/424242/comments"),
        ("post", "/api/v1/ideas/424242/comments"),
        ("post", "/api/v1/ideas/424242/report"),
        ("post", "/api/v1/ideas/424242/tried"),
        ("post", "/api/v1/comments/424242/report"),
        ("get", "/api/v1/ideas/99999999999999999999999999"),
        ("post", "/api/v1/ideas/-5/vote"),
    ],
)
def test_unknown_ids_are_404(client, staff, token_for, method, path):
    body = {
        "body": "x",
        "reason": "spam",
        "tried_from": "2025-01-01",
        "what_happened": "x",
        "title": "x",
    }
    response = send(client, method, path, body, **token_for(staff))
    assert_json_error(response, 404)


def test_too_many_tags_is_422(client, staff, token_for):
    response = send(client, "post", "/api/v1/ideas", {**IDEA, "tags": [f"t{n}" for n in range(31)]}, **token_for(staff))
    assert_json_error(response, 422)
