"""The business case on the method page: figures, scenarios, chart, sources and warnings, and "Regn selv"
through the GET form (no JavaScript)."""

from datetime import date
from decimal import Decimal

import pytest

from tests.factories import ResearchItemFactory, make_method

from .helpers import adoption, report

pytestmark = pytest.mark.django_db


def section(response):
    page = response.content.decode()
    start = page.index('id="business-case"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def study(db):
    return ResearchItemFactory(title="Evaluering af IPS i ti kommuner", year=2022)


@pytest.fixture
def case_method(study):
    """Cost 12 000, one effect of 10 000 a year for 40 % over 5 years at 4 %: NPV 5 807.29 per citizen
    (tests/methods/test_business_case.py works it out), payback 3.26 years."""
    return make_method(
        title="IPS med business case",
        business_cost=Decimal(12000),
        business_cost_source="Kommunernes regnskaber 2024",
        effects=[
            {
                "label": "I job eller uddannelse",
                "value_per_year": Decimal(10000),
                "share": Decimal("0.4"),
                "years": 5,
                "source_research": study,
            },
        ],
    )


def test_a_method_without_effects_shows_no_business_case(client):
    method = make_method()
    assert 'id="business-case"' not in client.get(method.url).content.decode()


def test_the_page_shows_the_figures_the_scenarios_and_every_assumption(client, case_method, study):
    html = section(client.get(case_method.url))

    assert "5.807 kr." in html  # NPV per citizen, expected
    assert "580.729 kr." in html  # per 100 citizens
    assert ">580.729</td>" in html  # and in the scenario table
    assert "efter 3,3 år" in html
    assert "Evaluering af IPS i ti kommuner</a> (2022)" in html
    assert "Kommunernes regnskaber 2024" in html
    assert "Ingen kilde" not in html and "Vær opmærksom" not in html
    assert html.count("<polyline") == 3  # one line per scenario
    # low (×0.5): 2 000 a year discounted = 8 903.64 → NPV −3 096; high (×1.5): 26 710.93 → 14 711
    assert ">-3.096</td>" in html and ">14.711</td>" in html
    assert 'id="business-case-data"' in html and "business-case.js" in html


def test_an_effect_without_a_source_is_flagged(client):
    method = make_method(
        business_cost=Decimal(5000),
        business_cost_source="Skøn",
        effects=[
            {"label": "Færre skadestuebesøg", "value_per_year": Decimal(3000), "share": Decimal("0.5"), "years": 3}
        ],
    )
    html = section(client.get(method.url))
    assert "Effekten «Færre skadestuebesøg» har ingen kilde." in html
    assert "Ingen kilde" in html


def test_the_cost_defaults_to_the_reports_and_a_share_can_be_measured(client, aarhus, odense):
    method = make_method(
        effects=[
            {
                "label": "Bedre trivsel",
                "value_per_year": Decimal(2000),
                "measured_share": True,
                "years": 2,
                "source_link": "https://example.org/trivsel",
            }
        ],
    )
    html = section(client.get(method.url))
    assert "Udgiften pr. borger kendes ikke endnu" in html
    assert "ikke målt endnu" in html

    a = adoption(method, aarhus, started=date(2024, 1, 1))
    b = adoption(method, odense, started=date(2024, 1, 1))
    report(a, date(2024, 1, 1), date(2024, 3, 31), 30, 20, 15, Decimal(1000))
    report(b, date(2024, 1, 1), date(2024, 3, 31), 30, 20, 5, Decimal(3000))
    html = section(client.get(method.url))
    # cost (30 × 1 000 + 30 × 3 000) / 60 = 2 000; share 20 of 40 asked = 50 %
    assert "2.000 kr. — gennemsnit af 2 resultatrapporter" in html
    assert "målt: 20 af 40 spurgte følte sig hjulpet" in html
    # 1 000 a year for 2 years at 4 %: 961.54 + 924.56 = 1 886.09 → NPV −114 per citizen
    assert "-114 kr." in html


def test_regn_selv_without_javascript_recomputes_on_the_server(client, case_method):
    query = {"citizens": "250", "horizon": "3", "low": "0,5", "expected": "1", "high": "2"}
    html = section(client.get(case_method.url, query))
    # 3 years: 4 000 × (0.9615385 + 0.9245562 + 0.8889964) = 11 100.364 → NPV −899.636; × 250 = −224 908.97
    assert 'data-result="citizens">250<' in html
    assert 'data-result="npv_total">-224.909<' in html
    assert 'value="250"' in html


def test_regn_selv_refuses_bad_input_and_names_the_field(client, case_method):
    html = section(client.get(case_method.url, {"citizens": "-3", "horizon": "40", "high": "x"}))
    assert "Der er fejl i regnestykket" in html
    assert "Antal borgere:" in html and "Tidshorisont (år):" in html and "Faktor, højt:" in html
    assert "data-calculator-result" not in html
