"""Production logs: one JSON object per line, each request once with its id, user, status and duration."""

import json
import logging

import pytest

from ideabank.ops.logs import JsonFormatter


@pytest.fixture
def request_log(caplog):
    caplog.set_level(logging.INFO, logger="ideabank.request")
    return lambda: [record for record in caplog.records if record.name == "ideabank.request"]


def formatted(record):
    return json.loads(JsonFormatter().format(record))


@pytest.mark.django_db
def test_each_request_is_logged_once_as_json(client, request_log):
    response = client.get("/healthz")

    (record,) = request_log()
    line = formatted(record)
    assert line["level"] == "INFO"
    assert line["method"] == "GET"
    assert line["path"] == "/healthz"
    assert line["status"] == 200
    assert line["duration_ms"] >= 0
    assert line["time"].endswith("+00:00")
    assert line["request_id"] == response["X-Request-ID"]
    assert line["user_id"] is None


def test_the_proxys_request_id_is_kept_and_a_strange_one_replaced(client, request_log):
    kept = client.get("/healthz", HTTP_X_REQUEST_ID="0123456789abcdef0123")
    replaced = client.get("/healthz", HTTP_X_REQUEST_ID='x"\n{forged}')

    assert kept["X-Request-ID"] == "0123456789abcdef0123"
    assert replaced["X-Request-ID"] != 'x"\n{forged}'
    assert len(replaced["X-Request-ID"]) == 32
    assert [formatted(record)["request_id"] for record in request_log()] == [
        kept["X-Request-ID"],
        replaced["X-Request-ID"],
    ]


def test_a_logged_in_users_requests_carry_their_id(client, staff, request_log):
    client.force_login(staff)

    client.get("/notifikationer/")

    line = formatted(request_log()[-1])
    assert line["user_id"] == staff.pk
    assert line["status"] == 200


def test_records_logged_inside_a_request_carry_its_id_and_extras(client, caplog, monkeypatch):
    from ideabank.ops import logs

    token = logs.request_id_var.set("abcdef0123456789")
    try:
        record = logging.makeLogRecord({"name": "search", "levelname": "WARNING", "msg": "Elasticsearch %s failed"})
        record.args = ("match",)
        record.kind = "idea"
        line = formatted(record)
    finally:
        logs.request_id_var.reset(token)

    assert line["message"] == "Elasticsearch match failed"
    assert line["request_id"] == "abcdef0123456789"
    assert line["kind"] == "idea"
