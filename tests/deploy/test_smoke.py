"""The smoke suite: a staff member's day through nginx over https:// and wss://, each step printed with its URL."""

import json
import socket
import ssl
import time

from .site import Visitor, step
from .stack import BASE_URL, HTTPS_PORT, VAR


def test_tls_with_http2(stack):
    context = ssl.create_default_context(cafile=stack.ca_file)
    context.set_alpn_protocols(["h2", "http/1.1"])
    with (
        socket.create_connection(("127.0.0.1", HTTPS_PORT)) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        step(f"TLS {tls.version()}, ALPN {tls.selected_alpn_protocol()}", BASE_URL)
        assert tls.selected_alpn_protocol() == "h2"


def test_health_and_readiness_through_the_proxy(anonymous):
    health = anonymous.get("/healthz")
    ready = anonymous.get("/readyz")
    step(f"health {health.status_code}, ready {ready.status_code} {ready.text}", anonymous.url("/readyz"))

    assert health.json() == {"status": "ok"}
    checks = ready.json()["checks"]
    assert ready.status_code == 200
    assert {name: check["ok"] for name, check in checks.items()} == {
        "database": True,
        "redis": True,
        "elasticsearch": True,
    }
    assert "no-store" in ready.headers["Cache-Control"]


def test_login_sets_secure_cookies(stack):
    visitor = Visitor(stack).login("author")
    response = visitor.login_response
    step(f"log in as {visitor.email} → {response.status_code}", visitor.url("/konto/log-ind/"))

    cookies = {cookie.name: cookie for cookie in visitor.http.cookies}
    assert cookies["sessionid"].secure
    assert cookies["csrftoken"].secure
    assert "httponly" in response.headers["Set-Cookie"].lower()
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_post_vote_see_it_live_search_it_and_download_it(elasticsearch, stack, author, voter):
    idea_id, title = author.new_idea()
    step(f"posted idea {idea_id} with CSRF", author.url("/ideer/ny/"))

    event = author.watch_votes(idea_id, lambda: voter.vote(idea_id))
    step(f"vote by {voter.email} arrived on the author's WebSocket: {event}", voter.url(f"/ideer/{idea_id}/stem/"))
    assert event["votes"] == 1

    word = title.split()[1]  # the idea's own hex word
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = author.search(word)
        if f"/ideer/{idea_id}/" in found.text:
            break
        time.sleep(0.5)
    step(f"search for {word!r} found idea {idea_id}", found.url)
    assert f"/ideer/{idea_id}/" in found.text
    assert "Søgningen kører i en enklere udgave" not in found.text  # answered by Elasticsearch
    document = json.load(stack_get(stack, f"/prodcheck-ideas/_doc/{idea_id}"))
    assert document["_source"]["title"] == title

    export = author.get("/api/v1/export/ideas.csv")
    step(f"open data: {len(export.content)} bytes of CSV", export.url)
    assert export.status_code == 200
    assert title in export.content.decode("utf-8-sig")


def stack_get(stack, path):
    import urllib.request

    return urllib.request.urlopen(stack.nodes["es-1"].url + path, timeout=5)  # noqa: S310 - loopback


def test_static_files_are_served_by_nginx_with_long_cache_headers(anonymous):
    page = anonymous.get("/ideer/")
    stylesheet = next(
        part.split('"')[0]
        for part in page.text.split('href="')[1:]
        if part.startswith("/static/") and ".css" in part.split('"')[0]
    )
    response = anonymous.get(stylesheet)
    step(f"static file {response.status_code}, Cache-Control: {response.headers['Cache-Control']}", response.url)

    assert response.status_code == 200
    assert "max-age=31536000" in response.headers["Cache-Control"]
    assert response.headers["Content-Type"].startswith("text/css")
    assert "." in stylesheet.rsplit("/", 1)[1].split(".css")[0]  # a hashed name from the manifest


def test_workers_log_json_lines_with_the_proxys_request_id(anonymous, stack):
    response = anonymous.get("/ideer/")
    request_id = response.headers["X-Request-ID"]
    time.sleep(0.5)
    lines = []
    for worker in stack.asgi_workers():
        for line in worker.log_path.read_text(encoding="utf-8").splitlines():
            if request_id in line:
                lines.append(json.loads(line))
    step(f"request {request_id} logged as {lines}", response.url)

    assert len(lines) == 1
    assert lines[0]["path"] == "/ideer/"
    assert lines[0]["status"] == 200
    assert lines[0]["duration_ms"] > 0
    assert (VAR / "nginx" / "idebanken.access.log").exists()
