"""The encounters API: register (idempotent by uuid), bulk (all or nothing), summary (exact for the
organisation and editors, suppressed below five for everyone else), citizen codes, the outcome draft and the
open-data file — and every refusal names the field and stores nothing."""

import json
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from ideabank.spread.models import CitizenCode, Encounter
from tests.factories import UserFactory
from tests.spread.helpers import adoption as make_adoption
from tests.spread.helpers import make_method

pytestmark = pytest.mark.django_db


def ago(days):
    return (timezone.localdate() - timedelta(days=days)).isoformat()


def post(client, url, body, headers):
    return client.post(f"/api/v1{url}", body, content_type="application/json", **headers)


@pytest.fixture
def method(db):
    return make_method()


@pytest.fixture
def adoption(method, aarhus):
    return make_adoption(method, aarhus, started=timezone.localdate() - timedelta(days=200))


def url(adoption, rest=""):
    return f"/adoptions/{adoption.pk}/encounters{rest}"


def add(adoption, answer, n, days=3):
    Encounter.objects.bulk_create(
        Encounter(adoption=adoption, met_on=ago(days), answer=answer, source="staff", uuid=uuid.uuid4())
        for _ in range(n)
    )


def test_register_then_repeat_the_uuid(client, staff, adoption, token_for):
    headers = token_for(staff)
    key = str(uuid.uuid4())
    body = {"answer": "helped", "met_on": ago(1), "needed": "Mere tid til samtalen", "uuid": key}

    first = post(client, url(adoption), body, headers)
    again = post(client, url(adoption), body, headers)

    assert first.status_code == 201, first.content
    assert first.json()["answer"] == "helped" and first.json()["uuid"] == key
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert Encounter.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"answer": "great"}, "answer", "Svar: Vælg et af svarene"),
        ({"answer": "helped", "met_on": "2999-01-01"}, "met_on", "Mødedato: Mødet kan ikke ligge i fremtiden"),
        ({"answer": "helped", "met_on": "2000-01-01"}, "met_on", "før organisationen begyndte"),
        ({"answer": "helped", "needed": "cpr 0101901234"}, "needed", "CPR-nummer"),
        ({"answer": "helped", "uuid": "x"}, "uuid", "UUID"),
    ],
)
def test_bad_input_answers_422_naming_the_field(client, staff, adoption, token_for, body, field, words):
    response = post(client, url(adoption), body, token_for(staff))

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert [row["field"] for row in detail] == [field]
    assert words in detail[0]["msg"]
    assert not Encounter.objects.exists()


def test_errors_are_in_english_for_english_users(client, adoption, token_for, aarhus):
    english = UserFactory(organisation=aarhus, language="en")
    response = post(client, url(adoption), {"answer": "great"}, {**token_for(english), "HTTP_ACCEPT_LANGUAGE": "en"})
    assert response.status_code == 422
    assert "Choose one of the answers" in response.json()["detail"][0]["msg"]


def test_who_may_register(client, adoption, token_for, staff, outsider, editor, administrator):
    assert post(client, url(adoption), {"answer": "helped"}, {}).status_code == 401
    assert post(client, url(adoption), {"answer": "helped"}, token_for(outsider)).status_code == 403
    assert post(client, "/adoptions/999999/encounters", {"answer": "helped"}, token_for(staff)).status_code == 404
    assert not Encounter.objects.exists()
    for user in (staff, editor, administrator):
        assert post(client, url(adoption), {"answer": "helped"}, token_for(user)).status_code == 201


def test_bulk_stores_all_or_nothing(client, staff, adoption, token_for):
    headers = token_for(staff)
    good = [{"answer": "helped", "uuid": str(uuid.uuid4()), "met_on": ago(2)} for _ in range(499)]
    bad = [*good, {"answer": "helped", "met_on": "2999-01-01"}]

    refused = post(client, url(adoption, "/bulk"), {"encounters": bad}, headers)
    assert refused.status_code == 422
    assert [row["field"] for row in refused.json()["detail"]] == ["encounters[499].met_on"]
    assert not Encounter.objects.exists()

    stored = post(client, url(adoption, "/bulk"), {"encounters": good}, headers)
    assert stored.status_code == 201
    assert stored.json()["created"] == 499
    repeated = post(client, url(adoption, "/bulk"), {"encounters": good[:10]}, headers)
    assert repeated.status_code == 200 and repeated.json()["repeated"] == 10
    assert Encounter.objects.count() == 499


def test_bulk_refuses_more_than_500(client, staff, adoption, token_for):
    body = {"encounters": [{"answer": "helped"}] * 501}
    response = post(client, url(adoption, "/bulk"), body, token_for(staff))
    assert response.status_code in (413, 422)
    assert not Encounter.objects.exists()


def test_summary_is_exact_for_the_organisation_and_suppressed_for_others(
    client, adoption, staff, outsider, editor, token_for
):
    add(adoption, "helped", 7)
    add(adoption, "partly", 2)
    add(adoption, "not_helped", 1)
    add(adoption, "declined", 5)
    path = f"/api/v1{url(adoption, '/summary')}"

    public = client.get(path).json()
    other = client.get(path, **token_for(outsider)).json()
    own = client.get(path, **token_for(staff)).json()
    edited = client.get(path, **token_for(editor)).json()

    assert public["asked"] == 10 and public["helped"] == 7 and public["declined"] == 5
    assert public["partly"] is None and public["not_helped"] is None
    assert public["share_helped"] == 0.7 and public["ci_low"] is not None
    assert other == public
    assert own["partly"] == 2 and own["not_helped"] == 1 and own["exact"] is True
    assert edited == own


def test_summary_of_fewer_than_five_answers_shows_no_share(client, adoption):
    add(adoption, "helped", 4)
    body = client.get(f"/api/v1{url(adoption, '/summary')}").json()
    assert body["asked"] is None and body["share_helped"] is None and body["ci_low"] is None


def test_summary_counts_the_period(client, adoption, staff, token_for):
    add(adoption, "helped", 3, days=40)
    add(adoption, "helped", 2, days=5)
    body = client.get(f"/api/v1{url(adoption, '/summary')}?from={ago(10)}&to={ago(0)}", **token_for(staff)).json()
    assert body["helped"] == 2


def test_citizen_codes(client, adoption, staff, outsider, token_for):
    assert post(client, f"/adoptions/{adoption.pk}/citizen-codes", {}, token_for(outsider)).status_code == 403

    response = post(client, f"/adoptions/{adoption.pk}/citizen-codes", {}, token_for(staff))

    assert response.status_code == 201
    body = response.json()
    assert body["url"].endswith(f"/svar/{body['code']}/")
    assert CitizenCode.objects.get().code == body["code"]


def test_the_outcome_draft(client, adoption, staff, outsider, token_for):
    add(adoption, "helped", 6, days=20)
    add(adoption, "not_helped", 2, days=20)
    add(adoption, "declined", 1, days=20)
    path = f"/api/v1/adoptions/{adoption.pk}/outcomes/draft?period_start={ago(30)}&period_end={ago(1)}"

    assert client.get(path, **token_for(outsider)).status_code == 403
    draft = client.get(path, **token_for(staff)).json()

    assert draft["citizens_asked"] == 8 and draft["citizens_helped"] == 6
    assert draft["citizens_reached"] is None and draft["period_start"] == ago(30)

    # Sent on with the reached count added, it is an ordinary outcome report.
    body = {key: draft[key] for key in ("period_start", "period_end", "citizens_asked", "citizens_helped")}
    stored = post(client, f"/adoptions/{adoption.pk}/outcomes", {**body, "citizens_reached": 12}, token_for(staff))
    assert stored.status_code == 201, stored.content


def test_the_open_data_file_suppresses_small_counts_and_holds_no_text(client, adoption, staff):
    add(adoption, "helped", 6)
    add(adoption, "not_helped", 2)
    Encounter.objects.update(needed="Hemmelig tekst om en borger")

    rows = json.loads(b"".join(client.get("/api/v1/export/encounters.json").streaming_content))["rows"]
    csv_text = b"".join(client.get("/api/v1/export/encounters.csv").streaming_content).decode()

    assert len(rows) == 1
    row = rows[0]
    assert row["method_id"] == adoption.method_id and row["organisation"] == "Aarhus Kommune"
    assert (row["asked"], row["helped"], row["not_helped"], row["partly"]) == (8, 6, None, None)
    assert row["share_helped"] == 0.75
    assert "Hemmelig" not in csv_text and "Hemmelig" not in str(rows)


def test_a_signed_in_session_posts_with_its_csrf_token_as_the_bench_target_does(adoption, staff):
    """The request bench/load.py sends for the `encounter` target: session cookie, X-CSRFToken, Origin."""
    from django.test import Client

    from bench.load import EncounterState, Requests

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff)
    browser.get("/udbredelse/mine-metoder/")  # sets the CSRF cookie, as the login page does for the bench
    cookies = {name: morsel.value for name, morsel in browser.cookies.items()}
    requests = Requests({"kind": "encounter"}, "http://testserver", {staff.email: cookies})
    state = EncounterState(0, 1, [staff.email])

    method, address, headers, body, expected = requests.encounter(0, state, {staff.email: adoption.pk})
    headers = {key: value for key, value in headers.items() if key not in ("Cookie", "Content-Type")}
    meta = {"HTTP_" + key.upper().replace("-", "_"): value for key, value in headers.items()}
    response = browser.generic(
        method, address.removeprefix("http://testserver"), body, content_type="application/json", secure=True, **meta
    )

    assert (method, response.status_code) == ("POST", expected), response.content
    assert Encounter.objects.filter(adoption=adoption, registered_by=staff).count() == 1
