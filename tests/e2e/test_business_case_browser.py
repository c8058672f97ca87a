"""The business case in a real browser: "Regn selv" with JavaScript (recomputed in the page) and without
(the GET form answered by the server) agree with the API to the krone, and the section passes axe."""

import os
import tempfile
from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.factories import ResearchItemFactory, make_method, municipal_organisation
from tests.spread.helpers import INDICATORS, adoption, report
from tests.spread.helpers import make_method as spread_method

# Screenshots at 1280 and 390 px, for a person to look at (not compared by the test).
SHOTS = os.environ.get("IDEABANK_SCREENSHOTS", os.path.join(tempfile.gettempdir(), "shots-issue-23"))
INPUTS = [
    {"citizens": "250", "horizon": "3", "low": "0,5", "expected": "1", "high": "2"},
    {"citizens": "1234", "horizon": "12", "low": "0,35", "expected": "1,1", "high": "1,75"},
    {"citizens": "7", "horizon": "1", "low": "0", "expected": "0,25", "high": "10"},
]


@pytest.fixture
def method():
    study = ResearchItemFactory(title="Job først: et dansk lodtrækningsforsøg", year=2018)
    method = make_method(
        title="IPS – individuelt planlagt job med støtte",
        business_cost=Decimal(27500),
        business_cost_source="Metodebeskrivelsen: en konsulent med 20 borgere koster 550.000 kr. om året.",
        effects=[
            {
                "label": "I ordinært job",
                "value_per_year": Decimal(190000),
                "share": Decimal("0.2"),
                "years": 4,
                "source_research": study,
            },
            {
                "label": "Bedre selvvurderet helbred",
                "value_per_year": Decimal("4000.50"),
                "measured_share": True,
                "years": 2,
            },
        ],
    )
    used = adoption(method, municipal_organisation(751))
    report(used, date(2024, 1, 1), date(2024, 3, 31), 37, 29, 19, Decimal("1250.50"))
    return method


def api_rows(page, method, inputs):
    query = "&".join(f"{key}={value.replace(',', '.')}" for key, value in inputs.items())
    body = page.request.get(f"/api/v1/methods/{method.pk}/business-case?{query}").json()
    return body["scenarios"], body


def kroner(value):
    rounded = int(abs(value) + 0.5)
    text = f"{rounded:,}".replace(",", ".")
    return ("-" if value < 0 and rounded else "") + text


def shown(page):
    rows = {}
    for name in ("low", "expected", "high"):
        row = page.locator(f'[data-calculator-result] tr[data-scenario="{name}"]')
        rows[name] = {
            "npv_total": row.locator('[data-result="npv_total"]').inner_text(),
            "npv_per_citizen": row.locator('[data-result="npv_per_citizen"]').inner_text(),
            "payback_years": row.locator('[data-result="payback_years"]').inner_text(),
        }
    return rows


def expected_from_api(results):
    rows = {}
    for name, result in results.items():
        payback = result["payback_years"]
        rows[name] = {
            "npv_total": kroner(result["npv_total"]),
            "npv_per_citizen": kroner(result["npv_per_citizen"]),
            "payback_years": "ikke inden for horisonten"
            if payback is None
            else f"{int(payback * 10 + 0.5) / 10:.1f}".replace(".", ",") + " år",
        }
    return rows


def fill(page, inputs):
    form = page.locator("[data-business-case-calculator]")
    form.get_by_label("Antal borgere").fill(inputs["citizens"])
    form.get_by_label("Tidshorisont (år)").fill(inputs["horizon"])
    form.get_by_label("Faktor, lavt").fill(inputs["low"])
    form.get_by_label("Faktor, forventet").fill(inputs["expected"])
    form.get_by_label("Faktor, højt").fill(inputs["high"])


def test_regn_selv_in_the_page_agrees_with_the_api(page, method, assert_accessible):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(method.url)
    section = page.locator("#business-case")
    expect(section.get_by_role("heading", level=2)).to_have_text("Hvad koster metoden, og hvad sparer den?")
    expect(section.get_by_role("img", name="Akkumuleret nettoresultat pr. borger")).to_be_visible()
    expect(section).to_contain_text("Effekten «Bedre selvvurderet helbred» har ingen kilde.")
    section.screenshot(path=f"{SHOTS}/business-case-1280.png")
    assert_accessible(page)

    for inputs in INPUTS:
        fill(page, inputs)
        page.locator("[data-business-case-calculator]").get_by_role("button", name="Beregn").click()
        results, body = api_rows(page, method, inputs)
        assert page.url.endswith(method.url)  # answered in the page, no request
        assert shown(page) == expected_from_api(results), inputs
        citizens = int(inputs["citizens"])
        expect(page.locator("[data-calculator-result] caption")).to_contain_text(f"{citizens:,}".replace(",", "."))
    expect(page.locator("[data-calculator-status]")).to_contain_text("borgere over 1 år")
    page.locator("#regn-selv").scroll_into_view_if_needed()
    page.screenshot(path=f"{SHOTS}/regn-selv-js-1280.png", full_page=False)


def test_regn_selv_without_javascript_is_answered_by_the_server(browser, live_server, method, assert_accessible):
    context = browser.new_context(base_url=live_server.url, locale="da-DK", java_script_enabled=False)
    page = context.new_page()
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(method.url)
        page.locator("#business-case").screenshot(path=f"{SHOTS}/business-case-390.png")
        for inputs in INPUTS[:2]:
            fill(page, inputs)
            page.locator("[data-business-case-calculator]").get_by_role("button", name="Beregn").click()
            page.wait_for_load_state()
            assert "citizens=" in page.url
            results, _body = api_rows(page, method, inputs)
            assert shown(page) == expected_from_api(results), inputs
        page.locator("#regn-selv").scroll_into_view_if_needed()
        page.screenshot(path=f"{SHOTS}/regn-selv-nojs-390.png")

        fill(page, {"citizens": "0", "horizon": "31", "low": "x", "expected": "1", "high": "1"})
        page.locator("[data-business-case-calculator]").get_by_role("button", name="Beregn").click()
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("Antal borgere:")
        expect(alert).to_contain_text("Tidshorisont (år):")
        expect(alert).to_contain_text("Faktor, lavt:")
        page.screenshot(path=f"{SHOTS}/regn-selv-errors-390.png")
    finally:
        context.close()


def test_the_business_case_at_phone_width_passes_axe(page, method, assert_accessible):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(method.url)
    page.locator("#business-case summary").first.click()
    assert_accessible(page)


def test_payment_by_results_on_the_adoption_page(page, assert_accessible):
    method = spread_method("Mentor for unge efter anbringelse", indicators=INDICATORS)
    jobs, days = method.indicators.order_by("sort_order")
    jobs.price, jobs.target, jobs.counting = Decimal(35000), Decimal(60), "share"
    jobs.save()
    used = adoption(method, municipal_organisation(751), started=date(2024, 1, 1))
    report(used, date(2024, 1, 1), date(2024, 3, 31), 40, 30, 20, values={jobs: (20, 30), days: (10, 6)})

    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"/udbredelse/ibrugtagninger/{used.pk}/")
        section = page.locator(".payments")
        expect(section).to_contain_text("140.000 kr.")  # 10 points of 40 citizens = 4 outcomes × 35 000
        section.screenshot(path=f"{SHOTS}/payments-{width}.png")
        assert_accessible(page)
