"""Every meeting counts, in a real browser on a phone: a social worker in Aarhus registers answers with one
tap (and by keyboard) without the page reloading, makes a one-meeting code, and a citizen answers on their
own phone without logging in. Every page passes axe (WCAG 2.1 AA); screenshots at 390 and 1280 px wide go
to /tmp/shots-issue-15/ (or $SCREENSHOT_DIR)."""

import os
import re
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from ideabank.spread.models import CitizenCode, Encounter
from tests.factories import PASSWORD, UserFactory, municipal_organisation
from tests.spread.helpers import adoption, make_method

SHOTS = Path(os.environ.get("SCREENSHOT_DIR") or Path(tempfile.gettempdir()) / "shots-issue-15")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("390", PHONE), ("1280", DESKTOP)):
        page.set_viewport_size(size)
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size(PHONE)


def earlier_answers(target, per_answer, days_back=3):
    Encounter.objects.bulk_create(
        Encounter(
            adoption=target,
            met_on=timezone.localdate() - timedelta(days=days_back),
            answer=answer,
            source="staff",
            uuid=uuid.uuid4(),
        )
        for answer, n in per_answer.items()
        for _ in range(n)
    )


def test_staff_register_meetings_and_a_citizen_answers_on_their_phone(new_page, log_in, assert_accessible):
    method = make_method("Bostøtte med fast kontaktperson")
    aarhus = municipal_organisation(751)
    used = adoption(method, aarhus, started=timezone.localdate() - timedelta(days=300))
    earlier_answers(used, {"helped": 12, "partly": 4, "not_helped": 3, "declined": 1}, days_back=40)
    UserFactory(email="anne@aarhus.dk", display_name="Anne Kjær", organisation=aarhus)

    page = new_page()
    page.set_viewport_size(PHONE)
    log_in(page, "anne@aarhus.dk", PASSWORD)

    page.goto("/udbredelse/mine-metoder/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine metoder")
    expect(page.get_by_text("0 møder i dag")).to_be_visible()
    assert_accessible(page)
    shoot(page, "01-mine-metoder")

    page.get_by_role("link", name=re.compile("^Registrér møder")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Føler borgeren sig hjulpet?")
    assert_accessible(page)
    shoot(page, "02-register")

    # One tap: saved in the background, the page stays (a marker on window survives only without a reload).
    page.evaluate("window.stillHere = true")
    page.get_by_role("button", name="Ja", exact=True).click()
    status = page.locator("[data-encounter-status]")
    expect(status).to_have_text("Gemt: Ja.")
    expect(page.locator("[data-today-text]")).to_have_text("1 i dag")
    assert page.evaluate("window.stillHere") is True

    # By keyboard, with what it would take.
    page.get_by_label("Hvad skal der til?").fill("Et fast tidspunkt hver uge")
    page.get_by_role("button", name="Delvist").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-today-text]")).to_have_text("2 i dag")
    expect(page.get_by_label("Hvad skal der til?")).to_have_value("")
    assert Encounter.objects.filter(adoption=used, met_on=timezone.localdate()).count() == 2
    assert Encounter.objects.filter(needed="Et fast tidspunkt hver uge", answer="partly").exists()
    assert_accessible(page)
    shoot(page, "03-registered")

    # A one-meeting code for the next citizen.
    page.get_by_role("button", name="Lav en borgerkode").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Borgerkode til ét møde")
    expect(page.get_by_role("img", name=re.compile("QR-kode med linket"))).to_be_visible()
    code = CitizenCode.objects.get()
    link = page.get_by_label("Link").input_value()
    assert link.endswith(f"/svar/{code.code}/")
    assert_accessible(page)
    shoot(page, "04-citizen-code")

    # The citizen, on their own phone, not logged in.
    phone = new_page()
    phone.set_viewport_size(PHONE)
    phone.goto(f"/svar/{code.code}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Føler du dig hjulpet?")
    assert_accessible(phone)
    shoot(phone, "05-citizen-question")
    phone.get_by_label("Hvad skal der til?").fill("At nogen ringer tilbage")
    phone.get_by_role("button", name="Nej").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Tak for dit svar")
    assert {cookie["name"] for cookie in phone.context.cookies()} <= {"csrftoken"}
    assert_accessible(phone)
    shoot(phone, "06-citizen-thanks")

    # The same link again: a friendly page, nothing stored.
    phone.goto(f"/svar/{code.code}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Der er allerede svaret")
    assert Encounter.objects.filter(source="citizen").count() == 1
    shoot(phone, "07-citizen-used")

    # In English, on request.
    english = CitizenCode.objects.create(adoption=used, code="abcdefghjk", expires=timezone.now() + timedelta(hours=1))
    phone.goto(f"/svar/{english.code}/?lang=en")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Do you feel helped?")
    assert_accessible(phone)
    shoot(phone, "08-citizen-english")


def test_the_method_page_shows_the_answers_with_small_numbers_suppressed(page, assert_accessible):
    method = make_method("Netværksmøder for unge")
    aarhus, odense = municipal_organisation(751), municipal_organisation(461)
    earlier_answers(adoption(method, aarhus), {"helped": 20, "partly": 6, "not_helped": 3, "declined": 2})
    earlier_answers(adoption(method, odense), {"helped": 2, "not_helped": 1})
    page.set_viewport_size(PHONE)

    page.goto(method.url)
    results = page.locator(".encounter-results")
    expect(results.get_by_role("img", name="Andel, der følte sig hjulpet, måned for måned")).to_be_visible()
    rows = results.locator(".encounter-organisations tbody tr")
    expect(rows.filter(has_text="Aarhus Kommune")).to_contain_text("29")
    expect(rows.filter(has_text="Odense Kommune")).to_contain_text("<5")
    expect(rows.filter(has_text="Odense Kommune")).to_contain_text("færre end 5 svar")
    assert_accessible(page)
    page.locator("#method-encounters-heading").scroll_into_view_if_needed()
    shoot(page, "09-method-page")

    page.goto("/udbredelse/")
    expect(page.locator(".encounter-results")).to_contain_text("Aarhus Kommune")
    assert_accessible(page)
    shoot(page, "10-overview")
