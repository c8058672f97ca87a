"""/healthz answers while the process runs; /readyz names each service and says 503 when one is down."""

import pytest


def test_healthz_answers_without_login_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_names_each_configured_service(client, settings):
    settings.REDIS_URL = ""  # CI's second pass configures Redis; this test is about what is configured
    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert "redis" not in body["checks"]  # not configured in the tests' settings


@pytest.mark.django_db
def test_readyz_is_503_when_redis_does_not_answer(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["redis"] == {"ok": False, "error": "ConnectionError", "ms": body["checks"]["redis"]["ms"]}


@pytest.mark.django_db
def test_readyz_is_503_when_elasticsearch_does_not_answer(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["elasticsearch"]["ok"] is False


@pytest.mark.django_db
def test_readyz_is_asked_afresh_even_with_the_page_cache_on(client, settings):
    settings.IDEABANK_PAGE_CACHE_SECONDS = 300
    assert client.get("/readyz").status_code == 200
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    assert client.get("/readyz").status_code == 503
