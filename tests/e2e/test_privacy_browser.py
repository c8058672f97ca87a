"""My data, log out everywhere and delete my account in a real browser, from the profile page."""

import json
import re
from pathlib import Path

from playwright.sync_api import expect

from ideabank.accounts.models import User
from tests.factories import PASSWORD, IdeaFactory, UserFactory, municipal_organisation


def test_download_my_data(page, log_in):
    UserFactory(email="anne@aarhus.dk", display_name="Anne Kjær")
    log_in(page, "anne@aarhus.dk", PASSWORD)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Hent mine data (JSON)").click()

    download = download_info.value
    assert re.fullmatch(r"idebanken-mine-data-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["profile"]["display_name"] == "Anne Kjær"


def test_log_out_everywhere(page, new_page, log_in):
    UserFactory(email="anne@aarhus.dk")
    other = new_page()
    log_in(other, "anne@aarhus.dk", PASSWORD)
    log_in(page, "anne@aarhus.dk", PASSWORD)

    page.get_by_role("button", name="Log ud alle steder").click()

    expect(page.get_by_text("Du er logget ud alle steder, også her.")).to_be_visible()
    other.goto("/konto/profil/")
    expect(other).to_have_url(re.compile(r"/konto/log-ind/"))


def test_delete_my_account(page, log_in, assert_accessible):
    anne = UserFactory(email="anne@aarhus.dk", display_name="Anne Kjær", organisation=municipal_organisation(751))
    idea = IdeaFactory(author=anne, title="Walk and talk med unge")
    log_in(page, "anne@aarhus.dk", PASSWORD)

    page.get_by_role("link", name="Slet min konto").click()
    page.get_by_label("Skriv din e-mailadresse for at bekræfte").fill("forkert@aarhus.dk")
    page.get_by_role("button", name="Slet min konto").click()
    expect(page.get_by_role("alert")).to_contain_text("Det er ikke din e-mailadresse.")
    assert_accessible(page)

    page.get_by_label("Skriv din e-mailadresse for at bekræfte").fill("anne@aarhus.dk")
    page.get_by_role("button", name="Slet min konto").click()

    expect(page.get_by_text("Din konto er slettet.")).to_be_visible()
    expect(page.get_by_role("link", name="Log ind")).to_be_visible()
    page.goto(idea.get_absolute_url())
    expect(page.get_by_text("Delt af Tidligere medarbejder, Aarhus Kommune")).to_be_visible()
    assert User.objects.get(pk=anne.pk).deleted_at is not None
