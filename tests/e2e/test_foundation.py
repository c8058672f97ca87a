"""The first visit: a Danish, accessible home page; login, profile and the admin for an editor."""

from ideabank.accounts.roles import Role
from ideabank.demo.two_factor import demo_code, seed_demo_devices
from tests.factories import PASSWORD, UserFactory


def test_home_page_is_danish_and_accessible(page, assert_accessible):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "da"
    assert page.get_by_role("heading", level=1).inner_text() == "Idébanken"
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("banner").count() == 1
    assert page.get_by_role("contentinfo").count() == 1
    assert_accessible(page)


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Gå til sidens indhold"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_login_form_errors_are_announced_and_accessible(page, assert_accessible):
    UserFactory(email="anne@aarhus.dk")
    page.goto("/konto/log-ind/")
    assert_accessible(page)
    page.get_by_label("E-mail").fill("anne@aarhus.dk")
    page.get_by_label("Adgangskode").fill("forkert-kode")
    page.get_by_role("button", name="Log ind").click()
    alert = page.get_by_role("alert")
    assert "Forkert e-mail eller adgangskode" in alert.inner_text()
    assert_accessible(page)


def test_staff_logs_in_and_edits_profile(page, log_in, assert_accessible):
    UserFactory(email="anne@aarhus.dk", display_name="Anne Kjær")
    log_in(page, "anne@aarhus.dk", PASSWORD)
    assert page.url.endswith("/konto/profil/")
    assert "Anne Kjær" in page.get_by_role("banner").inner_text()
    assert_accessible(page)
    page.get_by_label("Stilling").fill("Gadeplansmedarbejder")
    page.get_by_role("button", name="Gem profil").click()
    assert "Din profil er gemt" in page.get_by_role("main").inner_text() or "Din profil er gemt" in page.content()
    assert page.get_by_label("Stilling").input_value() == "Gadeplansmedarbejder"


def test_switching_to_english(page):
    page.goto("/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"


def test_editor_reaches_the_wagtail_admin(page, log_in, assert_accessible):
    editor = UserFactory(email="hanne@socialstyrelsen.dk", role=Role.REDAKTOER)
    seed_demo_devices([editor])  # editors need two-factor before the admin (ideabank/mfa)
    log_in(page, "hanne@socialstyrelsen.dk", PASSWORD)
    assert page.url.endswith("/konto/totrin/bekraeft/")
    assert_accessible(page)
    page.get_by_label("Kode", exact=True).fill(demo_code())
    page.get_by_role("button", name="Bekræft").click()
    page.wait_for_load_state()
    assert page.url.endswith("/konto/profil/")
    page.goto("/admin/")
    assert page.url.endswith("/admin/")
    assert page.locator("#wagtail").count() == 1 or page.get_by_role("navigation").count() > 0


def test_unknown_page_is_a_danish_404(page, assert_accessible):
    response = page.goto("/findes-ikke/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Siden findes ikke"
    assert_accessible(page)
