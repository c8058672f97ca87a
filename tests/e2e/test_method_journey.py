"""The knowledge ladder in a real browser: an editor (past two-factor) finds an idea in the escalation
queue, assesses it on the 11 elements, promotes it, declares the knowledge in the page editor, sends it
to review and approves it; the public reads the method, and the idea's author is told. The public method
catalogue and method page pass an automatic WCAG 2.1 AA check."""

import datetime
import re

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from ideabank.ideas import services as ideas
from ideabank.methods.elements import element_keys
from tests.factories import PASSWORD, IdeaFactory, UserFactory, municipal_organisation

IDEA_TITLE = "Fast kontaktperson efter anbringelse"


def log_in_with_code(page, log_in, email, device):
    """Password, then the code the editor's authenticator app shows now."""
    log_in(page, email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/konto/totrin/bekraeft/"))
    page.get_by_label("Kode", exact=True).fill(f"{TOTP(device.bin_key, device.step, device.t0).token():06d}")
    page.get_by_role("button", name="Bekræft").click()
    page.wait_for_load_state()


def page_editor_action(page, selector):
    """Open the page editor's "more actions" menu and choose one of its actions."""
    page.locator("footer .w-dropdown__toggle").click()
    page.locator(selector).click()
    page.wait_for_load_state()


def test_an_editor_takes_an_idea_from_the_queue_to_a_published_method(page, new_page, log_in, assert_accessible):
    anne = UserFactory(email="anne@aarhus.dk", display_name="Anne Kjær", organisation=municipal_organisation(751))
    ole = UserFactory(email="ole@odense.dk", display_name="Ole Lund", organisation=municipal_organisation(461))
    idea = IdeaFactory(
        author=anne,
        title=IDEA_TITLE,
        problem="Unge mister deres voksne kontakter, når anbringelsen slutter.",
        solution="Hver ung får en fast kontaktperson i to år efter anbringelsen.",
    )
    # Odense tried it: that alone brings the idea into the escalation queue.
    ideas.report_tried(ole, idea, tried_from=datetime.date(2024, 3, 1), what_happened="Færre unge faldt fra.")
    rikke = UserFactory(email="rikke@socialstyrelsen.dk", display_name="Rikke Holm", role="redaktoer")
    device = TOTPDevice.objects.create(user=rikke, name="Godkendelsesapp", confirmed=True)

    # The editor logs in with her code and finds the idea through the dashboard.
    log_in_with_code(page, log_in, "rikke@socialstyrelsen.dk", device)
    page.goto("/admin/")
    page.get_by_role("link", name="1 idé venter i eskaleringskøen").click()
    expect(page).to_have_url(re.compile(r"/admin/knowledge/queue/$"))
    row = page.get_by_role("row", name=re.compile(IDEA_TITLE))
    expect(row).to_contain_text("afprøvet")

    # She assesses it: every element scored and justified, then her conclusion.
    row.get_by_role("link", name="Vurdér").click()
    expect(page.get_by_role("heading", name=f"Vurdering af “{IDEA_TITLE}”")).to_be_attached()
    for number, key in enumerate(element_keys()):
        score = "3" if number < 8 else "1"
        page.locator(f"input[name='{key}_score'][value='{score}']").check()
        page.locator(f"#id_{key}_justification").fill(f"Beskrevet i idéen og afprøvet i Odense ({key}).")
    page.locator("input[name='conclusion'][value='promising']").check()
    page.get_by_role("button", name="Gem vurderingen").click()

    expect(page).to_have_url(re.compile(r"/admin/knowledge/queue/"))
    expect(
        page.get_by_text("Vurderingen er gemt: Lovende praksis (systemets forslag: Lovende praksis).")
    ).to_be_visible()

    # She promotes it; the draft opens in the page editor, prefilled from the idea.
    page.get_by_role("row", name=re.compile(IDEA_TITLE)).get_by_role("link", name="Løft til metode").click()
    expect(page.get_by_text("Der oprettes en kladde under Metoder")).to_be_visible()
    page.get_by_role("button", name="Løft til metode").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.get_by_text(f"Idéen er løftet til metoden “{IDEA_TITLE}”.")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value(IDEA_TITLE)
    method_id = re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1)

    # She declares the knowledge and sends the method to review …
    page.get_by_role("tab", name="Viden").click()
    page.locator("#id_declaration_effekt").select_option("C")
    page.locator("#id_declaration_effekt_justification").fill("Erfaringer fra to kommuner, ingen effektmåling endnu.")
    page.locator("#id_declaration_maalgruppe").select_option("B")
    page_editor_action(page, "button[name='action-submit']")

    # … and approves it through the workflow, which publishes it.
    page.goto(f"/admin/pages/{method_id}/edit/")
    expect(page.get_by_text("Redaktørgodkendelse").first).to_be_attached()
    page_editor_action(page, "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])")

    # The public finds the method in the catalogue and reads it, crediting Anne and Aarhus.
    reader = new_page()
    reader.goto("/metoder/")
    expect(reader.get_by_role("heading", name="1 metode", exact=True)).to_be_visible()
    assert_accessible(reader)
    reader.get_by_role("link", name=IDEA_TITLE).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(IDEA_TITLE)
    expect(reader.get_by_text("Hver ung får en fast kontaktperson i to år efter anbringelsen.").first).to_be_visible()
    expect(reader.get_by_text("Delt af Anne Kjær, Aarhus Kommune")).to_be_visible()
    expect(reader.get_by_role("img", name="Vidensdeklaration")).to_be_visible()
    declaration = reader.locator("table", has_text="Vidensdeklaration")
    expect(declaration.locator("tbody tr")).to_have_count(5)
    expect(declaration).to_contain_text("Erfaringer fra to kommuner, ingen effektmåling endnu.")
    assert_accessible(reader)

    # The idea climbed to "method" and points to it.
    reader.get_by_role("link", name=IDEA_TITLE).click()
    expect(reader.get_by_text("Dokumenteret metode").first).to_be_visible()
    expect(reader.get_by_role("link", name="Læs metoden")).to_be_visible()

    # Anne sees the promotion among her notifications.
    author = new_page()
    log_in(author, "anne@aarhus.dk", PASSWORD)
    author.goto("/notifikationer/")
    notice = author.get_by_role("link", name=f"Din idé »{IDEA_TITLE}« er løftet til metoden »{IDEA_TITLE}«")
    expect(notice).to_be_visible()
    notice.click()
    expect(author.get_by_role("heading", level=1)).to_have_text(IDEA_TITLE)
    expect(author).to_have_url(re.compile(r"/metoder/"))
