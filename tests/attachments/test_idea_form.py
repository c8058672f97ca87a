"""The idea form's "Materiale" part: attach files while posting or editing, remove them, see refusals."""

import pytest

from ideabank.attachments.models import Attachment
from ideabank.ideas.models import Idea

from . import files

pytestmark = pytest.mark.django_db

IDEA = {
    "title": "Natcafé for hjemløse",
    "problem": "Hjemløse har intet varmt sted om natten.",
    "solution": "Frivillige holder åbent med kaffe og suppe.",
    "action": "publish",
}


def test_posting_an_idea_with_a_playbook_and_a_photo(client, staff):
    client.force_login(staff)
    data = {
        **IDEA,
        "files-file_1": files.upload("drejebog.pdf", files.pdf("Drejebog", "Vagtplan")),
        "files-description_1": "Drejebogen",
        "files-file_2": files.upload("opstilling.jpg", files.jpeg_with_gps()),
        "files-description_2": "Borde og stole i caféen",
    }

    response = client.post("/ideer/ny/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    idea = Idea.objects.get()
    assert sorted(idea.attachments.values_list("name", "kind")) == [("drejebog.pdf", "pdf"), ("opstilling.jpg", "jpeg")]
    page = client.get(idea.get_absolute_url()).content.decode()
    assert 'id="materials"' in page
    assert "drejebog.pdf" in page and "2 sider" in page
    assert 'alt="Borde og stole i caféen"' in page
    listing = client.get("/ideer/").content.decode()
    assert 'class="idea-row-image"' in listing


def test_a_refused_file_keeps_the_form_and_saves_nothing(client, staff):
    client.force_login(staff)
    data = {
        **IDEA,
        "files-file_1": files.upload("sag.docx", files.docx("Borger 010190-1234")),
        "files-description_1": "x",
    }

    response = client.post("/ideer/ny/", data)

    assert response.status_code == 422
    page = response.content.decode()
    assert "«sag.docx» blev ikke gemt" in page and "afsnit 1" in page
    assert not Idea.objects.exists()
    assert not Attachment.objects.exists()


def test_an_image_without_a_description_is_refused(client, staff):
    client.force_login(staff)
    response = client.post("/ideer/ny/", {**IDEA, "files-file_1": files.upload("foto.png", files.png())})
    assert response.status_code == 422
    assert "Beskriv billedet" in response.content.decode()
    assert not Idea.objects.exists()


def test_a_file_over_10_mb_is_413(client, staff):
    client.force_login(staff)
    big = files.upload("stor.pdf", b"%PDF-1.7\n" + b"0" * (11 * 1024 * 1024))
    response = client.post("/ideer/ny/", {**IDEA, "files-file_1": big, "files-description_1": "x"})
    assert response.status_code == 413
    assert "større end 10 MB" in response.content.decode()
    assert not Idea.objects.exists()


def test_editing_removes_a_ticked_file(client, idea, attach):
    kept, removed = attach(idea, name="a.pdf"), attach(idea, name="b.pdf")
    client.force_login(idea.author)

    response = client.post(
        f"/ideer/{idea.pk}/ret/",
        {**IDEA, "action": "save", f"files-remove_{removed.pk}": "on"},
    )

    assert response.status_code == 302
    assert list(idea.attachments.all()) == [kept]


def test_a_moderator_removes_a_file_from_the_idea_page(client, idea, attach, moderator, colleague):
    attachment = attach(idea)
    client.force_login(colleague)
    assert client.post(f"/filer/{attachment.pk}/fjern/").status_code == 403
    client.force_login(moderator)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert f"/filer/{attachment.pk}/fjern/" in page

    response = client.post(f"/filer/{attachment.pk}/fjern/")

    assert response.status_code == 302
    assert not Attachment.objects.exists()
