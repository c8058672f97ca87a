"""The API page /api/v1/docs (#24): in Danish unless the visitor asks for English, with the schema's operations
rendered by Swagger UI from files the site serves itself (no request to any other host), under the site's
Content Security Policy, and accessible."""

from urllib.parse import urlsplit

from playwright.sync_api import expect

from .test_third_party import record_hosts


def open_docs(page, console=None):
    hosts = record_hosts(page)
    if console is not None:
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.goto("/api/v1/docs")
    # Swagger UI has fetched the schema and drawn the operations: every script and style has loaded.
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/ideas/{idea_id}").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    return hosts


def test_the_api_page_is_danish_accessible_and_asks_no_other_host(new_page, live_server, assert_accessible):
    page = new_page()
    console = []
    hosts = open_docs(page, console)

    assert page.locator("html").get_attribute("lang") == "da"
    expect(page.get_by_role("heading", level=1, name="API-dokumentation", exact=True)).to_be_visible()
    expect(page.locator("#swagger-ui .info .title")).to_contain_text("Idébanken API")
    expect(page.locator("#swagger-ui .info .description")).to_contain_text("Idéer, metoder og deres udbredelse")
    expect(page.get_by_role("link", name="Gå til sidens indhold")).to_be_attached()
    assert hosts == {urlsplit(live_server.url).netloc}
    assert console == []  # nothing refused by the site's Content Security Policy, no script error
    page.get_by_role("button", name="POST /api/v1/ideas/{idea_id}/vote", exact=False).first.click()
    expect(page.locator(".opblock.is-open")).to_be_visible()
    assert_accessible(page)


def test_the_api_page_is_english_on_request(new_page):
    page = new_page(locale="en-GB")
    open_docs(page)

    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", level=1, name="API documentation", exact=True)).to_be_visible()
    expect(page.locator("#swagger-ui .info .description")).to_contain_text("Ideas, methods and their spread")
