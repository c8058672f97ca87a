"""Open data exports: CSV and JSON carry the same rows under the documented columns, only public content,
and never anything personal."""

import csv
import datetime
import io
import json
from uuid import uuid4

import pytest
from django.utils import timezone

from ideabank.ideas.models import Idea
from ideabank.spread.exports import EXPORTS
from ideabank.spread.models import Adoption, AdoptionStatus, Encounter
from tests.factories import IdeaFactory, OrganisationFactory, UserFactory, municipal_organisation

from .helpers import INDICATORS, adoption, days_ago, make_method, report

pytestmark = pytest.mark.django_db

SECRET_NAMES = ("Xenia Quorndottir", "Balthazar Ymirsen", "Zephyrine Kvistgaard")
SECRET_EMAILS = ("xenia.secret@aarhus.dk", "balthazar.secret@odense.dk", "zephyrine.secret@aarhus.dk")
# The business case export (#23): one effect with a source, one without.
BUSINESS_EFFECTS = [
    {"label": "I job", "value_per_year": "10000", "share": "0.4", "years": 5, "source_link": "https://example.org/job"},
    {"label": "Færre indlæggelser", "value_per_year": "3000", "measured_share": True, "years": 2},
]
SECRET_NOTE = "Fortrolig note om borgeren Hemmelig Borgesen"


def fetch(client, name, fmt):
    response = client.get(f"/api/v1/export/{name}.{fmt}")
    assert response.status_code == 200, response.content
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def parse_csv(body):
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


@pytest.fixture
def world(db):
    """Public and non-public content written by people with distinctive names and e-mail addresses."""
    aarhus, odense = municipal_organisation(751), municipal_organisation(461)
    ngo = OrganisationFactory(name="Foreningen Fælles Fodfæste")
    people = [
        UserFactory(display_name=name, email=email, organisation=organisation, job_title="Fortrolig titel")
        for name, email, organisation in zip(SECRET_NAMES, SECRET_EMAILS, (aarhus, odense, aarhus), strict=True)
    ]
    published = IdeaFactory(author=people[0], title="Lektiecafé i boligområdet", results="Flere unge bestod.")
    archived = IdeaFactory(author=people[1], status=Idea.Status.ARCHIVED, title="Arkiveret idé om værested")
    draft = IdeaFactory(author=people[0], status=Idea.Status.DRAFT, published_at=None, title="Hemmelig kladde")
    pending = IdeaFactory(author=people[1], status=Idea.Status.PENDING, published_at=None, title="Afventende idé")
    hidden = IdeaFactory(author=people[2], status=Idea.Status.HIDDEN, title="Skjult idé")
    published.tags.add("lektier", "unge")
    method = make_method(indicators=INDICATORS, effects=BUSINESS_EFFECTS)
    unpublished = make_method(title="Udgivet ikke endnu", live=False, effects=BUSINESS_EFFECTS)
    used = adoption(
        method,
        aarhus,
        status=AdoptionStatus.IMPLEMENTED,
        started=days_ago(700),
        history=[(days_ago(700), "considering"), (days_ago(500), "piloting"), (days_ago(300), "implemented")],
        contact=people[0],
    )
    stopped = adoption(method, odense, status=AdoptionStatus.STOPPED, started=days_ago(600), contact=people[1])
    stopped.stopped_reason = "Ingen midler efter budgetforhandlingerne."
    stopped.save()
    adoption(unpublished, aarhus, contact=people[2])
    idea_adoption = Adoption.objects.create(
        idea=published, organisation=ngo, status=AdoptionStatus.PILOTING, started=days_ago(100)
    )
    rising, falling = method.indicators.all()
    first = report(used, days_ago(400), days_ago(310), 40, 30, 21, cost="1250.50", values={rising: ("20", "35")})
    first.note = SECRET_NOTE
    first.reported_by = people[0]
    first.save()
    report(used, days_ago(300), days_ago(210), 60, 50, 40, cost="1000.00", values={falling: ("12", "8")})
    report(stopped, days_ago(550), days_ago(460), 10, 10, 3)
    for answer, n in (("helped", 6), ("not_helped", 2)):
        for _ in range(n):
            Encounter.objects.create(adoption=used, met_on=days_ago(20), answer=answer, source="staff", uuid=uuid4())
    return {
        "people": people,
        "public_ideas": [published, archived],
        "private_ideas": [draft, pending, hidden],
        "method": method,
        "unpublished": unpublished,
        "used": used,
        "stopped": stopped,
        "idea_adoption": idea_adoption,
    }


@pytest.mark.parametrize("name", list(EXPORTS))
def test_csv_round_trips_to_the_json(client, world, name):
    export = EXPORTS[name]
    document = json.loads(fetch(client, name, "json"))
    rows = parse_csv(fetch(client, name, "csv"))
    assert document["export"] == name
    assert document["columns"] == export.column_names
    assert rows[0] == export.column_names
    assert len(rows) - 1 == len(document["rows"]) > 0
    for line, row in zip(rows[1:], document["rows"], strict=True):
        assert list(row) == export.column_names
        assert line == [column.csv_value(row[column.name]) for column in export.columns]
        for column, cell in zip(export.columns, line, strict=True):
            value = row[column.name]
            if column.kind == "json" and value is not None:
                assert json.loads(cell) == value
            elif column.kind == "integer" and value is not None:
                assert int(cell) == value
            elif column.kind == "decimal" and value is not None:
                assert float(cell) == value


@pytest.mark.parametrize("name", list(EXPORTS))
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_no_personal_data_in_any_export(client, world, name, fmt):
    body = fetch(client, name, fmt)
    for person in world["people"]:
        assert person.display_name not in body
        assert person.email not in body
        assert person.email.split("@")[0] not in body
    assert "@" not in body
    assert "Fortrolig" not in body
    assert "Hemmelig" not in body


def test_only_public_ideas(client, world):
    rows = json.loads(fetch(client, "ideas", "json"))["rows"]
    assert {row["id"] for row in rows} == {idea.pk for idea in world["public_ideas"]}
    row = next(row for row in rows if row["title"] == "Lektiecafé i boligområdet")
    assert row["organisation"] == "Aarhus Kommune"
    assert row["municipality_code"] == 751
    assert row["organisation_kind"] == "kommune"
    assert row["tags"] == ["lektier", "unge"]
    assert row["url"].endswith(f"/ideer/{row['id']}/")
    assert row["results"] == "Flere unge bestod."


def test_only_live_methods_with_their_adoption_counts(client, world):
    rows = json.loads(fetch(client, "methods", "json"))["rows"]
    assert [row["id"] for row in rows] == [world["method"].pk]
    assert rows[0]["adoptions"] == 2
    assert rows[0]["adoptions_implemented"] == 1 and rows[0]["adoptions_stopped"] == 1
    assert rows[0]["adoptions_considering"] == 0


def test_adoptions_carry_their_history_and_only_public_targets(client, world):
    rows = {row["id"]: row for row in json.loads(fetch(client, "adoptions", "json"))["rows"]}
    assert set(rows) == {world["used"].pk, world["stopped"].pk, world["idea_adoption"].pk}
    assert [step["status"] for step in rows[world["used"].pk]["history"]] == ["considering", "piloting", "implemented"]
    assert rows[world["used"].pk]["history"][0]["date"] == days_ago(700).isoformat()
    assert rows[world["stopped"].pk]["stopped_reason"] == "Ingen midler efter budgetforhandlingerne."
    on_idea = rows[world["idea_adoption"].pk]
    assert on_idea["method_id"] is None and on_idea["idea_title"] == "Lektiecafé i boligområdet"
    assert on_idea["organisation"] == "Foreningen Fælles Fodfæste" and on_idea["municipality_code"] is None


def test_outcomes_are_aggregated_per_method_and_per_organisation_period(client, world):
    rows = json.loads(fetch(client, "outcomes", "json"))["rows"]
    method_rows = [row for row in rows if row["level"] == "method"]
    periods = [row for row in rows if row["level"] == "period"]
    assert len(method_rows) == 1 and len(periods) == 3
    total = method_rows[0]
    assert (total["reports"], total["citizens_reached"], total["citizens_asked"], total["citizens_helped"]) == (
        3,
        110,
        90,
        64,
    )
    assert total["share_helped"] == round(64 / 90, 4)
    assert total["share_low"] < total["share_helped"] < total["share_high"]
    # (1250.50 × 40 + 1000 × 60) / 100 citizens reached with a cost.
    assert total["cost_per_citizen"] == 1100.2
    assert total["organisation"] is None and total["indicators"] is None
    first = next(row for row in periods if row["period_start"] == days_ago(400).isoformat())
    assert first["organisation"] == "Aarhus Kommune"
    assert first["indicators"] == [
        {"indicator": INDICATORS[0][0], "unit": "procent", "direction": "up", "baseline": 20.0, "current": 35.0}
    ]
    assert first["cost_per_citizen"] == 1250.5
    assert "note" not in first and "reported_by" not in first
    # Odense's period: 3 of 10 felt helped. A count below five is never published; the share of 10 is.
    odense = next(row for row in periods if row["organisation"] == "Odense Kommune")
    assert (odense["citizens_asked"], odense["citizens_helped"], odense["share_helped"]) == (10, None, 0.3)


def test_documented_columns_equal_the_export_headers(client, world):
    page = client.get("/aabne-data/").content.decode()
    for name, export in EXPORTS.items():
        section = page.split(f'data-export="{name}"')[1].split("</table>")[0]
        documented = [cell.split("</code>")[0] for cell in section.split('<th scope="row"><code>')[1:]]
        assert documented == export.column_names
        assert parse_csv(fetch(client, name, "csv"))[0] == documented
        assert f"/api/v1/export/{name}.csv" in page and f"/api/v1/export/{name}.json" in page


def test_open_data_page_is_linked_from_the_footer(client, db):
    footer = client.get("/").content.decode().split("<footer")[1]
    assert 'href="/aabne-data/"' in footer


def test_unknown_export_is_a_json_404(client, db):
    response = client.get("/api/v1/export/users.csv")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_large_export_is_streamed_in_chunks(client, world, monkeypatch):
    from ideabank.spread import export_rows

    monkeypatch.setattr(export_rows, "CHUNK", 1)
    author = world["people"][0]
    IdeaFactory.create_batch(5, author=author, published_at=timezone.now() - datetime.timedelta(days=1))
    response = client.get("/api/v1/export/ideas.csv")
    stream = iter(response.streaming_content)
    assert next(stream).decode() == "\ufeff"
    header = next(stream).decode()
    assert header.startswith("id,url,title")
    assert len(parse_csv(header + "".join(chunk.decode() for chunk in stream))) == 1 + 7


def test_business_cases_of_live_methods_with_their_scenarios(client, world):
    """Cost: the reports' mean weighted by citizens reached, (40 × 1 250.50 + 60 × 1 000) / 100 = 1 100.20.
    The measured share is 64 of 90 asked. The figures are the page's and the API's."""
    from ideabank.api.business_case import case_out
    from ideabank.spread.economics import business_case

    rows = json.loads(fetch(client, "business-cases", "json"))["rows"]
    assert [row["method_id"] for row in rows] == [world["method"].pk]  # not the unpublished one
    row = rows[0]
    assert row["cost_per_citizen"] == 1100.2 and row["cost_from"] == "reports"
    assert row["effects"][1]["share"] == round(64 / 90, 4) and row["effects"][1]["share_from"] == "measured"
    assert row["effects"][0]["source"] == "https://example.org/job" and row["effects"][1]["source"] is None
    assert row["unsourced_effects"] == 1
    api = case_out(business_case(world["method"]))
    for name in ("low", "expected", "high"):
        assert row[f"npv_per_citizen_{name}"] == round(api["scenarios"][name]["npv_per_citizen"], 2)
