"""The error answers in the OpenAPI schema: every operation documents the `{"detail": …}` errors it can give.

Ninja documents only the success codes each operation declares, so a client (or a schema-driven test) reading
/api/v1/openapi.json could not know that a 404 or a 422 is a normal answer. errors.py makes every error the
same shape; this says so in the schema, once, instead of on each of the operations.
"""

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {
            "title": "Detail",
            "description": "A message, or a list of field errors (`field`, `msg`) for 422.",
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "object"}}],
        }
    },
}

ERRORS = {
    "400": "The request could not be read (for example, not valid JSON).",
    "401": "Not logged in, and no valid API token.",
    "403": "Not allowed for this user.",
    "404": "Not found, or not visible to this user.",
    "409": "Conflicts with the current state (for example, already done).",
    "413": "The request body is too large.",
    "422": "The input breaks a rule; `detail` lists each field and its error.",
    "429": "Too many requests; wait and try again.",
}
# Answers only a request with a body can get.
BODY_ERRORS = {"409", "413"}
BODY_METHODS = {"post", "put", "patch", "delete"}


def document_errors(schema):
    """Add the error answers to every operation of the schema (a dict as Ninja builds it) and return it."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                if status in BODY_ERRORS and method not in BODY_METHODS:
                    continue
                responses.setdefault(status, {"description": description, **reference})
    return schema
