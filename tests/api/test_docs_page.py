"""The API page /api/v1/docs (#24) as served: the site's page in the visitor's language, under the site's
Content Security Policy, with every script and style from the site itself (the browser test loads it)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_page_is_danish_by_default_and_english_on_request(client):
    danish = client.get("/api/v1/docs").content.decode()
    english = client.get("/api/v1/docs", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<html lang="da">' in danish and "<h1>API-dokumentation</h1>" in danish
    assert '<html lang="en">' in english and "<h1>API documentation</h1>" in english


def test_everything_it_loads_is_the_sites_own_under_its_security_policy(client):
    response = client.get("/api/v1/docs")
    html = response.content.decode()

    assert "script-src 'self'" in response["Content-Security-Policy"]
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert any(source.endswith("swagger-ui-bundle.js") for source in sources)
    assert [source for source in sources if not source.startswith("/")] == []
    assert "<script>" not in html  # no inline script: the settings travel as JSON data
