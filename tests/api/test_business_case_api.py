"""The business case API: reading (public, recomputed by query), writing (editors only, validated field by
field in Danish, nothing stored on a refusal), and agreement with the arithmetic."""

from decimal import Decimal

import pytest

from ideabank.accounts.roles import Role
from ideabank.methods.business_case import Effect, scenarios
from ideabank.methods.models import MethodPage
from tests.factories import ResearchItemFactory, UserFactory, make_method

pytestmark = pytest.mark.django_db


def url(method):
    return f"/api/v1/methods/{method.pk}/business-case"


def put(client, method, body, headers):
    return client.put(url(method), body, content_type="application/json", **headers)


@pytest.fixture
def method():
    return make_method(
        business_cost=Decimal(12000),
        business_cost_source="Kommunernes regnskaber 2024",
        effects=[{"label": "I job", "value_per_year": Decimal(10000), "share": Decimal("0.4"), "years": 5}],
    )


def valid_body(study=None):
    return {
        "cost_per_citizen": 20000,
        "cost_source": "https://example.org/udgift",
        "horizon_years": 10,
        "discount_rate": 0.035,
        "effects": [
            {
                "label": "Undgået anbringelse",
                "value_per_year": 8000,
                "share": 0.25,
                "years": 8,
                "source": study.pk if study else "https://example.org/effekt",
            },
            {"label": "I uddannelse", "value_per_year": 3000, "share": "measured", "years": 4, "source": None},
        ],
        "factors": {"low": 0.4, "high": 1.8},
    }


def test_get_returns_the_scenarios_computed_by_the_arithmetic(client, method):
    body = client.get(url(method)).json()

    expected = scenarios(12000, [Effect(10000, 0.4, 5)], 5, 0.04)
    assert body["cost_per_citizen"] == 12000
    assert body["horizon_years"] == 5 and body["discount_rate"] == pytest.approx(0.04)
    assert set(body["scenarios"]) == {"low", "expected", "high"}
    for name, result in expected.items():
        got = body["scenarios"][name]
        assert got["npv_per_citizen"] == pytest.approx(result.npv_per_citizen)
        assert got["benefit_per_citizen"] == pytest.approx(result.benefit_per_citizen)
        assert got["payback_years"] == (None if result.payback_years is None else pytest.approx(result.payback_years))
        assert got["break_even_share"] == pytest.approx(result.break_even_share)
    assert round(body["scenarios"]["expected"]["npv_per_citizen"]) == 5807
    assert body["effects"][0] | {"source": None} == {
        "label": "I job",
        "value_per_year": 10000.0,
        "share": 0.4,
        "share_from": "typed",
        "years": 5,
        "source": None,
        "sourced": False,
    }
    assert any("ingen kilde" in warning for warning in body["warnings"])


def test_citizens_and_horizon_recompute(client, method):
    body = client.get(url(method), {"citizens": 250, "horizon": 3, "high": "2"}).json()
    assert body["citizens"] == 250 and body["horizon_years"] == 3
    assert body["scenarios"]["expected"]["npv_total"] == pytest.approx(-224908.97, abs=0.01)
    assert body["scenarios"]["high"]["factor"] == 2.0
    assert len(body["scenarios"]["low"]["cumulative"]) == 4


def test_bad_query_is_refused_naming_the_field(client, method):
    response = client.get(url(method), {"citizens": 0, "horizon": 31})
    assert response.status_code == 422
    messages = [row["msg"] for row in response.json()["detail"]]
    assert any(message.startswith("Antal borgere:") for message in messages)
    assert any(message.startswith("Tidshorisont (år):") for message in messages)


def test_a_method_without_a_case_is_404_and_a_draft_is_hidden(client):
    response = client.get(url(make_method()))
    assert response.status_code == 404 and "ingen business case" in response.json()["detail"]
    draft = make_method(live=False, effects=[{"label": "X", "value_per_year": 1, "share": Decimal("0.1"), "years": 1}])
    assert client.get(url(draft)).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [(None, 401), (Role.MEDARBEJDER, 403), (Role.MODERATOR, 403), (Role.REDAKTOER, 200), (Role.ADMINISTRATOR, 200)],
)
def test_only_editors_write(client, token_for, method, role, status):
    headers = {} if role is None else token_for(UserFactory(role=role))
    response = put(client, method, valid_body(), headers)
    assert response.status_code == status
    stored = MethodPage.objects.get(pk=method.pk)
    assert (stored.business_horizon == 10) is (status == 200)


def test_put_stores_publishes_and_flags_effects_without_a_source(client, token_for, editor, method):
    study = ResearchItemFactory(title="Anbringelser og efterværn", year=2020)
    response = put(client, method, valid_body(study), token_for(editor))

    assert response.status_code == 200
    body = response.json()
    assert body["cost_per_citizen"] == 20000 and body["horizon_years"] == 10
    assert body["discount_rate"] == pytest.approx(0.035)
    assert body["factors"] == {"low": 0.4, "expected": 1.0, "high": 1.8}
    assert body["effects"][0]["source"]["research"]["title"] == "Anbringelser og efterværn"
    assert body["effects"][1]["share_from"] == "unmeasured" and body["effects"][1]["sourced"] is False
    assert [flag["field"] for flag in body["flags"]] == ["effects[1].source"]
    stored = MethodPage.objects.get(pk=method.pk)
    assert stored.live and not stored.has_unpublished_changes
    assert stored.business_discount_rate == Decimal("3.50")
    assert [effect.label for effect in stored.effects.order_by("sort_order")] == ["Undgået anbringelse", "I uddannelse"]
    assert client.get(url(method)).json()["scenarios"] == {
        name: {**result} for name, result in body["scenarios"].items()
    }


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"cost_per_citizen": -1}, "cost_per_citizen", "Udgift pr. borger: Må ikke være negativ."),
        ({"cost_source": ""}, "cost_source", "Kilde til udgiften: Angiv kilden"),
        ({"discount_rate": 0.25}, "discount_rate", "Diskonteringsrente: Må højst være 0.2"),
        ({"discount_rate": -0.01}, "discount_rate", "Diskonteringsrente: Må ikke være negativ."),
        ({"horizon_years": 0}, "horizon_years", "Tidshorisont: Skal være mindst 1."),
        ({"horizon_years": 31}, "horizon_years", "Tidshorisont: Må højst være 30."),
        ({"horizon_years": 2.5}, "horizon_years", "Tidshorisont: Skriv et helt tal."),
        ({"factors": {"low": -1}}, "factors.low", "Faktor, lavt scenarie: Må ikke være negativ."),
        ({"effects": []}, "effects", "Effekter: Angiv mindst én effekt."),
    ],
)
def test_bad_settings_are_refused_naming_the_field(client, token_for, editor, method, change, field, fragment):
    response = put(client, method, valid_body() | change, token_for(editor))
    assert response.status_code == 422
    rows = response.json()["detail"]
    assert any(row["field"] == field and row["msg"].startswith(fragment) for row in rows), rows
    assert MethodPage.objects.get(pk=method.pk).business_horizon == 5  # nothing stored


@pytest.mark.parametrize(
    ("effect", "field", "fragment"),
    [
        ({"share": 1.2}, "effects[0].share", "Effekt 1, andel: Må højst være 1."),
        ({"share": -0.1}, "effects[0].share", "Effekt 1, andel: Må ikke være negativ."),
        ({"value_per_year": -5}, "effects[0].value_per_year", "Effekt 1, værdi pr. år: Må ikke være negativ."),
        ({"years": 0}, "effects[0].years", "Effekt 1, varighed: Skal være mindst 1."),
        ({"label": " "}, "effects[0].label", "Effekt 1, navn: Skriv, hvad effekten er."),
        ({"label": "Borger 010203-1234"}, "effects[0].label", "Effekt 1, navn:"),
        ({"source": "ftp://x"}, "effects[0].source", "Effekt 1, kilde: Skriv et link"),
        ({"source": 999999}, "effects[0].source", "Effekt 1, kilde: Findes ikke i forskningsbiblioteket."),
    ],
)
def test_bad_effects_are_refused_naming_the_effect_and_field(
    client, token_for, editor, method, effect, field, fragment
):
    body = valid_body()
    body["effects"][0] = body["effects"][0] | effect
    response = put(client, method, body, token_for(editor))
    assert response.status_code == 422
    rows = response.json()["detail"]
    assert any(row["field"] == field and row["msg"].startswith(fragment) for row in rows), rows
    assert MethodPage.objects.get(pk=method.pk).effects.count() == 1


def test_a_method_with_unpublished_changes_is_409(client, token_for, editor, method):
    method.title = "Ny titel i kladde"
    method.save_revision(user=editor)
    response = put(client, method, valid_body(), token_for(editor))
    assert response.status_code == 409
    assert MethodPage.objects.get(pk=method.pk).business_horizon == 5
