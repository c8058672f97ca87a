"""A user's data export lists their attachments with download links; deleting the account keeps the files
on the ideas (already cleaned), added by nobody in particular; a deleted draft takes its files along."""

import pytest
from django.core.files.storage import storages

from ideabank.accounts.privacy import delete_account, export_user_data
from ideabank.attachments.models import Attachment
from ideabank.ideas.models import Idea
from tests.factories import IdeaFactory

from . import files

pytestmark = pytest.mark.django_db


def test_the_export_lists_attachments_with_download_links(idea, attach):
    attachment = attach(idea, name="drejebog.pdf", description="Drejebogen")

    section = export_user_data(idea.author)["attachments"]

    assert section == [
        {
            "id": attachment.pk,
            "idea": idea.pk,
            "idea_title": idea.title,
            "name": "drejebog.pdf",
            "type": "pdf",
            "size": attachment.size,
            "description": "Drejebogen",
            "created": attachment.created.isoformat(),
            "url": section[0]["url"],
        }
    ]
    assert section[0]["url"].startswith("http") and section[0]["url"].endswith(f"/filer/{attachment.pk}/drejebog.pdf")


def test_deleting_the_account_keeps_published_files_and_drops_drafts(
    idea, attach, staff, django_capture_on_commit_callbacks
):
    published = attach(idea, name="foto.jpg", content=files.jpeg_with_gps(), description="Caféen")
    draft = IdeaFactory(author=staff, status=Idea.Status.DRAFT)
    drafted = attach(draft, name="kladde.pdf")
    drafted_name = drafted.file.name

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(staff, acting=staff)

    kept = Attachment.objects.get()
    assert kept.pk == published.pk
    assert kept.uploaded_by is None
    assert storages["attachments"].exists(kept.file.name)
    assert not storages["attachments"].exists(drafted_name)
    assert b"Exif" not in kept.file.open("rb").read()
