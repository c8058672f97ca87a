"""Changing an adoption's status and reporting its outcomes in the browser; who may."""

import pytest

from ideabank.spread import services
from ideabank.spread.models import IndicatorValue, OutcomeReport

from .helpers import days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def adoption(staff, method):
    return services.register(staff, method=method, status="piloting", started=days_ago(300))


def status_url(adoption):
    return f"/udbredelse/ibrugtagninger/{adoption.pk}/status/"


def outcome_url(adoption):
    return f"/udbredelse/ibrugtagninger/{adoption.pk}/resultater/ny/"


def status_form(adoption, **changes):
    data = {
        "status": adoption.status,
        "changed_on": days_ago(0).isoformat(),
        "reason": "",
        "started": adoption.started.isoformat(),
        "contact": adoption.contact_id,
    }
    data.update(changes)
    return data


def outcome_form(indicators=(), **changes):
    data = {
        "period_start": days_ago(120).isoformat(),
        "period_end": days_ago(30).isoformat(),
        "citizens_reached": "40",
        "citizens_asked": "30",
        "citizens_helped": "21",
        "cost_per_citizen": "1250,50",
        "note": "Vi nåede flere end ventet.",
    }
    for indicator in indicators:
        data[f"indicator_{indicator.pk}_baseline"] = ""
        data[f"indicator_{indicator.pk}_current"] = ""
    data.update(changes)
    return data


# ---- who may ----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [status_url, outcome_url])
def test_anonymous_go_to_the_login(client, adoption, url):
    response = client.get(url(adoption))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/log-ind/")


@pytest.mark.parametrize("url", [status_url, outcome_url])
def test_another_organisation_is_refused(client, outsider, adoption, url):
    client.force_login(outsider)
    assert client.get(url(adoption)).status_code == 403
    assert client.post(url(adoption), status_form(adoption, status="stopped", reason="x")).status_code == 403
    adoption.refresh_from_db()
    assert adoption.status == "piloting"


@pytest.mark.parametrize("who", ["colleague", "editor"])
def test_colleagues_and_editors_may(request, client, adoption, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(status_url(adoption)).status_code == 200
    assert client.get(outcome_url(adoption)).status_code == 200


def test_an_unknown_adoption_is_not_found(client, staff):
    client.force_login(staff)
    assert client.get("/udbredelse/ibrugtagninger/999999/status/").status_code == 404


def test_the_adoption_page_offers_the_actions_only_to_its_organisation(client, staff, outsider, adoption):
    client.force_login(outsider)
    page = client.get(f"/udbredelse/ibrugtagninger/{adoption.pk}/").content.decode()
    assert status_url(adoption) not in page
    client.force_login(staff)
    page = client.get(f"/udbredelse/ibrugtagninger/{adoption.pk}/").content.decode()
    assert status_url(adoption) in page and outcome_url(adoption) in page


# ---- status -----------------------------------------------------------------------------------


def test_a_status_change_is_dated_and_shown_in_the_history(client, staff, adoption):
    client.force_login(staff)
    response = client.post(
        status_url(adoption), status_form(adoption, status="implemented", changed_on=days_ago(10).isoformat())
    )

    assert response.status_code == 302
    assert response["Location"] == f"/udbredelse/ibrugtagninger/{adoption.pk}/"
    adoption.refresh_from_db()
    assert adoption.status == "implemented"
    assert [(c.status, c.changed_on) for c in adoption.history.all()] == [
        ("piloting", days_ago(300)),
        ("implemented", days_ago(10)),
    ]
    page = client.get(response["Location"]).content.decode()
    assert "Ændringen er gemt." in page
    assert "Implementeret" in page


def test_stopping_without_a_reason_shows_the_error_beside_the_reason(client, staff, adoption):
    client.force_login(staff)
    response = client.post(status_url(adoption), status_form(adoption, status="stopped"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Der er fejl i formularen" in page
    assert 'id="id_reason-error"' in page
    adoption.refresh_from_db()
    assert adoption.status == "piloting"
    assert adoption.history.count() == 1


def test_stopping_with_a_reason_shows_it_on_the_adoption(client, staff, adoption):
    client.force_login(staff)
    client.post(status_url(adoption), status_form(adoption, status="stopped", reason="Ingen <b>midler</b> i 2025."))

    page = client.get(f"/udbredelse/ibrugtagninger/{adoption.pk}/").content.decode()
    assert "Hvorfor de stoppede" in page
    assert "Ingen &lt;b&gt;midler&lt;/b&gt; i 2025." in page


def test_an_untouched_form_changes_nothing(client, staff, adoption):
    client.force_login(staff)
    client.post(status_url(adoption), status_form(adoption))
    adoption.refresh_from_db()
    assert adoption.history.count() == 1


def test_a_date_before_the_last_change_is_refused(client, staff, adoption):
    client.force_login(staff)
    response = client.post(
        status_url(adoption), status_form(adoption, status="implemented", changed_on=days_ago(400).isoformat())
    )
    assert 'id="id_changed_on-error"' in response.content.decode()


# ---- outcomes ---------------------------------------------------------------------------------


def test_a_report_with_indicators_is_saved_and_shown(client, staff, adoption, method, indicators):
    up, down = indicators
    client.force_login(staff)
    page = client.get(outcome_url(adoption)).content.decode()
    assert "Unge i uddannelse eller job" in page
    assert f'name="indicator_{up.pk}_baseline"' in page

    response = client.post(
        outcome_url(adoption),
        outcome_form(
            indicators,
            **{f"indicator_{up.pk}_baseline": "20", f"indicator_{up.pk}_current": "35,5"},
        ),
    )

    assert response.status_code == 302
    stored = OutcomeReport.objects.get()
    assert (stored.citizens_reached, stored.citizens_asked, stored.citizens_helped) == (40, 30, 21)
    assert str(stored.cost_per_citizen) == "1250.50"
    assert [(v.indicator, str(v.baseline), str(v.current)) for v in IndicatorValue.objects.all()] == [
        (up, "20.00", "35.50")
    ]
    page = client.get(response["Location"]).content.decode()
    assert "Tak! Resultaterne for perioden er gemt." in page
    assert "Vi nåede flere end ventet." in page
    method_page = client.get(method.url).content.decode()
    assert "Borgere nået" in method_page
    assert "70 %" in method_page  # 21 of 30


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"citizens_helped": "31"}, "citizens_helped"),
        ({"citizens_asked": "41"}, "citizens_asked"),
        ({"citizens_reached": "-3"}, "citizens_reached"),
        ({"citizens_reached": "mange"}, "citizens_reached"),
        ({"period_end": days_ago(121).isoformat()}, "period_end"),
        ({"period_end": days_ago(-7).isoformat()}, "period_end"),
        ({"note": "Borger 010190-1234 sagde ja"}, "note"),
        ({"cost_per_citizen": "-5"}, "cost_per_citizen"),
        ({"cost_per_citizen": "1.250,50"}, "cost_per_citizen"),
    ],
)
def test_bad_reports_show_the_error_beside_the_field(client, staff, adoption, changes, field):
    client.force_login(staff)
    response = client.post(outcome_url(adoption), outcome_form(**changes))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Der er fejl i formularen" in page
    assert f'id="id_outcome_{field}-error"' in page
    assert not OutcomeReport.objects.exists()


def test_half_an_indicator_is_an_error_on_the_missing_half(client, staff, adoption, indicators):
    up = indicators[0]
    client.force_login(staff)
    response = client.post(outcome_url(adoption), outcome_form(indicators, **{f"indicator_{up.pk}_baseline": "20"}))
    assert f'id="id_outcome_indicator_{up.pk}_current-error"' in response.content.decode()
    assert not OutcomeReport.objects.exists()


def test_an_overlapping_period_is_refused_beside_the_start(client, staff, adoption):
    client.force_login(staff)
    client.post(outcome_url(adoption), outcome_form())
    response = client.post(outcome_url(adoption), outcome_form(period_start=days_ago(60).isoformat()))

    page = response.content.decode()
    assert 'id="id_outcome_period_start-error"' in page
    assert "overlapper" in page
    assert OutcomeReport.objects.count() == 1
