"""POST/DELETE /api/v1/ideas/{id}/attachments and the attachments in the idea's detail."""

import pytest
from django.core.files.storage import storages
from wagtail.models import ModelLogEntry

from ideabank.attachments.models import Attachment
from ideabank.ideas.models import Idea
from tests.factories import IdeaFactory

from . import files

pytestmark = pytest.mark.django_db


def stored_names(folder=""):
    """Every file in the attachments storage."""
    storage = storages["attachments"]
    folders, names = storage.listdir(folder)
    found = {f"{folder}{name}" for name in names}
    for sub in folders:
        found |= stored_names(f"{folder}{sub}/")
    return found


def post_file(client, idea, name, content, description="", **headers):
    upload = files.upload(name, content)
    return client.post(f"/api/v1/ideas/{idea.pk}/attachments", {"file": upload, "description": description}, **headers)


def test_post_returns_201_and_the_file_is_listed_in_the_detail(client, idea, token_for):
    response = post_file(
        client, idea, "drejebog.pdf", files.pdf("Natcafé", "Frivillige"), "Drejebogen", **token_for(idea.author)
    )

    assert response.status_code == 201, response.content
    body = response.json()
    attachment = Attachment.objects.get()
    assert body["id"] == attachment.pk
    assert body["name"] == "drejebog.pdf"
    assert body["type"] == "pdf"
    assert body["size"] == attachment.size > 0
    assert body["description"] == "Drejebogen"
    assert body["url"].endswith(f"/filer/{attachment.pk}/drejebog.pdf")
    detail = client.get(f"/api/v1/ideas/{idea.pk}").json()
    assert [item["id"] for item in detail["attachments"]] == [attachment.pk]
    assert detail["attachments"][0]["pages"] == 2


def test_an_image_needs_a_description(client, idea, token_for):
    response = post_file(client, idea, "foto.jpg", files.jpeg_with_gps(), "", **token_for(idea.author))

    assert response.status_code == 422
    assert "Beskriv billedet" in str(response.json()["detail"])
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "status"),
    [
        ("drejebog.pdf", files.pdf("Borger 010190-1234"), 422),
        ("drejebog.docx", files.docx("Borger 0101901234"), 422),
        ("drejebog.pdf", files.EXECUTABLE, 422),
        ("drejebog.pdf", files.encrypted_pdf(), 422),
        ("drejebog.pdf", files.pdf_with_javascript(), 422),
        ("drejebog.docx", files.macro_docx(), 422),
        ("drejebog.docx", files.zip_bomb(), 422),
    ],
    ids=["cpr-pdf", "cpr-docx", "executable", "encrypted", "javascript", "macros", "zip-bomb"],
)
def test_refusals_are_4xx_with_a_message_and_store_nothing(client, idea, token_for, name, content, status):
    before = stored_names()
    response = post_file(client, idea, name, content, "Materiale", **token_for(idea.author))

    assert response.status_code == status, response.content
    assert f"«{name}»" in response.json()["detail"]
    assert "1234" not in response.json()["detail"]
    assert not Attachment.objects.exists()
    assert stored_names() == before


def test_eleven_megabytes_is_413(client, idea, token_for):
    response = post_file(
        client, idea, "stor.pdf", b"%PDF-1.7\n" + b"0" * (11 * 1024 * 1024), "x", **token_for(idea.author)
    )

    assert response.status_code == 413
    assert "10 MB" in response.json()["detail"]
    assert not Attachment.objects.exists()


def test_a_sixth_file_is_refused(client, idea, token_for, attach):
    for number in range(5):
        attach(idea, name=f"fil{number}.pdf")

    response = post_file(client, idea, "sjette.pdf", files.pdf("Natcafé"), "x", **token_for(idea.author))

    assert response.status_code == 422
    assert "højst have 5" in str(response.json()["detail"])
    assert Attachment.objects.count() == 5


def test_only_the_author_editors_and_moderators_may_add(client, idea, token_for, colleague, editor, moderator):
    refused = post_file(client, idea, "a.pdf", files.pdf("Natcafé"), "x", **token_for(colleague))
    assert refused.status_code == 403
    for user in (editor, moderator):
        assert post_file(client, idea, "a.pdf", files.pdf("Natcafé"), "x", **token_for(user)).status_code == 201
    assert (
        client.post(f"/api/v1/ideas/{idea.pk}/attachments", {"file": files.upload("a.pdf", files.pdf("x"))}).status_code
        == 401
    )


def test_someone_elses_draft_is_404(client, staff, colleague, token_for):
    draft = IdeaFactory(author=staff, status=Idea.Status.DRAFT)
    assert post_file(client, draft, "a.pdf", files.pdf("x"), "x", **token_for(colleague)).status_code == 404


def test_delete_is_204_and_removes_the_stored_file(client, idea, token_for, attach, django_capture_on_commit_callbacks):
    attachment = attach(idea)
    name = attachment.file.name
    assert name in stored_names()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.delete(f"/api/v1/ideas/{idea.pk}/attachments/{attachment.pk}", **token_for(idea.author))

    assert response.status_code == 204
    assert not Attachment.objects.exists()
    assert name not in stored_names()
    assert not ModelLogEntry.objects.filter(action="ideabank.attachment_removed").exists()  # the author's own


def test_a_moderator_removing_a_file_is_logged(client, idea, token_for, attach, moderator, colleague):
    attachment = attach(idea)
    assert (
        client.delete(f"/api/v1/ideas/{idea.pk}/attachments/{attachment.pk}", **token_for(colleague)).status_code == 403
    )

    response = client.delete(f"/api/v1/ideas/{idea.pk}/attachments/{attachment.pk}", **token_for(moderator))

    assert response.status_code == 204
    entry = ModelLogEntry.objects.get(action="ideabank.attachment_removed")
    assert entry.user_id == moderator.pk
    assert entry.object_id == str(idea.pk)
    assert entry.data["name"] == "drejebog.pdf"


def test_an_attachment_of_another_idea_is_404(client, idea, token_for, attach, staff):
    other = IdeaFactory(author=staff)
    attachment = attach(other)
    response = client.delete(f"/api/v1/ideas/{idea.pk}/attachments/{attachment.pk}", **token_for(staff))
    assert response.status_code == 404
    assert Attachment.objects.filter(pk=attachment.pk).exists()
