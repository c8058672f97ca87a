"""CSV injection (issue #14): a cell that a spreadsheet would run as a formula is written with a leading
apostrophe (the OWASP rule); the JSON keeps the text as it is, and numbers stay numbers."""

import csv
import io
import json

import pytest
from django.utils import timezone

from ideabank.spread.export_columns import neutralise_formula
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil.example","Klik")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tTAB", "\rCR"]


@pytest.mark.parametrize("title", FORMULAS)
def test_a_title_that_starts_like_a_formula_is_neutralised_in_csv_only(client, title):
    idea = IdeaFactory(title=title, published_at=timezone.now())

    body = b"".join(client.get("/api/v1/export/ideas.csv").streaming_content).decode().removeprefix("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body)))
    document = json.loads(b"".join(client.get("/api/v1/export/ideas.json").streaming_content))

    row = next(row for row in rows if row["id"] == str(idea.pk))
    assert row["title"] == "'" + title
    assert next(row for row in document["rows"] if row["id"] == idea.pk)["title"] == title


@pytest.mark.parametrize("cell", ["Fast kontaktperson", "1+1=2", "Mødet kl. 10", "", "'allerede citeret"])
def test_ordinary_text_is_written_as_it_is(cell):
    assert neutralise_formula(cell) == cell


def test_numbers_stay_numbers(client):
    IdeaFactory(title="=1+1", published_at=timezone.now(), vote_count=0)
    body = b"".join(client.get("/api/v1/export/ideas.csv").streaming_content).decode().removeprefix("\ufeff")
    for row in csv.DictReader(io.StringIO(body)):
        assert not row["id"].startswith("'")
