"""The heart of the product in a real browser: a social worker posts an idea, a colleague in
another municipality votes, comments and replies, and the author sees the vote. Every page on
the way passes an automatic WCAG 2.1 AA check."""

import re

from playwright.sync_api import expect

from ideabank.taxonomy.models import TargetGroup
from tests.factories import PASSWORD, IdeaFactory, UserFactory, municipal_organisation


def test_post_vote_comment_and_reply(page, new_page, log_in, assert_accessible):
    target_group = TargetGroup.objects.order_by("name").first()
    UserFactory(email="anne@aarhus.dk", display_name="Anne Kjær", organisation=municipal_organisation(751))
    UserFactory(email="ole@odense.dk", display_name="Ole Lund", organisation=municipal_organisation(461))
    IdeaFactory(title="Madklub for ensomme ældre", tags=["ensomhed"])

    # Anne posts an idea; the first attempt is empty and shows the error summary.
    log_in(page, "anne@aarhus.dk", PASSWORD)
    page.goto("/ideer/ny/")
    page.get_by_role("button", name="Offentliggør").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Titel: Giv idéen en titel.")
    expect(summary).to_contain_text("Løsning: Beskriv løsningen.")
    assert_accessible(page)

    page.get_by_label("Titel", exact=True).fill("Walk and talk med unge")
    page.get_by_label("Problem", exact=True).fill("Unge udebliver fra samtaler på kontoret.")
    page.get_by_label("Løsning", exact=True).fill("Vi holder samtalen på en gåtur.\nDet giver ro til at tale.")
    page.get_by_label(target_group.name, exact=True).check()
    page.get_by_label("Emneord").fill("unge, gåture")
    page.get_by_role("button", name="Forhåndsvis").click()
    expect(page.get_by_role("heading", name="Forhåndsvisning")).to_be_visible()
    page.get_by_role("button", name="Offentliggør").click()

    expect(page).to_have_url(re.compile(r"/ideer/\d+/(\?delt=1)?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Walk and talk med unge")
    expect(page.get_by_text("Tak! Din idé er offentliggjort")).to_be_visible()
    idea_path = re.search(r"/ideer/\d+/", page.url).group(0)

    # Ole, in Odense, finds it in the list, votes, comments and replies to his own comment.
    ole = new_page()
    log_in(ole, "ole@odense.dk", PASSWORD)
    ole.goto("/ideer/")
    assert_accessible(ole)
    ole.get_by_role("link", name="Walk and talk med unge").click()
    expect(ole).to_have_url(re.compile(re.escape(idea_path) + "$"))
    assert_accessible(ole)

    ole.get_by_role("button", name="Stem på idéen").click()
    expect(ole.get_by_role("button", name="Fjern din stemme")).to_be_visible()
    expect(ole.locator("#vote-count")).to_have_text("1 stemme")
    expect(ole.get_by_text("Tak for din stemme.")).to_have_count(0)  # the script voted without a reload

    ole.get_by_label("Kommentar", exact=True).fill("Det vil vi prøve i Odense.")
    ole.get_by_role("button", name="Send kommentar").click()
    expect(ole.get_by_text("Din kommentar er sendt.")).to_be_visible()
    comment = ole.locator(".comment-depth-1").first
    expect(comment).to_contain_text("Det vil vi prøve i Odense.")

    comment.locator("summary", has_text="Svar").click()
    comment.get_by_label("Dit svar").fill("Vi starter i uge 12.")
    comment.get_by_role("button", name="Send svar").click()
    expect(ole.get_by_text("Dit svar er sendt.")).to_be_visible()
    expect(ole.locator(".comment-depth-2")).to_contain_text("Vi starter i uge 12.")
    expect(ole.get_by_role("heading", name="2 kommentarer")).to_be_visible()
    assert_accessible(ole)

    # Anne sees the vote and the thread.
    page.goto(idea_path)
    expect(page.locator("#vote-count")).to_have_text("1 stemme")
    expect(page.get_by_text("Du kan ikke stemme på din egen idé.")).to_be_visible()
    expect(page.locator(".comment-depth-2")).to_contain_text("Vi starter i uge 12.")


def test_the_vote_button_works_without_javascript(browser, page, live_server, log_in):
    UserFactory(email="ole@odense.dk", organisation=municipal_organisation(461))
    idea = IdeaFactory(title="Lektiecafé på biblioteket")
    log_in(page, "ole@odense.dk", PASSWORD)
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, storage_state=page.context.storage_state()
    )
    try:
        plain = context.new_page()
        plain.goto(idea.get_absolute_url())

        plain.get_by_role("button", name="Stem på idéen").click()

        expect(plain.get_by_text("Tak for din stemme.")).to_be_visible()
        expect(plain.locator("#vote-count")).to_have_text("1 stemme")
        plain.get_by_role("button", name="Fjern din stemme").click()
        expect(plain.get_by_text("Din stemme er fjernet.")).to_be_visible()
        expect(plain.locator("#vote-count")).to_have_text("0 stemmer")
    finally:
        context.close()


def test_the_list_filters_with_facets(page, assert_accessible):
    group = TargetGroup.objects.order_by("name").first()
    IdeaFactory(title="Walk and talk med unge", target_groups=[group], tags=["unge"])
    IdeaFactory(title="Madklub for ensomme ældre", tags=["ensomhed"])

    page.goto("/ideer/")
    expect(page.get_by_role("heading", name="2 idéer")).to_be_visible()
    facets = page.get_by_role("navigation", name="Filtrér")
    facets.locator("summary", has_text="Emneord").click()  # the groups after the first two start collapsed
    facets.get_by_role("link", name=re.compile("^ensomhed")).click()

    expect(page.get_by_role("heading", name="1 idé", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Madklub for ensomme ældre")).to_be_visible()
    expect(page.get_by_role("link", name="Walk and talk med unge")).to_have_count(0)
    assert_accessible(page)
