"""The spread API: adoptions, status changes, outcome reports, /spread, and the method detail's aggregates.

Every refusal answers 4xx naming the field and stores nothing.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from ideabank.spread import services
from ideabank.spread.models import Adoption, IndicatorValue, OutcomeReport, StatusChange
from tests.factories import IdeaFactory, UserFactory
from tests.spread.helpers import INDICATORS, make_method, report
from tests.spread.helpers import adoption as make_adoption

pytestmark = pytest.mark.django_db


def ago(days):
    return (timezone.localdate() - timedelta(days=days)).isoformat()


def post(client, url, body, headers):
    return client.post(url, body, content_type="application/json", **headers)


def patch(client, url, body, headers):
    return client.patch(url, body, content_type="application/json", **headers)


def fields(response):
    return {row.get("field") for row in response.json()["detail"]}


def messages(response):
    return " ".join(row["msg"] for row in response.json()["detail"])


@pytest.fixture
def method(db):
    return make_method(indicators=INDICATORS)


@pytest.fixture
def indicators(method):
    return list(method.indicators.all())


@pytest.fixture
def adoption(staff, method):
    return services.register(staff, method=method, status="piloting", started=date.today() - timedelta(days=400))


# ---- register ---------------------------------------------------------------------------------


def test_staff_register_an_adoption(client, staff, method, token_for):
    response = post(
        client, f"/api/v1/methods/{method.pk}/adoptions", {"status": "piloting", "started": ago(20)}, token_for(staff)
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["method"] == method.pk
    assert body["organisation"]["slug"] == staff.organisation.slug
    assert body["organisation"]["region"] == {"code": 1082, "name": "Region Midtjylland"}
    assert (body["status"], body["started"]) == ("piloting", ago(20))
    assert body["contact"]["id"] == staff.pk
    assert body["history"] == [{"status": "piloting", "changed_on": ago(20), "reason": None}]


def test_contact_and_reason_can_be_given(client, staff, colleague, method, token_for):
    body = {"status": "stopped", "started": ago(90), "contact": colleague.email.upper(), "reason": "Ingen midler."}
    response = post(client, f"/api/v1/methods/{method.pk}/adoptions", body, token_for(staff))

    assert response.status_code == 201, response.content
    assert response.json()["contact"]["id"] == colleague.pk
    assert response.json()["stopped_reason"] == "Ingen midler."


def test_a_second_adoption_is_409(client, staff, colleague, method, token_for):
    url = f"/api/v1/methods/{method.pk}/adoptions"
    post(client, url, {"status": "piloting", "started": ago(20)}, token_for(staff))

    again = post(client, url, {"status": "implemented", "started": ago(2)}, token_for(colleague))

    assert again.status_code == 409
    assert "allerede" in again.json()["detail"]
    assert Adoption.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"started": "2025-01-01"}, "status"),
        ({"status": "piloting"}, "started"),
        ({"status": "paused", "started": "2025-01-01"}, "status"),
        ({"status": "piloting", "started": "2025-02-30"}, "started"),
        ({"status": "piloting", "started": "sidste år"}, "started"),
        ({"status": "stopped", "started": "2025-01-01"}, "reason"),
        ({"status": "stopped", "started": "2025-01-01", "reason": "Borger 010190-1234"}, "reason"),
        ({"status": "piloting", "started": "FUTURE"}, "started"),
        ({"status": "piloting", "started": "2025-01-01", "contact": 999999}, "contact"),
        ({"status": "piloting", "started": "2025-01-01", "contact": True}, "contact"),
        ({"status": "piloting", "started": "2025-01-01", "organisation": "findes-ikke"}, "organisation"),
        ({"status": "piloting", "started": "2025-01-01", "organisation": "aarhus\x00"}, "organisation"),
        ({"status": "piloting", "started": "2025-01-01", "contact": "a\x00@b.dk"}, "contact"),
        ({"status": "piloting\x00", "started": "2025-01-01"}, "status"),
    ],
)
def test_bad_adoptions_are_422_naming_the_field(client, staff, method, token_for, body, field):
    if body.get("started") == "FUTURE":
        body["started"] = ago(-3)

    response = post(client, f"/api/v1/methods/{method.pk}/adoptions", body, token_for(staff))

    assert response.status_code == 422, response.content
    assert field in fields(response)
    assert not Adoption.objects.exists()
    assert not StatusChange.objects.exists()


def test_the_danish_message_names_the_field(client, staff, method, token_for):
    response = post(
        client, f"/api/v1/methods/{method.pk}/adoptions", {"status": "stopped", "started": ago(3)}, token_for(staff)
    )
    assert messages(response).startswith("Begrundelse: Skriv kort, hvorfor I er stoppet")


def test_a_contact_from_another_organisation_is_422(client, staff, outsider, method, token_for):
    body = {"status": "piloting", "started": ago(3), "contact": outsider.pk}
    response = post(client, f"/api/v1/methods/{method.pk}/adoptions", body, token_for(staff))
    assert response.status_code == 422
    assert fields(response) == {"contact"}


def test_staff_cannot_register_another_organisation(client, staff, odense, method, token_for):
    body = {"status": "piloting", "started": ago(3), "organisation": odense.slug}
    assert post(client, f"/api/v1/methods/{method.pk}/adoptions", body, token_for(staff)).status_code == 403
    assert not Adoption.objects.exists()


def test_editors_register_any_organisation(client, editor, outsider, odense, method, token_for):
    body = {"status": "piloting", "started": ago(3), "organisation": odense.slug, "contact": outsider.pk}
    response = post(client, f"/api/v1/methods/{method.pk}/adoptions", body, token_for(editor))
    assert response.status_code == 201, response.content
    assert response.json()["organisation"]["slug"] == odense.slug


def test_anonymous_is_401(client, method):
    response = client.post(
        f"/api/v1/methods/{method.pk}/adoptions",
        {"status": "piloting", "started": ago(3)},
        content_type="application/json",
    )
    assert response.status_code == 401
    assert not Adoption.objects.exists()


def test_unknown_and_draft_methods_are_404(client, staff, token_for):
    draft = make_method("Kladde", live=False)
    body = {"status": "piloting", "started": ago(3)}
    assert post(client, "/api/v1/methods/999999/adoptions", body, token_for(staff)).status_code == 404
    assert post(client, f"/api/v1/methods/{draft.pk}/adoptions", body, token_for(staff)).status_code == 404
    assert client.get(f"/api/v1/methods/{draft.pk}/adoptions").status_code == 404


def test_the_list_is_public_without_contacts(client, staff, outsider, adoption, method, token_for):
    public = client.get(f"/api/v1/methods/{method.pk}/adoptions").json()
    assert [row["id"] for row in public] == [adoption.pk]
    assert public[0]["contact"] is None

    signed_in = client.get(f"/api/v1/methods/{method.pk}/adoptions", **token_for(outsider)).json()
    assert signed_in[0]["contact"]["display_name"] == staff.display_name


def test_ideas_take_adoptions_too(client, staff, outsider, token_for):
    idea = IdeaFactory(author=outsider)
    response = post(
        client, f"/api/v1/ideas/{idea.pk}/adoptions", {"status": "considering", "started": ago(1)}, token_for(staff)
    )

    assert response.status_code == 201, response.content
    assert (response.json()["idea"], response.json()["method"]) == (idea.pk, None)
    assert [row["id"] for row in client.get(f"/api/v1/ideas/{idea.pk}/adoptions").json()] == [response.json()["id"]]
    hidden = IdeaFactory(status="hidden")
    assert (
        post(
            client, f"/api/v1/ideas/{hidden.pk}/adoptions", {"status": "piloting", "started": ago(1)}, token_for(staff)
        ).status_code
        == 404
    )


# ---- change -----------------------------------------------------------------------------------


def test_own_organisation_changes_the_status(client, colleague, adoption, token_for):
    response = patch(
        client,
        f"/api/v1/adoptions/{adoption.pk}",
        {"status": "stopped", "reason": "Målgruppen forsvandt.", "changed_on": ago(5)},
        token_for(colleague),
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["stopped_reason"]) == ("stopped", "Målgruppen forsvandt.")
    assert [step["status"] for step in body["history"]] == ["piloting", "stopped"]
    assert body["history"][-1] == {"status": "stopped", "changed_on": ago(5), "reason": "Målgruppen forsvandt."}


def test_only_the_fields_sent_change(client, staff, colleague, adoption, token_for):
    response = patch(client, f"/api/v1/adoptions/{adoption.pk}", {"contact": colleague.pk}, token_for(staff))
    assert response.status_code == 200
    assert response.json()["contact"]["id"] == colleague.pk
    assert response.json()["status"] == "piloting"
    assert len(response.json()["history"]) == 1


def test_another_municipalitys_adoption_is_403(client, outsider, adoption, token_for):
    response = patch(client, f"/api/v1/adoptions/{adoption.pk}", {"status": "implemented"}, token_for(outsider))
    assert response.status_code == 403
    adoption.refresh_from_db()
    assert adoption.status == "piloting"


def test_an_unknown_adoption_is_404(client, staff, token_for):
    assert patch(client, "/api/v1/adoptions/999999", {"status": "implemented"}, token_for(staff)).status_code == 404
    assert patch(client, f"/api/v1/adoptions/{2**70}", {"status": "implemented"}, token_for(staff)).status_code in (
        404,
        422,
    )


def test_editors_change_any(client, editor, adoption, token_for):
    assert (
        patch(client, f"/api/v1/adoptions/{adoption.pk}", {"status": "implemented"}, token_for(editor)).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "stopped"}, "reason"),
        ({"status": "nope"}, "status"),
        ({"status": "implemented", "changed_on": "FUTURE"}, "changed_on"),
        ({"status": "implemented", "changed_on": "2000-01-01"}, "changed_on"),
        ({"started": "FUTURE"}, "started"),
        ({"contact": "nobody@example.org"}, "contact"),
    ],
)
def test_bad_changes_are_422_and_change_nothing(client, staff, adoption, token_for, body, field):
    body = {key: ago(-2) if value == "FUTURE" else value for key, value in body.items()}

    response = patch(client, f"/api/v1/adoptions/{adoption.pk}", body, token_for(staff))

    assert response.status_code == 422, response.content
    assert field in fields(response)
    adoption.refresh_from_db()
    assert adoption.status == "piloting"
    assert adoption.history.count() == 1


def test_anonymous_cannot_patch(client, adoption):
    response = client.patch(
        f"/api/v1/adoptions/{adoption.pk}", {"status": "implemented"}, content_type="application/json"
    )
    assert response.status_code == 401


# ---- outcomes ---------------------------------------------------------------------------------


def outcome(**changes):
    body = {
        "period_start": ago(180),
        "period_end": ago(90),
        "citizens_reached": 40,
        "citizens_asked": 30,
        "citizens_helped": 21,
        "indicators": {},
        "cost_per_citizen": 1250.5,
        "note": "Et godt kvartal.",
    }
    body.update(changes)
    return body


def test_an_outcome_report_is_201(client, staff, adoption, indicators, token_for):
    up = indicators[0]
    response = post(
        client,
        f"/api/v1/adoptions/{adoption.pk}/outcomes",
        outcome(indicators={str(up.pk): {"baseline": 20, "current": 35.5}}),
        token_for(staff),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["citizens_reached"], body["citizens_asked"], body["citizens_helped"]) == (40, 30, 21)
    assert body["cost_per_citizen"] == 1250.5
    assert body["indicators"] == {str(up.pk): {"baseline": 20.0, "current": 35.5}}
    assert [row["id"] for row in client.get(f"/api/v1/adoptions/{adoption.pk}/outcomes").json()] == [body["id"]]


BAD_OUTCOMES = [
    ({"citizens_helped": 31}, "citizens_helped"),
    ({"citizens_asked": 41}, "citizens_asked"),
    ({"citizens_reached": -1}, "citizens_reached"),
    ({"citizens_asked": -1}, "citizens_asked"),
    ({"citizens_helped": -1}, "citizens_helped"),
    ({"citizens_reached": "mange"}, "citizens_reached"),
    ({"citizens_reached": 4.5}, "citizens_reached"),
    ({"citizens_reached": None}, "citizens_reached"),
    ({"period_end": "PERIOD_START"}, "period_end"),
    ({"period_end": "FUTURE"}, "period_end"),
    ({"period_start": "31-12-2024"}, "period_start"),
    ({"note": "Borgeren 010190-1234 svarede ja"}, "note"),
    ({"note": "x" * 4001}, "note"),
    ({"indicators": {"999999": {"baseline": 1, "current": 2}}}, "indicators"),
    ({"indicators": {"INDICATOR": {"baseline": "lav", "current": 2}}}, "indicators"),
    ({"indicators": {"INDICATOR": {"current": 2}}}, "indicators"),
    ({"cost_per_citizen": -5}, "cost_per_citizen"),
    ({"cost_per_citizen": "gratis"}, "cost_per_citizen"),
    ({"cost_per_citizen": "NaN"}, "cost_per_citizen"),
    ({"cost_per_citizen": 1e12}, "cost_per_citizen"),
    ({"indicators": ["not", "a", "mapping"]}, "indicators"),
    ({"note": "nul\x00byte"}, "note"),
]


@pytest.mark.parametrize(("changes", "field"), BAD_OUTCOMES)
def test_bad_outcomes_are_422_naming_the_field_and_store_nothing(
    client, staff, adoption, indicators, token_for, changes, field
):
    body = outcome(**changes)
    if body["period_end"] == "PERIOD_START":
        body["period_end"] = body["period_start"]
    if body["period_end"] == "FUTURE":
        body["period_end"] = ago(-1)
    if isinstance(body["indicators"], dict) and "INDICATOR" in body["indicators"]:
        body["indicators"] = {str(indicators[0].pk): body["indicators"]["INDICATOR"]}

    response = post(client, f"/api/v1/adoptions/{adoption.pk}/outcomes", body, token_for(staff))

    assert response.status_code == 422, response.content
    assert field in fields(response)
    assert not OutcomeReport.objects.exists()
    assert not IndicatorValue.objects.exists()


def test_an_overlapping_period_is_422(client, staff, adoption, token_for):
    url = f"/api/v1/adoptions/{adoption.pk}/outcomes"
    assert post(client, url, outcome(), token_for(staff)).status_code == 201

    response = post(client, url, outcome(period_start=ago(100), period_end=ago(10)), token_for(staff))

    assert response.status_code == 422
    assert fields(response) == {"period_start"}
    assert "overlapper" in messages(response)
    assert OutcomeReport.objects.count() == 1


def test_reporting_on_another_organisations_adoption_is_403(client, outsider, adoption, token_for):
    response = post(client, f"/api/v1/adoptions/{adoption.pk}/outcomes", outcome(), token_for(outsider))
    assert response.status_code == 403
    assert not OutcomeReport.objects.exists()


def test_reporting_needs_a_user(client, adoption):
    response = client.post(f"/api/v1/adoptions/{adoption.pk}/outcomes", outcome(), content_type="application/json")
    assert response.status_code == 401


# ---- spread and the method detail -------------------------------------------------------------


def test_spread_lists_every_published_method_with_counts_regions_and_timeline(client, method, aarhus, odense):
    make_adoption(method, aarhus, status="implemented", started=date(2024, 1, 1))
    make_adoption(method, odense, status="considering", started=date(2024, 6, 1))
    quiet = make_method("Ingen bruger den")
    make_adoption(make_method("Kladde", live=False), aarhus)

    body = client.get("/api/v1/spread").json()

    assert body["count"] == 2
    rows = {row["id"]: row for row in body["results"]}
    row = rows[method.pk]
    assert row["counts"] == {"considering": 1, "piloting": 0, "implemented": 1, "stopped": 0}
    assert (row["total"], row["in_use"]) == (2, 1)
    assert [(r["code"], r["counts"]["implemented"], r["counts"]["considering"]) for r in row["regions"]] == [
        (1082, 1, 0),
        (1083, 0, 1),
    ]
    assert [(p["date"], p["registered"], p["in_use"]) for p in row["timeline"]] == [
        ("2024-01-01", 1, 1),
        ("2024-06-01", 2, 1),
    ]
    assert rows[quiet.pk]["total"] == 0 and rows[quiet.pk]["timeline"] == []


def test_the_method_detail_carries_spread_and_outcomes(client, method, indicators, aarhus, odense):
    a = make_adoption(method, aarhus, started=date(2024, 1, 1))
    o = make_adoption(method, odense, started=date(2024, 1, 1))
    report(a, date(2024, 1, 1), date(2024, 3, 31), 40, 30, 21, Decimal(1000), {indicators[0]: (20, 30)})
    report(o, date(2024, 1, 1), date(2024, 3, 31), 10, 10, 9, None, {indicators[0]: (10, 16)})

    body = client.get(f"/api/v1/methods/{method.pk}").json()

    assert body["spread"]["total"] == 2
    outcomes = body["outcomes"]
    assert (outcomes["reports"], outcomes["citizens_reached"]) == (2, 50)
    share = outcomes["share_helped"]
    assert (share["helped"], share["asked"], share["value"]) == (30, 40, 0.75)
    # Wilson, 30 of 40: centre (0.75 + 0.048018)/1.096036 = 0.728095, half-width 0.130034
    assert share["interval_95"] == [0.5981, 0.8581]
    assert outcomes["cost_per_citizen"] == 1000.0  # only Aarhus gave a cost
    jobs = outcomes["indicators"][0]
    assert (jobs["baseline"], jobs["current"], jobs["change"], jobs["organisations"]) == (15.0, 23.0, 8.0, 2)
    assert [row["organisation"]["slug"] for row in outcomes["organisations"]] == [aarhus.slug, odense.slug]
    assert [indicator["id"] for indicator in body["indicators"]] == [i.pk for i in indicators]


def test_a_user_outside_any_organisation_gets_a_clear_error(client, method, token_for):
    loner = UserFactory(organisation=None)
    response = post(
        client, f"/api/v1/methods/{method.pk}/adoptions", {"status": "piloting", "started": ago(3)}, token_for(loner)
    )
    assert response.status_code == 422
    assert "organisation" in messages(response)
