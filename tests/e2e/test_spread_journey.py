"""Spread in a real browser: a social worker in Aarhus registers that the municipality uses a method,
reports a quarter's results (first with a mistake), and the method page shows both. The method page and the
spread overview pass an automatic WCAG 2.1 AA check."""

import re
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory, municipal_organisation
from tests.spread.helpers import INDICATORS, adoption, make_method, report


def test_register_an_adoption_and_report_outcomes(page, log_in, assert_accessible):
    method = make_method("Bostøtte med fast kontaktperson", indicators=INDICATORS)
    jobs = method.indicators.get(name=INDICATORS[0][0])
    odense = adoption(method, municipal_organisation(461), started=date(2024, 2, 1))
    report(odense, date(2024, 2, 1), date(2024, 4, 30), 25, 20, 15, Decimal(800), {jobs: (20, 28)})
    UserFactory(email="anne@aarhus.dk", display_name="Anne Kjær", organisation=municipal_organisation(751))
    today = timezone.localdate()

    log_in(page, "anne@aarhus.dk", PASSWORD)
    page.goto(method.url)
    spread = page.locator("#spread")
    expect(spread).to_contain_text("1 organisation har registreret, at den bruger metoden.")
    expect(spread.get_by_role("img", name="Danmark: kommuner, der bruger metoden")).to_be_visible()
    expect(spread.get_by_role("img", name="Udbredelse over tid")).to_be_visible()
    assert_accessible(page)

    # Anne registers that Aarhus pilots the method.
    spread.locator("summary", has_text="Aarhus Kommune bruger også metoden").click()
    spread.get_by_role("radio", name="Afprøver").check()
    spread.get_by_label("Startdato").fill((today - timedelta(days=200)).isoformat())
    spread.get_by_role("button", name="Registrér brugen").click()

    expect(page).to_have_url(re.compile(re.escape(method.url) + "#spread$"))
    expect(page.get_by_text("Tak! Det er nu registreret, at Aarhus Kommune bruger")).to_be_visible()
    expect(page.locator("#spread")).to_contain_text("2 organisationer har registreret, at de bruger metoden.")
    expect(page.locator(".spread-regions")).to_contain_text("Aarhus Kommune")

    # She reports a quarter; the first try says more felt helped than were asked.
    page.get_by_role("link", name="Rapportér resultater").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rapportér resultater")
    page.get_by_label("Periodens første dag").fill((today - timedelta(days=120)).isoformat())
    page.get_by_label("Periodens sidste dag").fill((today - timedelta(days=30)).isoformat())
    page.get_by_label("Borgere nået").fill("40")
    page.get_by_label("Borgere spurgt").fill("30")
    page.get_by_label("Borgere, der følte sig hjulpet").fill("31")
    page.get_by_label("Udgangspunkt: Unge i uddannelse eller job (procent)").fill("18")
    page.get_by_label("Nu: Unge i uddannelse eller job (procent)").fill("31,5")
    page.get_by_label("Udgift pr. borger (kr.)").fill("1250")
    page.get_by_role("button", name="Gem resultaterne").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Der kan ikke være flere, der følte sig hjulpet, end der blev spurgt.")
    expect(page.locator("#id_outcome_citizens_helped-error")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Borgere, der følte sig hjulpet").fill("24")
    page.get_by_role("button", name="Gem resultaterne").click()
    expect(page.get_by_text("Tak! Resultaterne for perioden er gemt.")).to_be_visible()
    expect(page.locator(".spread-report")).to_contain_text("40")
    assert_accessible(page)

    # The method page now counts both organisations' citizens and compares them.
    page.goto(method.url)
    outcomes = page.locator("#spread .spread-figures")
    expect(outcomes).to_contain_text("65")  # 25 + 40 citizens reached
    expect(outcomes).to_contain_text("78 %")  # (15 + 24) of (20 + 30) felt helped
    compare = page.locator(".spread-compare-table")
    expect(compare).to_contain_text("Aarhus Kommune")
    expect(compare).to_contain_text("Odense Kommune")
    expect(page.get_by_role("img", name="Andel borgere, der følte sig hjulpet, pr. organisation")).to_be_visible()
    assert_accessible(page)


def test_the_spread_overview_is_accessible(page, assert_accessible):
    method = make_method("Netværksmøder for unge")
    for code in (751, 461, 101):
        adoption(method, municipal_organisation(code), started=timezone.localdate() - timedelta(days=90))

    page.goto("/udbredelse/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Udbredelse")
    expect(page.get_by_role("link", name="Netværksmøder for unge").first).to_be_visible()
    expect(page.get_by_role("img", name="Danmark: antal metoder i brug pr. kommune")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/udbredelse/organisationer/{municipal_organisation(751).slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aarhus Kommune")
    assert_accessible(page)
