"""Downloads keep the idea's visibility: a draft's, a pending or hidden idea's file is a 404 for others."""

import pytest
from django.test import override_settings

from ideabank.ideas.models import Idea

from . import files

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_published_ideas_document_downloads_with_safe_headers(client, idea, attach):
    attachment = attach(idea, name="drejebog.pdf")

    response = client.get(attachment.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="drejebog.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src" in response["Content-Security-Policy"]
    assert body(response).startswith(b"%PDF-")


def test_an_image_shows_inline_and_has_a_thumbnail(client, idea, attach):
    attachment = attach(idea, name="opstilling.jpg", content=files.jpeg_with_gps(), description="Borde og stole")

    response = client.get(attachment.get_absolute_url())
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Content-Type"] == "image/jpeg"
    thumbnail = client.get(attachment.thumbnail_url())
    assert thumbnail.status_code == 200
    assert thumbnail["Content-Type"] == "image/webp"


@pytest.mark.parametrize("status", [Idea.Status.DRAFT, Idea.Status.PENDING, Idea.Status.HIDDEN])
def test_a_file_of_an_idea_others_may_not_see_is_404_for_them(client, staff, colleague, moderator, attach, status):
    from tests.factories import IdeaFactory

    idea = IdeaFactory(author=staff, status=status)
    attachment = attach(idea)
    urls = [attachment.get_absolute_url()]

    for url in urls:
        assert client.get(url).status_code == 404  # visitors
        client.force_login(colleague)
        assert client.get(url).status_code == 404
        client.force_login(staff)
        assert client.get(url).status_code == 200  # the author
        client.force_login(moderator)
        assert client.get(url).status_code == (404 if status == Idea.Status.DRAFT else 200)
        client.logout()


def test_a_deleted_ideas_file_is_gone(client, idea, attach):
    url = attach(idea).get_absolute_url()
    idea.delete()
    assert client.get(url).status_code == 404


def test_behind_nginx_the_view_answers_with_x_accel_redirect(client, idea, attach):
    attachment = attach(idea)
    with override_settings(IDEABANK_ATTACHMENTS_ACCEL_REDIRECT="/protected-attachments/"):
        response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-attachments/{attachment.file.name}"
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_wrong_name_redirects_to_the_right_one(client, idea, attach):
    attachment = attach(idea)
    response = client.get(f"/filer/{attachment.pk}/andet.pdf")
    assert response.status_code == 302
    assert response["Location"] == attachment.get_absolute_url()
