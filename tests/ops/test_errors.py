"""A request whose database goes away gets a clean 503 with a Danish message (JSON on the API)."""

import pytest
from django.db import OperationalError
from django.test import Client


@pytest.fixture
def database_gone(monkeypatch):
    def fail(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("ideabank.ideas.queries.list_ideas", fail)


@pytest.mark.django_db
def test_a_page_answers_503_in_danish(database_gone):
    response = Client(raise_request_exception=False).get("/ideer/")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Idébanken kan ikke nå sin database lige nu" in response.content.decode()


@pytest.mark.django_db
def test_the_api_answers_503_in_json(database_gone):
    response = Client(raise_request_exception=False).get("/api/v1/ideas")

    assert response.status_code == 503
    assert response.json()["detail"].startswith("Idébanken kan ikke nå sin database")


@pytest.mark.django_db
def test_other_errors_stay_500(monkeypatch):
    monkeypatch.setattr("ideabank.ideas.queries.list_ideas", lambda *a, **k: 1 / 0)

    response = Client(raise_request_exception=False).get("/ideer/")

    assert response.status_code == 500
