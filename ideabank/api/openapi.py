"""What the OpenAPI schema says beyond what Ninja writes itself: error answers, rate limits, conditional GETs.

Ninja documents only the success codes each operation declares, so a client (or a schema-driven test) reading
/api/v1/openapi.json could not know that a 404 or a 422 is a normal answer. errors.py makes every error the
same shape; this says so in the schema, once, instead of on each of the operations. Operations that count
against a rate limit carry `openapi_extra=RATE_LIMITED`; their answers document the RateLimit-* headers.
Operations decorated with conditional.py's `conditional` carry `openapi_extra=CONDITIONAL`: ETag and
Last-Modified on 200, the request headers that ask for a 304, and the 304. Deprecated operations
(deprecation.py) document their Deprecation and Sunset headers.
"""

from django.db.models import Field
from django.utils.translation import gettext as _

FIELD_ERROR_SCHEMA = {
    "title": "FieldError",
    "type": "object",
    "required": ["msg"],
    "properties": {
        "field": {
            "anyOf": [{"type": "string"}, {"type": "null"}],
            "description": "The field the message is about (`encounters[3].needed` in a list), or null.",
        },
        "msg": {"type": "string", "description": "The message, starting with the field's name as the user knows it."},
        "loc": {
            "type": "array",
            "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            "description": "Where the value was (`body`, `query` …, then the field) when the request's shape is off.",
        },
        "type": {"type": "string", "description": "A machine-readable kind of error, when the request's shape is off."},
    },
}

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {
            "description": "A message in the user's language; for 422 the list of field errors (as in `errors`).",
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}}],
        },
        "errors": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/FieldError"},
            "description": "422 only: one entry per field error.",
        },
    },
}

ERRORS = {
    "400": "The request could not be read (for example, not valid JSON).",
    "401": "Not logged in, and no valid API token.",
    "403": "Not allowed for this user.",
    "404": "Not found, or not visible to this user.",
    "409": "Conflicts with the current state (for example, already done).",
    "413": "The request body is too large.",
    "422": "The input breaks a rule; `errors` lists each field and its error.",
    "429": "Too many requests; wait `Retry-After` seconds and try again.",
}
# Answers only a request with a body can get.
BODY_ERRORS = {"409", "413"}
BODY_METHODS = {"post", "put", "patch", "delete"}


def error_examples():
    """One answer per error status, in the request's language: the messages the API sends (errors.py)."""
    field_error = {"field": "title", "msg": f"{_('Titel')}: {Field.default_error_messages['blank']}"}
    return {
        "400": {"detail": _("Forespørgslen er ikke gyldig JSON.")},
        "401": {"detail": _("Du skal være logget ind eller sende en gyldig API-nøgle.")},
        "403": {"detail": _("Du har ikke adgang til dette.")},
        "404": {"detail": _("Findes ikke.")},
        "409": {"detail": _("Du har allerede stemt på denne idé.")},
        "413": {"detail": _("Forespørgslen er for stor (højst %(size)s KiB).") % {"size": 64}},
        "422": {"detail": [field_error], "errors": [field_error]},
        "429": {"detail": _("For mange forespørgsler. Vent lidt, og prøv igen.")},
    }


RATE_LIMITED = {"x-rate-limited": True}
CONDITIONAL = {"x-conditional": True}
INTEGER = {"schema": {"type": "integer", "minimum": 0}}
RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": {"description": "Requests allowed in the window.", **INTEGER},
    "RateLimit-Remaining": {"description": "Requests left in the window.", **INTEGER},
    "RateLimit-Reset": {"description": "Seconds until the window starts anew.", **INTEGER},
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before trying again.", **INTEGER}}
TEXT = {"schema": {"type": "string"}}
DEPRECATION_HEADERS = {
    "Deprecation": {"description": "When the deprecation was announced (`@` and seconds since 1970).", **TEXT},
    "Sunset": {"description": "The day the operation goes, at least six months later (HTTP date).", **TEXT},
}
VALIDATORS = {
    "ETag": {"description": "Changes whenever anything in the answer changes (also per user).", **TEXT},
    "Last-Modified": {"description": "When this exact answer was first sent (HTTP date).", **TEXT},
}
CONDITIONS = [
    {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "description": "The ETag(s) of the copy you have (or `*`): 304 with an empty body while it is current.",
        **TEXT,
    },
    {
        "name": "If-Modified-Since",
        "in": "header",
        "required": False,
        "description": "The Last-Modified of your copy: 304 if unchanged since (ignored with If-None-Match).",
        **TEXT,
    },
]
NOT_MODIFIED = {"description": "Not modified: your copy is current. No body; the same ETag.", "headers": VALIDATORS}


# The domains the operations are grouped by, in the order the docs page shows them.
TAGS = {
    "accounts": "Tokens, your profile, your data, and the organisations users belong to.",
    "taxonomy": "Reference data: municipalities, target groups and themes.",
    "search": "Full-text search over ideas and methods, suggestions and similar ideas.",
    "ideas": "Ideas from practice: post, edit, vote, comment, report, follow.",
    "attachments": "Files attached to an idea.",
    "methods": "Methods promoted from ideas, their assessments and knowledge declarations.",
    "spread": "Who uses which method (adoptions), their outcome reports, and the spread per method.",
    "encounters": "'Føler du dig hjulpet?': one answer per meeting, summaries and outcome drafts from them.",
    "business case": "What a method costs and what it saves.",
    "notifications": "Your notifications.",
    "open data": "Everything public, as CSV and JSON.",
}


def document_tags(schema):
    schema["tags"] = [{"name": name, "description": description} for name, description in TAGS.items()]
    return schema


def document_errors(schema):
    """Add the error answers and rate-limit headers to every operation of the schema (a dict as Ninja builds
    it) and return it."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ERROR_SCHEMA
    components["FieldError"] = FIELD_ERROR_SCHEMA
    examples = error_examples()
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                if status in BODY_ERRORS and method not in BODY_METHODS:
                    continue
                error = {"schema": {"$ref": "#/components/schemas/Error"}, "example": examples[status]}
                responses.setdefault(status, {"description": description, "content": {"application/json": error}})
            responses["429"] = {**responses["429"], "headers": RETRY_AFTER}
            if operation.get("deprecated"):
                add_headers(responses, DEPRECATION_HEADERS)
            if operation.pop("x-conditional", False):
                document_conditions(operation)
            if operation.pop("x-rate-limited", False):
                add_headers(responses, RATE_LIMIT_HEADERS, also="429")
    return schema


def add_headers(responses, headers, also=None):
    """Document `headers` on every 2xx answer (and on the status `also`)."""
    for status, response in responses.items():
        if str(status).startswith("2") or str(status) == also:
            response["headers"] = {**headers, **response.get("headers", {})}


def document_conditions(operation):
    operation.setdefault("parameters", []).extend(CONDITIONS)
    add_headers(operation["responses"], VALIDATORS)
    operation["responses"]["304"] = NOT_MODIFIED
