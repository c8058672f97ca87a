"""Pages and API answers gzipped at nginx's default level with Django's BREACH padding (ideabank/compression.py)."""

import gzip

import pytest

from ideabank import compression
from tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ideas(staff):
    return IdeaFactory.create_batch(5, author=staff, title="Ensomhed blandt ældre")


def test_a_page_is_gzipped_at_level_one(client, ideas):
    page = client.get("/ideer/").content

    response = client.get("/ideer/", headers={"accept-encoding": "gzip"})

    html = gzip.decompress(response.content)
    assert response["Content-Encoding"] == "gzip"
    assert response["Content-Length"] == str(len(response.content))
    assert html.count(b"<main") == page.count(b"<main") == 1
    assert response.content[8] == 4  # the gzip header's XFL: compressed with the fastest algorithm


def test_each_answer_is_padded_by_a_random_length():
    lengths = {len(compression.compressed("<p>Idébanken</p>".encode() * 40)) for _ in range(40)}

    assert len(lengths) > 10
    assert all(gzip.decompress(compression.compressed(b"<p>x</p>" * 40)) == b"<p>x</p>" * 40 for _ in range(3))


def test_a_client_without_gzip_gets_the_page_as_it_is(client, ideas):
    response = client.get("/ideer/", headers={"accept-encoding": "identity"})

    assert not response.has_header("Content-Encoding")
    assert b"<main" in response.content
    assert "Accept-Encoding" in response["Vary"]


def test_a_strong_etag_is_weakened_when_compressed(client, ideas):
    response = client.get(f"/api/v1/ideas/{ideas[0].pk}", headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert response["ETag"].startswith('W/"')
