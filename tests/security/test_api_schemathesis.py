"""Schemathesis over /api/v1/openapi.json (issue #14): generated requests to every operation, as a staff member
with a Bearer token. No answer may be a 5xx, and every answer must be one the schema documents (status code,
content type and body).

Bounded for CI: a few examples per operation, no deadline and no shrinking (a failure is reported as found).
`DELETE /me` is left out: it deletes the account the run is logged in with, and every later request would
answer 401.
"""

import sys
import traceback

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection, transaction
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from ideabank.accounts.roles import Role
from tests.factories import IdeaFactory, UserFactory
from tests.spread.helpers import INDICATORS, adoption, make_method

SCHEMA_URL = "/api/v1/openapi.json"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Only the generated requests: the coverage phase sends every boundary case of every parameter (hundreds per
# operation), which is more than a CI run can afford.
CONFIG = SchemathesisConfig.from_dict({"phases": {"examples": {"enabled": False}}})
# Operations the run must not make: they would delete the account it is logged in with.
SKIPPED = {("DELETE", "/api/v1/me")}


@pytest.fixture
def api_schema(db):
    """The schema as the running app serves it, loaded and exercised through Django's WSGI handler.

    The handler would close the database connection at the start and end of each request, which inside the
    test's transaction would lose it; Django's test client detaches those receivers the same way.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(SCHEMA_URL, get_wsgi_application(), config=CONFIG)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def server_errors():
    """The exceptions behind 500 answers, as "Error: message at file:line" (the project's own line)."""
    found = []

    def record(sender, request, **kwargs):
        error = sys.exc_info()[1]
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if "site-packages" not in frame.filename]
        where = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
        found.append(f"{type(error).__name__}: {error}{where}")

    signals.got_request_exception.connect(record)
    yield found
    signals.got_request_exception.disconnect(record)


schema = schemathesis.pytest.from_fixture("api_schema").exclude(
    func=lambda ctx: (ctx.operation.method.upper(), ctx.operation.full_path) in SKIPPED
)


@pytest.fixture
def bearer(db, token_for):
    """A staff member with an idea, a colleague's idea, a method their organisation uses, and a token."""
    staff = UserFactory(role=Role.MEDARBEJDER)
    IdeaFactory(author=staff, tags=["efterværn"])
    IdeaFactory(tags=["unge"])
    adoption(make_method(indicators=INDICATORS), staff.organisation, status="piloting")
    return {"Authorization": token_for(staff)["HTTP_AUTHORIZATION"]}


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_the_api_answers_as_its_schema_says(case, bearer, server_errors):
    # A request that breaks the database transaction is rolled back on its own, so it fails only itself and not
    # every request after it; what the others store is kept.
    server_errors.clear()
    savepoint = transaction.savepoint()
    # The WSGI transport hands back the raw body; gzip (GZipMiddleware) is for real clients, tested elsewhere.
    response = case.call(headers={**bearer, "Accept-Encoding": "identity"})
    if connection.needs_rollback or response.status_code >= 500:
        connection.needs_rollback = False
        transaction.savepoint_rollback(savepoint)
    else:
        transaction.savepoint_commit(savepoint)
    if server_errors:
        body = case.body if isinstance(case.body, dict | list | str) else None
        pytest.fail(f"{case.method} {case.formatted_path} body={body!r} query={case.query!r}: {server_errors[-1]}")
    case.validate_response(response, checks=CHECKS)
