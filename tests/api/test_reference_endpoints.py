"""Public reference data in the API, the OpenAPI schema and unknown paths."""

import pytest

from ideabank.accounts.models import Organisation
from ideabank.taxonomy.models import TargetGroup, Theme
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200, **extra):
    response = client.get(url, **extra)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


# --- municipalities --------------------------------------------------------------------------


def test_municipalities_lists_all_98(client):
    body = get_json(client, "/api/v1/municipalities")
    assert len(body) == 98
    for item in body:
        assert set(item) == {"code", "name", "region_code", "region_name"}
        assert isinstance(item["code"], int)
        assert item["region_code"] in range(1081, 1086)
        assert item["region_name"].startswith("Region ")


def test_municipalities_are_sorted_by_code_and_unique(client):
    codes = [item["code"] for item in get_json(client, "/api/v1/municipalities")]
    assert codes == sorted(codes)
    assert len(set(codes)) == 98


def test_municipality_aarhus(client):
    body = {item["code"]: item for item in get_json(client, "/api/v1/municipalities")}
    assert body[751] == {"code": 751, "name": "Aarhus", "region_code": 1082, "region_name": "Region Midtjylland"}
    assert body[101]["name"] == "København"
    assert body[101]["region_name"] == "Region Hovedstaden"


def test_municipalities_need_no_auth_and_ignore_a_session(client, staff):
    client.force_login(staff)
    assert len(get_json(client, "/api/v1/municipalities")) == 98


def test_public_endpoints_accept_a_token_too(client, staff, token_for):
    assert len(get_json(client, "/api/v1/municipalities", **token_for(staff))) == 98


# --- organisations ---------------------------------------------------------------------------


def test_organisations_include_every_municipality(client):
    body = get_json(client, "/api/v1/organisations")
    assert len(body) == Organisation.objects.count()
    kommuner = [item for item in body if item["kind"] == "kommune"]
    assert len(kommuner) == 98
    assert {item["municipality_code"] for item in kommuner} == {
        item["code"] for item in get_json(client, "/api/v1/municipalities")
    }


def test_organisation_fields(client, aarhus):
    body = {item["id"]: item for item in get_json(client, "/api/v1/organisations")}
    assert body[aarhus.pk] == {
        "id": aarhus.pk,
        "name": "Aarhus Kommune",
        "slug": aarhus.slug,
        "kind": "kommune",
        "municipality_code": 751,
        "region_code": 1082,
    }


def test_organisations_filter_by_kind(client):
    forening = OrganisationFactory(name="Kirkens Korshær")
    kommuner = get_json(client, "/api/v1/organisations?kind=kommune")
    assert len(kommuner) == 98
    assert all(item["kind"] == "kommune" for item in kommuner)

    foreninger = get_json(client, "/api/v1/organisations?kind=civilsamfund")
    assert [item["name"] for item in foreninger] == ["Kirkens Korshær"]
    assert foreninger[0]["municipality_code"] is None
    assert foreninger[0]["region_code"] is None
    assert foreninger[0]["id"] == forening.pk


def test_organisations_do_not_leak_email_domains(client, aarhus):
    aarhus.email_domains = "aarhus.dk"
    aarhus.save()
    body = get_json(client, "/api/v1/organisations")
    assert all("email_domains" not in item for item in body)


# --- vocabularies ----------------------------------------------------------------------------


def test_target_groups(client):
    body = get_json(client, "/api/v1/target-groups")
    assert len(body) == TargetGroup.objects.count()
    names = {item["name"] for item in body}
    assert {"Hjemløse", "Borgere med autisme", "Døve og hørehæmmede"} <= names
    for item in body:
        assert set(item) == {"id", "name", "slug", "description"}
        assert item["slug"]


def test_themes(client):
    body = get_json(client, "/api/v1/themes")
    assert len(body) == Theme.objects.count()
    names = {item["name"] for item in body}
    assert {"Bolig og hjemløshed", "Misbrugsbehandling"} <= names
    for item in body:
        assert set(item) == {"id", "name", "slug", "description"}


def test_a_new_target_group_shows_up(client):
    TargetGroup.objects.create(name="Unge med spiseforstyrrelser")
    body = get_json(client, "/api/v1/target-groups")
    assert "unge-med-spiseforstyrrelser" in {item["slug"] for item in body}


# --- schema and unknown paths ----------------------------------------------------------------


def test_openapi_schema_is_valid_json_with_paths(client):
    schema = get_json(client, "/api/v1/openapi.json")
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Idébanken API"
    paths = schema["paths"]
    for path in (
        "/api/v1/auth/token",
        "/api/v1/me",
        "/api/v1/municipalities",
        "/api/v1/organisations",
        "/api/v1/target-groups",
        "/api/v1/themes",
    ):
        assert path in paths, path
    assert "post" in paths["/api/v1/auth/token"]
    assert "get" in paths["/api/v1/me"]


def test_openapi_schema_documents_the_auth_schemes(client):
    schema = get_json(client, "/api/v1/openapi.json")
    schemes = schema["components"]["securitySchemes"]
    assert any(scheme.get("scheme", "").lower() == "bearer" for scheme in schemes.values())


UNKNOWN_PATHS = ["/api/v1/no-such-endpoint", "/api/v1/no-such-endpoint/", "/api/v1/municipalities/999/x"]


@pytest.mark.parametrize("path", UNKNOWN_PATHS)
def test_unknown_api_path_is_404(client, path):
    response = client.get(path)
    assert response.status_code == 404


@pytest.mark.parametrize("path", UNKNOWN_PATHS)
def test_unknown_api_path_is_a_json_error(client, path):
    """DESIGN §6: API errors are JSON {"detail": …} — also for a path the API does not know."""
    body = get_json(client, path, status=404)
    assert set(body) == {"detail"}


def test_wrong_method_is_405(client):
    response = client.delete("/api/v1/municipalities")
    assert response.status_code == 405
