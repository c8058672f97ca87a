"""static/js/search.js in a real browser: the autocomplete combobox and the similar-ideas hints, plus axe
on the search page. Uses the Playwright fixtures of tests/e2e (Debian's Chromium, the live server)."""

import re

import pytest
from playwright.sync_api import expect

from tests.search import conftest as search_fixtures
from tests.search.conftest import SearchBackend

# The search tests' fixtures (the indexed corpus) for this browser module.
corpus = search_fixtures.corpus
methods = search_fixtures.methods
index_prefix = search_fixtures.index_prefix

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def backend(settings, index_prefix):
    settings.ELASTICSEARCH_URL = ""
    return SearchBackend("database", settings)


def test_the_search_page_is_accessible_and_highlights_matches(page, corpus, assert_accessible):
    page.goto("/soeg/?q=hjeml%C3%B8se")

    expect(page.get_by_role("search", name="Søg i idéer og metoder")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="matcher")).to_have_text("2 resultater matcher “hjemløse”")
    expect(page.get_by_role("link", name="Natcafé for hjemløse")).to_be_visible()
    expect(page.locator(".search-result mark").first).to_have_text(re.compile("hjemløs", re.IGNORECASE))
    assert_accessible(page)


def test_methods_are_found_beside_ideas_and_on_their_own(page, corpus, methods, assert_accessible):
    page.goto("/soeg/?q=hjeml%C3%B8se")
    kinds = page.get_by_role("navigation", name="Vis idéer, metoder eller begge")
    expect(kinds.get_by_role("link", name=re.compile(r"^Alle\W+3 resultater$"))).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.get_by_role("status").filter(has_text="matcher")).to_have_text("3 resultater matcher “hjemløse”")
    expect(page.get_by_role("article", name="Kritisk tidsintervention efter herberg")).to_contain_text("Metode")
    assert_accessible(page)

    kinds.get_by_role("link", name=re.compile(r"^Metoder\W+1 resultat$")).click()
    page.wait_for_url("**/soeg/?q=*&type=method")
    expect(page.get_by_role("status").filter(has_text="matcher")).to_have_text("1 metode matcher “hjemløse”")
    expect(page.locator(".search-result")).to_have_count(1)
    assert_accessible(page)

    page.get_by_role("link", name="Kritisk tidsintervention efter herberg").click()
    page.wait_for_url(f"**{methods['cti'].url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kritisk tidsintervention efter herberg")


def test_autocomplete_is_a_keyboard_combobox(page, corpus, assert_accessible):
    page.goto("/soeg/")
    box = page.get_by_role("combobox", name="Søgeord")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press_sequentially("natc")
    options = page.get_by_role("listbox").get_by_role("option")
    expect(options).to_have_count(1)
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(options.first).to_have_text("Natcafé for hjemløse")
    expect(page.get_by_role("status").filter(has_text="forslag")).to_have_text(re.compile("^1 forslag"))

    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))
    assert_accessible(page)

    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile("."))
    expect(box).to_have_value("natc")

    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(f"**/ideer/{corpus['natcafe'].pk}/")


def test_without_choosing_a_suggestion_enter_searches(page, corpus):
    page.goto("/soeg/")
    box = page.get_by_role("combobox", name="Søgeord")
    box.press_sequentially("alko")
    expect(page.get_by_role("listbox").get_by_role("option")).to_have_count(2)
    box.press("Enter")
    page.wait_for_url("**/soeg/?q=alko&sort=*")
    expect(page.get_by_role("status").filter(has_text="matcher")).to_have_text("2 resultater matcher “alko”")


IDEA_FORM = """() => {
  const main = document.querySelector("main");
  const form = document.createElement("form");
  form.setAttribute("data-similar-url", "/soeg/lignende/");
  form.innerHTML = '<label for="t">Titel</label><input id="t" name="title">' +
    '<label for="p">Problem</label><textarea id="p" name="problem"></textarea>';
  const region = document.createElement("div");
  region.id = "similar-ideas";
  region.setAttribute("aria-live", "polite");
  main.append(form, region);
  window.ideabankSearch.init();
}"""


def test_similar_ideas_appear_while_writing(page, corpus):
    page.goto("/soeg/")
    page.evaluate(IDEA_FORM)  # the idea form's markup: <form data-similar-url> and #similar-ideas
    region = page.locator("#similar-ideas")
    asked = []
    page.on("request", lambda request: "/soeg/lignende/" in request.url and asked.append(request.url))

    page.get_by_label("Titel").fill("Natcafé til hjemløse")
    page.get_by_label("Problem").fill("Hjemløse fryser om natten.")

    expect(region.get_by_role("heading", name="Findes din idé allerede?")).to_be_visible()
    expect(region.get_by_role("link").first).to_contain_text("Natcafé for hjemløse")
    expect(region).to_have_attribute("aria-live", "polite")
    # Debounced: one request, and only once both fields had text.
    assert len(asked) == 1
    assert "problem=Hjeml" in asked[0]
