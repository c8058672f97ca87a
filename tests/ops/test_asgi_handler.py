"""HTTP over ASGI runs the synchronous middleware stack and view in one trip to a worker thread
(ideabank/ops/asgi_handler.py), and still serves what it served before: pages, errors, async views."""

import pytest
from asgiref import sync
from channels.testing import HttpCommunicator
from django.http import HttpResponse
from django.urls import path

from ideabank.asgi import application
from ideabank.ops.asgi_handler import SynchronousStackHandler

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADERS = [(b"host", b"testserver"), (b"x-forwarded-proto", b"https")]


async def async_view(request):
    return HttpResponse("async")


urlpatterns = [path("async/", async_view)]


@pytest.fixture
def trips_to_the_event_loop(monkeypatch):
    """How often the request's thread handed work back to the event loop (async_to_sync)."""
    calls = []
    original = sync.AsyncToSync.__call__

    def counted(self, *args, **kwargs):
        calls.append(self.awaitable)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(sync.AsyncToSync, "__call__", counted)
    return calls


async def get(app, url):
    response = await HttpCommunicator(app, "GET", url, headers=HEADERS).get_response()
    return response["status"], response["body"]


async def test_a_page_is_served_without_going_back_to_the_event_loop(trips_to_the_event_loop):
    status, body = await get(application, "/_floor/")

    assert status == 200
    assert body
    assert trips_to_the_event_loop == []


async def test_a_missing_page_is_still_a_404_page():
    status, body = await get(application, "/findes-ikke/")

    assert status == 404
    assert b"Siden findes ikke" in body


async def test_an_async_view_still_works(settings):
    settings.ROOT_URLCONF = __name__

    status, body = await get(SynchronousStackHandler(), "/async/")

    assert (status, body) == (200, b"async")
