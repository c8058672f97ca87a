"""A client generated from /api/v1/openapi.json with openapi-python-client (pinned in [dev]), as an integrator
would make it, runs a journey through its typed methods against the app (#24).

Generation must give no warning, and every answer on the way must come back as the generated model, not as
untyped JSON: that is what the contract promises a case system or an analyst's script.
"""

import importlib
import io
import json
import subprocess
import sys
from datetime import date, timedelta

import httpx
import pytest
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from ideabank.accounts.roles import Role
from tests.attachments.files import pdf
from tests.factories import PASSWORD, IdeaFactory, UserFactory
from tests.spread.helpers import INDICATORS, make_method

PACKAGE = "idebanken_client"


@pytest.fixture(scope="module")
def generated(tmp_path_factory, django_db_blocker):
    """The client package, generated into a temporary folder and imported."""
    from django.test import Client

    folder = tmp_path_factory.mktemp("client")
    with django_db_blocker.unblock():
        schema = Client().get("/api/v1/openapi.json").json()
    (folder / "openapi.json").write_text(json.dumps(schema))
    (folder / "config.yml").write_text(f"post_hooks: []\npackage_name_override: {PACKAGE}\n")
    run = subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(folder / "openapi.json"),
            "--output-path",
            str(folder / PACKAGE),
            "--meta",
            "none",
            "--config",
            str(folder / "config.yml"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    output = (run.stdout + run.stderr).lower()
    assert "warning" not in output and "error" not in output, run.stdout + run.stderr
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))
        for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


@pytest.fixture
def transport(db):
    """Requests go through Django's WSGI handler inside the test's transaction (as in the schemathesis test)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield httpx.WSGITransport(app=get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def api(generated, module):
    return importlib.import_module(f"{PACKAGE}.api.{module}")


def test_a_generated_client_runs_the_integrators_journey_typed(generated, transport):
    models = importlib.import_module(f"{PACKAGE}.models")
    staff = UserFactory(role=Role.MEDARBEJDER)
    colleague_idea = IdeaFactory(tags=["efterværn"])
    method = make_method(indicators=INDICATORS)
    anonymous = generated.Client(base_url="http://testserver", httpx_args={"transport": transport})

    token = api(generated, "accounts.create_token").sync(
        client=anonymous, body=models.TokenRequest(email=staff.email, password=PASSWORD)
    )
    assert isinstance(token, models.TokenOut)
    client = generated.AuthenticatedClient(
        base_url="http://testserver", token=token.token, httpx_args={"transport": transport}
    )

    idea = api(generated, "ideas.create_idea").sync(
        client=client,
        body=models.IdeaIn(title="Fast ven i weekenden", problem="Unge er alene.", solution="En frivillig ven."),
    )
    assert isinstance(idea, models.IdeaDetailOut) and idea.stage == models.IdeaOutStage.IDEA

    voted = api(generated, "ideas.vote").sync(colleague_idea.pk, client=client)
    assert isinstance(voted, models.VoteOut) and (voted.votes, voted.voted) == (1, True)

    comment = api(generated, "ideas.add_comment").sync(
        colleague_idea.pk, client=client, body=models.CommentIn(body="Det prøver vi også.")
    )
    assert isinstance(comment, models.CommentOut) and comment.depth == 1

    page = api(generated, "ideas.list_ideas").sync(client=anonymous, tag="efterværn")
    assert isinstance(page, models.FacetedPageIdeaOut)
    assert [row.id for row in page.results] == [colleague_idea.pk]
    assert all(isinstance(value, models.FacetValueOut) for value in page.facets["tag"])

    adoption = api(generated, "spread.adopt_method").sync(
        method.pk, client=client, body=models.AdoptionIn(status="piloting", started=date.today() - timedelta(days=90))
    )
    assert isinstance(adoption, models.AdoptionOut) and adoption.status == models.AdoptionOutStatus.PILOTING

    end = date.today() - timedelta(days=1)
    outcome = api(generated, "spread.report_outcome").sync(
        adoption.id,
        client=client,
        body=models.OutcomeIn(
            period_start=end - timedelta(days=30),
            period_end=end,
            citizens_reached=12,
            citizens_asked=10,
            citizens_helped=7,
        ),
    )
    assert isinstance(outcome, models.OutcomeReportOut) and outcome.citizens_helped == 7

    encounter = api(generated, "encounters.register").sync(
        adoption.id, client=client, body=models.EncounterIn(answer=models.EncounterInAnswer.HELPED)
    )
    assert isinstance(encounter, models.EncounterOut)

    spread = api(generated, "spread.spread").sync(client=anonymous)
    assert isinstance(spread, models.PageMethodSpreadOut)
    [row] = spread.results
    assert (row.id, row.counts.piloting, row.in_use) == (method.pk, 1, 1)

    detail = api(generated, "methods.method_detail").sync(method.pk, client=anonymous)
    assert isinstance(detail, models.MethodDetailOut) and isinstance(detail.spread, models.SpreadOut)

    types = importlib.import_module(f"{PACKAGE}.types")
    attachment = api(generated, "attachments.add_attachment").sync(
        idea.id,
        client=client,
        body=models.AddAttachmentMultiPartBodyParams(
            file=types.File(payload=io.BytesIO(pdf("Plan for weekendvenner")), file_name="plan.pdf"),
            description="Planen for weekenderne",
        ),
    )
    assert isinstance(attachment, models.AttachmentOut) and attachment.description == "Planen for weekenderne"


def test_a_generated_client_writes_and_reads_a_business_case_and_polls_conditionally(generated, transport):
    models = importlib.import_module(f"{PACKAGE}.models")
    method = make_method(indicators=INDICATORS)
    editor = UserFactory(role=Role.REDAKTOER)
    anonymous = generated.Client(base_url="http://testserver", httpx_args={"transport": transport})
    token = api(generated, "accounts.create_token").sync(
        client=anonymous, body=models.TokenRequest(email=editor.email, password=PASSWORD)
    )
    client = generated.AuthenticatedClient(
        base_url="http://testserver", token=token.token, httpx_args={"transport": transport}
    )

    saved = api(generated, "business_case.put_business_case").sync(
        method.pk,
        client=client,
        body=models.BusinessCaseIn.from_dict(
            {
                "cost_per_citizen": 20000,
                "cost_source": "Kommunens regnskab 2025",
                "effects": [{"label": "Undgået anbringelse", "value_per_year": 8000, "share": 0.25, "years": 8}],
            }
        ),
    )
    assert isinstance(saved, models.BusinessCaseSavedOut) and saved.cost_per_citizen == 20000

    case = api(generated, "business_case.business_case").sync(method.pk, client=anonymous, citizens="10")
    assert isinstance(case, models.BusinessCaseOut) and isinstance(case.scenarios, models.ScenariosOut)

    read = api(generated, "methods.method_detail").sync_detailed(method.pk, client=anonymous)
    again = api(generated, "methods.method_detail").sync_detailed(
        method.pk, client=anonymous, if_none_match=read.headers["ETag"]
    )
    assert (read.status_code, again.status_code, again.parsed) == (200, 304, None)


def test_an_error_comes_back_as_the_generated_error_model(generated, transport):
    models = importlib.import_module(f"{PACKAGE}.models")
    client = generated.Client(base_url="http://testserver", httpx_args={"transport": transport})

    missing = api(generated, "ideas.idea_detail").sync(2**40, client=client)

    assert isinstance(missing, models.Error) and isinstance(missing.detail, str)
