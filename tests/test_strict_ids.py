"""Strict parsing of ids (issue #14): anything that is not a plain ASCII integer a database key can hold is a
400 or 404 — never a 500 — in forms, URLs, the API and the WebSocket router."""

import pytest
from channels.testing import WebsocketCommunicator

from ideabank.asgi import application
from ideabank.ids import parse_id
from tests.factories import IdeaFactory

HOSTILE = ["²", "٣", "１２", "-1", "0", "1.5", "abc", "", "9223372036854775808", "9" * 40]


@pytest.mark.parametrize("value", HOSTILE)
def test_parse_id_refuses_anything_but_a_plain_integer_in_range(value):
    assert parse_id(value) is None


@pytest.mark.parametrize("value", ["1", "42", "9223372036854775807", 7])
def test_parse_id_reads_a_plain_integer(value):
    assert parse_id(value) == int(value)


def test_parse_id_refuses_a_boolean():
    assert parse_id(True) is None


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE)
def test_forms_with_an_id_never_answer_500(client, staff, value):
    idea = IdeaFactory()
    client.force_login(staff)
    answers = [
        client.post("/notifikationer/laest/", {"id": value}),
        client.post("/ideer/foelg/", {"kind": "idea", "value": value}),
        client.post("/ideer/foelg/", {"kind": "method", "value": value}),
        client.post(f"/ideer/{idea.pk}/kommentarer/", {"body": "Godt forslag", "parent": value}),
        client.get("/soeg/", {"q": "ensomhed", "exclude": value}),
    ]
    assert [response.status_code for response in answers if response.status_code >= 500] == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/ideer/99999999999999999999/", "/ideer/9223372036854775808/stem/"])
def test_an_id_beyond_the_database_is_404(client, path):
    assert client.get(path).status_code in (404, 405)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body", [{"ids": [9223372036854775808]}, {"ids": [-1]}, {"ids": ["²"]}, {"ids": "1"}, {"ids": [0]}]
)
def test_notification_ids_out_of_range_are_a_client_error(client, staff, token_for, body):
    response = client.post("/api/v1/notifications/read", body, content_type="application/json", **token_for(staff))
    assert 400 <= response.status_code < 500
    assert "detail" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/ideas/99999999999999999999", "/api/v1/methods/9223372036854775808"])
def test_api_ids_beyond_the_database_are_404(client, path):
    response = client.get(path)
    assert response.status_code in (404, 422)
    assert "detail" in response.json()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/ws/unknown/", "/ws/ideas/abc/", "/ws/ideas/²/", "/anything"])
async def test_an_unknown_websocket_path_is_refused_at_the_handshake(path):
    communicator = WebsocketCommunicator(application, path, headers=[(b"origin", b"http://testserver")])
    accepted, _code = await communicator.connect()
    assert not accepted
    await communicator.disconnect()
