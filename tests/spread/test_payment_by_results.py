"""Payment by results: what an adoption's measured results so far would be paid, per priced indicator."""

from datetime import date
from decimal import Decimal

import pytest

from ideabank.spread import economics, queries

from .helpers import adoption, make_method, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def priced(method, indicators):
    """In job or education (percent, up): 40 000 kr. per citizen who gets there, target 50 %.
    Days with drug use (mean per citizen, down): 100 kr. per day less."""
    job, days = indicators
    job.price, job.target, job.counting = Decimal(40000), Decimal(50), "share"
    job.save()
    days.price, days.counting = Decimal(100), "per_citizen"
    days.save()
    return job, days


def test_payments_count_improvements_in_the_desired_direction_only(client, method, priced, aarhus):
    job, days = priced
    a = adoption(method, aarhus, started=date(2024, 1, 1))
    # Period 1, 40 citizens: job 20 → 30 % = 10 points of 40 = 4 outcomes → 160 000;
    # days 10 → 6 = 4 days less for each of 40 = 160 → 16 000.
    report(a, date(2024, 1, 1), date(2024, 3, 31), 40, 30, 20, values={job: (20, 30), days: (10, 6)})
    # Period 2, 20 citizens: both went the wrong way → 0, never a deduction.
    report(a, date(2024, 4, 1), date(2024, 6, 30), 20, 10, 5, values={job: (30, 25), days: (6, 8)})

    payments = economics.adoption_payments(a, list(queries.adoption_reports(a)))

    rows = {row["indicator"].pk: row for row in payments["rows"]}
    assert rows[job.pk]["achieved"] == 4 and rows[job.pk]["payment"] == 160000
    assert rows[job.pk]["latest"] == 25 and rows[job.pk]["target_reached"] is False
    assert rows[days.pk]["achieved"] == 160 and rows[days.pk]["payment"] == 16000
    assert rows[days.pk]["target_reached"] is None  # no target set
    assert payments["total"] == 176000

    page = client.get(f"/udbredelse/ibrugtagninger/{a.pk}/").content.decode()
    assert "Resultatbaseret afregning" in page
    assert "176.000 kr." in page and "160.000 kr." in page and "16.000 kr." in page
    assert "ikke nået" in page


def test_a_group_total_counts_the_change_itself(method, indicators, aarhus):
    job, _days = indicators
    job.price, job.counting, job.target = Decimal(1000), "total", Decimal(12)
    job.save()
    a = adoption(method, aarhus, started=date(2024, 1, 1))
    report(a, date(2024, 1, 1), date(2024, 3, 31), 40, 30, 20, values={job: (5, 12)})
    payments = economics.adoption_payments(a, list(queries.adoption_reports(a)))
    assert payments["total"] == 7000
    assert payments["rows"][0]["target_reached"] is True


def test_no_prices_no_section(client, method, indicators, aarhus):
    a = adoption(method, aarhus, started=date(2024, 1, 1))
    assert economics.adoption_payments(a, []) is None
    assert "Resultatbaseret afregning" not in client.get(f"/udbredelse/ibrugtagninger/{a.pk}/").content.decode()
    idea_only = make_method(title="Uden indikatorer")
    assert economics.adoption_payments(adoption(idea_only, aarhus), []) is None


def test_the_adoption_api_carries_the_payments(client, method, priced, aarhus):
    job, days = priced
    a = adoption(method, aarhus, started=date(2024, 1, 1))
    report(a, date(2024, 1, 1), date(2024, 3, 31), 40, 30, 20, values={job: (20, 30), days: (10, 6)})
    body = client.get(f"/api/v1/adoptions/{a.pk}").json()["payment_by_results"]
    assert body["total"] == 176000.0
    assert [(row["name"], row["achieved"], row["payment"]) for row in body["indicators"]] == [
        (job.name, 4.0, 160000.0),
        (days.name, 160.0, 16000.0),
    ]
