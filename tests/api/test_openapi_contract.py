"""The OpenAPI schema at /api/v1/openapi.json as a contract (#24): every operation of it is fully described, so
a new endpoint without a response schema, a tag or a documented error fails here."""

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from tests.factories import IdeaFactory, UserFactory

ERROR = {"$ref": "#/components/schemas/Error"}
ERROR_STATUSES = {"400", "401", "403", "404", "422", "429"}


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", method, operation


def named(media):
    """The schema of a JSON answer, if it is a named component (or a list of one)."""
    found = media.get("schema", {})
    found = found.get("items", found) if found.get("type") == "array" else found
    return found.get("$ref", "").startswith("#/components/schemas/")


def test_the_schema_is_valid_openapi_3_1(schema):
    assert schema["openapi"].startswith("3.1")
    validate(schema)


def test_every_success_answer_has_a_named_schema(schema):
    undescribed = []
    for name, _method, operation in operations(schema):
        for status, response in operation["responses"].items():
            if not str(status).startswith("2") or str(status) == "204":
                continue
            content = response.get("content", {})
            json = content.get("application/json")
            if json is not None and named(json):
                continue
            if "text/csv" in content:
                continue
            undescribed.append(f"{name} {status}")
    assert undescribed == []


def test_every_operation_documents_its_errors_with_the_one_error_schema(schema):
    for name, method, operation in operations(schema):
        responses = {str(status): response for status, response in operation["responses"].items()}
        expected = ERROR_STATUSES | ({"409", "413"} if method in ("post", "put", "patch", "delete") else set())
        assert expected <= set(responses), name
        for status in expected:
            assert responses[status]["content"]["application/json"]["schema"] == ERROR, (name, status)
        assert "Retry-After" in responses["429"]["headers"], name


def test_every_operation_has_a_summary_description_and_a_described_tag(schema):
    described = {tag["name"] for tag in schema["tags"] if tag.get("description")}
    for name, _method, operation in operations(schema):
        assert operation.get("summary"), name
        assert operation.get("description", "").strip(), name
        assert operation.get("tags") and set(operation["tags"]) <= described, name


def examples(operation):
    """(where, media) for the request body and each answer that has a body (errors too)."""
    bodies = [("request", operation.get("requestBody", {})), *operation["responses"].items()]
    for where, body in bodies:
        for media_type, media in body.get("content", {}).items():
            yield f"{where} {media_type}", media


def strict(components):
    """The named schemas refusing keys they do not declare, so an example with a misspelt field fails."""
    return {
        name: {"additionalProperties": False, **component} if "properties" in component else component
        for name, component in components.items()
    }


def test_every_request_body_and_answer_has_an_example_that_fits_its_schema(schema):
    components = {"schemas": strict(schema["components"]["schemas"])}
    missing, unfit = [], []
    for name, _method, operation in operations(schema):
        for where, media in examples(operation):
            if "example" not in media:
                missing.append(f"{name} {where}")
                continue
            validator = Draft202012Validator({**media["schema"], "components": components})
            unfit += [
                f"{name} {where}: {error.json_path} {error.message}"
                for error in validator.iter_errors(media["example"])
            ]
    assert missing == []
    assert unfit == []


def test_the_model_names_are_unique_and_every_reference_resolves(schema):
    components = schema["components"]["schemas"]
    references = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                references.add(node["$ref"].rsplit("/", 1)[-1])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema["paths"])
    walk(components)
    assert references <= set(components)
    operation_ids = [operation["operationId"] for _name, _method, operation in operations(schema)]
    assert len(operation_ids) == len(set(operation_ids))


def test_counts_dates_and_enums_say_their_range(schema):
    components = schema["components"]["schemas"]
    page = components["FacetedPage_IdeaOut_"]["properties"]
    assert page["count"] == {
        "description": "Rows in all pages together.",
        "minimum": 0,
        "title": "Count",
        "type": "integer",
    }
    idea = components["IdeaOut"]["properties"]
    assert idea["stage"]["enum"] == ["idea", "tried", "promising", "method", "evidence"]
    assert idea["votes"]["minimum"] == 0
    adoption = components["AdoptionOut"]["properties"]
    assert adoption["started"] == {"format": "date", "title": "Started", "type": "string"}
    assert adoption["status"]["enum"] == ["considering", "piloting", "implemented", "stopped"]


@pytest.mark.django_db
def test_rate_limited_operations_document_and_send_the_headers(schema, client, token_for):
    vote = schema["paths"]["/api/v1/ideas/{idea_id}/vote"]["post"]["responses"]
    assert {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} <= set(vote["200"]["headers"])
    assert "headers" not in schema["paths"]["/api/v1/ideas"]["get"]["responses"]["200"]

    staff = UserFactory()
    response = client.post(f"/api/v1/ideas/{IdeaFactory().pk}/vote", **token_for(staff))

    assert response.status_code == 200
    limit = int(response["RateLimit-Limit"])
    assert int(response["RateLimit-Remaining"]) == limit - 1
    assert 0 <= int(response["RateLimit-Reset"]) <= 3600


@pytest.mark.django_db
def test_a_field_error_answers_in_the_error_schema_shape(client, token_for):
    response = client.post(
        "/api/v1/ideas",
        {"title": "", "problem": "p", "solution": "s"},
        content_type="application/json",
        **token_for(UserFactory()),
    )

    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert [error["field"] for error in body["errors"]] == ["title"]
    assert body["errors"][0]["msg"]


@pytest.mark.django_db
def test_the_csv_export_is_described_as_csv(schema, client):
    documented = schema["paths"]["/api/v1/export/{name}.csv"]["get"]["responses"]["200"]["content"]
    assert list(documented) == ["text/csv"]
    assert client.get("/api/v1/export/ideas.csv")["Content-Type"].startswith("text/csv")
