"""The editor's workplace in a real browser (issue #17): an editor past two-factor filters the escalation queue,
assesses an idea with the idea beside the form while the suggestion follows her scores, saves a draft and
resumes it, promotes the idea, lands in the Danish page editor and submits the method for review. The queue
and the assessment page pass axe's WCAG 2.1 AA check, and no page on the way shows English interface text
(the same yardstick as tests/admin_language, applied to the page as the browser rendered it)."""

import datetime
import os
import re
from pathlib import Path

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from ideabank.ideas import services as ideas
from ideabank.methods.elements import element_keys
from ideabank.taxonomy.models import Theme
from tests.admin_language.english import english_in
from tests.e2e.test_method_journey import log_in_with_code, page_editor_action
from tests.factories import IdeaFactory, UserFactory, municipal_organisation

IDEA_TITLE = "Madklub mod ensomhed"
# Where the screenshots of each step go (var/ is not committed); SCREENSHOT_DIR moves them.
SHOTS = Path(os.environ.get("SCREENSHOT_DIR") or settings.VAR_DIR / "screenshots" / "editor-workplace")


def shoot(page, name):
    """Screenshots of the step at desktop and phone width, for looking at what was built."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def assert_danish(page):
    english = english_in(page.content())
    assert not english, f"English on {page.url}: {english}"


def test_an_editor_works_an_idea_from_the_queue_to_review_in_danish(page, log_in, assert_accessible):
    theme = Theme.objects.order_by("name").first()
    other_theme = Theme.objects.exclude(pk=theme.pk).order_by("name").first()
    ole = UserFactory(email="ole@odense.dk", organisation=municipal_organisation(461))
    idea = IdeaFactory(
        title=IDEA_TITLE,
        problem="Ældre, der bor alene, spiser alene og mister lysten til mad.",
        solution="Fællesspisning hver tirsdag i aktivitetscentret, med frivillige værter.",
        themes=[theme],
    )
    ideas.report_tried(ole, idea, tried_from=datetime.date(2025, 1, 1), what_happened="Tolv faste gæster.")
    other = IdeaFactory(title="Walk and talk med unge", themes=[other_theme])
    ideas.report_tried(ole, other, tried_from=datetime.date(2025, 2, 1), what_happened="Flere samtaler.")
    rikke = UserFactory(email="rikke@socialstyrelsen.dk", display_name="Rikke Holm", role="redaktoer")
    device = TOTPDevice.objects.create(user=rikke, name="Godkendelsesapp", confirmed=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    # The admin's own sign-in page carries Idébanken's name and mark.
    page.goto("/admin/login/")
    expect(page.get_by_role("heading", name="Log ind i Idébankens redaktion")).to_be_visible()
    assert_danish(page)
    shoot(page, "00-admin-login")

    # The editor signs in with her code; the dashboard counts her work.
    log_in_with_code(page, log_in, "rikke@socialstyrelsen.dk", device)
    page.goto("/admin/")
    expect(page.get_by_text("2 idéer venter i eskaleringskøen")).to_be_visible()
    assert_danish(page)
    shoot(page, "01-dashboard")

    # She opens the queue and filters it by theme.
    page.get_by_role("link", name="2 idéer venter i eskaleringskøen").click()
    page.get_by_label("Indsatsområde").select_option(theme.slug)
    page.get_by_role("button", name="Filtrér køen").click()
    expect(page.get_by_text("1 idé i køen")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Walk and talk"))).to_have_count(0)
    assert_accessible(page)
    assert_danish(page)
    shoot(page, "02-queue")

    # She assesses the idea with the idea itself on the same page.
    page.get_by_role("row", name=re.compile(IDEA_TITLE)).get_by_role("link", name="Vurdér").click()
    aside = page.locator("aside.assessment-idea")
    expect(aside).to_contain_text("Fællesspisning hver tirsdag")
    expect(aside).to_contain_text("Tolv faste gæster.")
    expect(page.get_by_text("Kan I forklare, hvorfor indsatsen skal hjælpe borgerne?")).to_be_attached()
    suggestion = page.locator("[data-suggestion]")
    expect(suggestion).to_have_text("Sæt scorer for at se forslaget.")
    keys = element_keys()
    for key in keys[:3]:
        page.locator(f"input[name='{key}_score'][value='3']").check()
    expect(suggestion).to_have_text("Endnu ikke lovende praksis")
    page.locator(f"#id_{keys[0]}_justification").fill("Bygger på viden om ensomhed og måltidsfællesskaber.")
    assert_accessible(page)
    assert_danish(page)
    shoot(page, "03-assessment")

    # She saves a draft, leaves, and resumes it.
    page.get_by_role("button", name="Gem som kladde").click()
    expect(page.get_by_text("Kladden er gemt.")).to_be_visible()
    page.goto("/admin/")
    page.get_by_role("link", name=IDEA_TITLE).click()
    expect(page.get_by_text("Du fortsætter din kladde")).to_be_visible()
    expect(page.locator(f"input[name='{keys[2]}_score'][value='3']")).to_be_checked()
    expect(page.locator(f"#id_{keys[0]}_justification")).to_have_value(
        "Bygger på viden om ensomhed og måltidsfællesskaber."
    )

    # She finishes: eight elements at 2 or more turn the suggestion to promising.
    for number, key in enumerate(keys):
        page.locator(f"input[name='{key}_score'][value='{3 if number < 8 else 1}']").check()
        page.locator(f"#id_{key}_justification").fill(f"Set i Odenses afprøvning ({key}).")
    expect(suggestion).to_have_text("Lovende praksis")
    page.locator("input[name='conclusion'][value='promising']").check()
    page.get_by_role("button", name="Gem vurderingen").click()
    expect(page.get_by_text("Vurderingen er gemt: Lovende praksis")).to_be_visible()

    # She promotes it and lands in the Danish page editor with the draft prefilled.
    page.goto(f"/admin/knowledge/promote/{idea.pk}/")
    expect(page.get_by_role("heading", name=f"Løft “{IDEA_TITLE}” til metode")).to_be_attached()
    page.get_by_role("button", name="Løft til metode").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator("#id_title")).to_have_value(IDEA_TITLE)
    page.wait_for_load_state("networkidle")
    assert_danish(page)
    shoot(page, "04-page-editor")

    # She submits it for review through the editors' workflow.
    page_editor_action(page, "button[name='action-submit']")
    expect(page.get_by_text("er sendt til godkendelse").first).to_be_visible()
    assert_danish(page)

    # The idea page now leads editors to the draft method.
    page.goto(idea.get_absolute_url())
    expect(page.get_by_text("Kladde til metode:")).to_be_visible()
    expect(page.get_by_text("venter på godkendelse")).to_be_visible()
