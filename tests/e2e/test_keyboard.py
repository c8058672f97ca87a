"""Keyboard-only journeys (WCAG 2.1.1): logging in, posting an idea and voting with Tab, Enter and Space
alone. The mouse is never used; locators only check where the focus is, and typing goes to the focused field."""

import re

from playwright.sync_api import expect

from ideabank.ideas.models import Idea
from ideabank.taxonomy.models import TargetGroup
from tests.factories import PASSWORD, IdeaFactory, UserFactory, municipal_organisation

MAX_TABS = 200


def has_focus(locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, backwards=False):
    """Press Tab (or Shift+Tab) until `locator` has the focus; fail if it is never reached."""
    for _press in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if has_focus(locator):
            return
    raise AssertionError(f"{locator} was not reached with the keyboard in {MAX_TABS} presses")


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.type(text)


def log_in_with_keyboard(page, email):
    page.goto("/konto/log-ind/")
    type_into(page, page.get_by_label("E-mail"), email)
    type_into(page, page.get_by_label("Adgangskode"), PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/konto/profil/$"))


def test_post_an_idea_with_the_keyboard_only(page):
    group = TargetGroup.objects.order_by("name").first()
    UserFactory(email="anne@aarhus.dk", organisation=municipal_organisation(751))
    log_in_with_keyboard(page, "anne@aarhus.dk")

    page.goto("/")
    tab_to(page, page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Del en idé"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ideer/ny/$"))

    # The first try is empty: the error summary takes the focus, and its links lead to the fields.
    tab_to(page, page.get_by_role("button", name="Offentliggør"))
    page.keyboard.press("Enter")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Titel: Giv idéen en titel.")
    title_link = summary.get_by_role("link", name=re.compile("^Titel"))
    tab_to(page, title_link)
    page.keyboard.press("Enter")
    expect(page.get_by_label("Titel", exact=True)).to_be_focused()

    page.keyboard.type("Walk and talk med unge")
    type_into(page, page.get_by_label("Problem", exact=True), "Unge udebliver fra samtaler på kontoret.")
    type_into(page, page.get_by_label("Løsning", exact=True), "Vi holder samtalen på en gåtur.")
    checkbox = page.get_by_label(group.name, exact=True)
    tab_to(page, checkbox)
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    type_into(page, page.get_by_label("Emneord"), "unge, gåture")
    tab_to(page, page.get_by_role("button", name="Offentliggør"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/ideer/\d+/(\?delt=1)?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Walk and talk med unge")
    idea = Idea.objects.get(title="Walk and talk med unge")
    assert idea.status == Idea.Status.PUBLISHED
    assert list(idea.target_groups.all()) == [group]
    assert sorted(idea.tags.names()) == ["gåture", "unge"]


def test_vote_and_withdraw_with_the_keyboard_only(page):
    UserFactory(email="ole@odense.dk", organisation=municipal_organisation(461))
    idea = IdeaFactory(title="Madklub for ensomme ældre")
    log_in_with_keyboard(page, "ole@odense.dk")

    page.goto("/ideer/")
    tab_to(page, page.get_by_role("link", name="Madklub for ensomme ældre"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(idea.get_absolute_url()) + "$"))

    tab_to(page, page.get_by_role("button", name="Stem på idéen"))
    page.keyboard.press("Enter")
    expect(page.locator("#vote-count")).to_have_text("1 stemme")
    withdraw = page.get_by_role("button", name="Fjern din stemme")
    expect(withdraw).to_be_visible()
    if not has_focus(withdraw):
        tab_to(page, withdraw)
    page.keyboard.press("Space")

    expect(page.locator("#vote-count")).to_have_text("0 stemmer")
    expect(page.get_by_role("button", name="Stem på idéen")).to_be_visible()
    assert Idea.objects.get(pk=idea.pk).vote_count == 0
