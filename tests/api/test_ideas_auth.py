"""How the ideas API knows who is asking: bearer tokens, or the browser session with CSRF for writes."""

import pytest
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from ideabank.ideas.models import Idea, Vote
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

IDEA = {"title": "Titel", "problem": "Problem", "solution": "Løsning"}


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def csrf_header(client):
    """Give the client a CSRF cookie, as the HTML pages do, and return the matching header."""
    token = get_token(RequestFactory().get("/"))
    client.cookies["csrftoken"] = token
    return {"HTTP_X_CSRFTOKEN": token}


def test_a_bearer_token_needs_no_csrf(csrf_client, staff, token_for):
    response = csrf_client.post("/api/v1/ideas", IDEA, content_type="application/json", **token_for(staff))
    assert response.status_code == 201
    assert Idea.objects.get().author == staff


def test_a_session_write_without_csrf_is_403(csrf_client, staff):
    csrf_client.force_login(staff)
    response = csrf_client.post("/api/v1/ideas", IDEA, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert "X-CSRFToken" in response.json()["detail"]
    assert not Idea.objects.exists()


def test_a_session_write_with_a_wrong_csrf_token_is_403(csrf_client, colleague, staff):
    idea = IdeaFactory(author=staff)
    csrf_client.force_login(colleague)
    csrf_header(csrf_client)
    response = csrf_client.post(f"/api/v1/ideas/{idea.pk}/vote", HTTP_X_CSRFTOKEN="x" * 64)
    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_a_session_write_with_csrf_works(csrf_client, staff, colleague):
    idea = IdeaFactory(author=staff)
    csrf_client.force_login(colleague)
    headers = csrf_header(csrf_client)

    assert csrf_client.post(f"/api/v1/ideas/{idea.pk}/vote", **headers).json() == {"votes": 1, "voted": True}
    comment = csrf_client.post(
        f"/api/v1/ideas/{idea.pk}/comments", {"body": "Godt"}, content_type="application/json", **headers
    )
    assert comment.status_code == 201


@pytest.mark.parametrize(
    ("method", "path"),
    [("post", "/vote"), ("delete", "/vote"), ("post", "/comments"), ("patch", ""), ("post", "/tried")],
)
def test_every_session_write_needs_csrf(csrf_client, staff, method, path):
    idea = IdeaFactory(author=staff)
    csrf_client.force_login(staff)
    response = getattr(csrf_client, method)(f"/api/v1/ideas/{idea.pk}{path}", {}, content_type="application/json")
    assert response.status_code == 403


def test_session_reads_need_no_csrf_and_show_my_drafts(csrf_client, staff):
    draft = IdeaFactory(author=staff, status=Idea.Status.DRAFT, published_at=None)
    csrf_client.force_login(staff)
    assert csrf_client.get(f"/api/v1/ideas/{draft.pk}").status_code == 200
    assert csrf_client.get("/api/v1/ideas").json()["count"] == 1


def test_a_revoked_token_is_401(client, staff, token_for):
    from wagtail.models import APIToken

    headers = token_for(staff)
    APIToken.objects.filter(user=staff).update(revoked_at="2025-01-01T00:00:00Z")
    assert client.post("/api/v1/ideas", IDEA, content_type="application/json", **headers).status_code == 401
    assert client.get("/api/v1/ideas", **headers).status_code == 401


def test_a_blocked_users_token_and_session_stop_working(client, staff, token_for):
    headers = token_for(staff)
    client.force_login(staff)
    type(staff).objects.filter(pk=staff.pk).update(is_active=False)

    assert client.post("/api/v1/ideas", IDEA, content_type="application/json", **headers).status_code == 401
    assert client.post("/api/v1/ideas", IDEA, content_type="application/json").status_code == 401
    assert not Idea.objects.exists()


def test_a_bad_token_is_not_rescued_by_a_session(client, staff):
    client.force_login(staff)
    response = client.post("/api/v1/ideas", IDEA, content_type="application/json", HTTP_AUTHORIZATION="Bearer forkert")
    assert response.status_code == 401
    assert not Idea.objects.exists()
